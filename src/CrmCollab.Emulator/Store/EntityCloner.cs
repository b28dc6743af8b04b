using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Deep copies of SDK values. The store never shares an instance with a caller: what goes in and what comes
    /// out are copies, as over the wire.
    /// </summary>
    public static class EntityCloner
    {
        public static Entity Clone(Entity source)
        {
            if (source == null) return null;
            var copy = SizedEntity.New(source.LogicalName, source.Attributes.Count);
            copy.Id = source.Id;
            copy.RowVersion = source.RowVersion;
            copy.EntityState = source.EntityState;
            using (var pairs = new Pairs(source.Attributes))
                foreach (var pair in pairs) copy.Attributes[pair.Key] = CloneValue(pair.Value);
            CopyExtras(source, copy);
            return copy;
        }

        /// <summary>
        /// The next version of a stored row: attribute values shared, not copied. Only for rows the store owns,
        /// whose values are never changed in place (a write replaces the row), so versions may share them. Stored
        /// rows carry no formatted values, keys or related rows (StoredValues.CopyIn keeps none).
        /// </summary>
        internal static Entity NextVersion(Entity stored, int more = 0) =>
            NextVersion(stored, SizedEntity.New(stored.LogicalName, stored.Attributes.Count + more));

        /// <summary>As <see cref="NextVersion(Entity, int)"/>, into an empty entity of the same table.</summary>
        internal static Entity NextVersion(Entity stored, Entity into)
        {
            into.Id = stored.Id;
            into.RowVersion = stored.RowVersion;
            into.EntityState = stored.EntityState;
            using var pairs = new Pairs(stored.Attributes);
            foreach (var pair in pairs) into.Attributes[pair.Key] = pair.Value;
            return into;
        }

        // Formatted values, keys and related rows; skipped when empty, as they nearly always are, and asked without making
        // the caller's entity an empty collection of each (EntityParts).
        private static void CopyExtras(Entity source, Entity copy)
        {
            if (EntityParts.HasFormattedValues(source))
                foreach (var pair in source.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
            if (EntityParts.HasKeys(source))
                foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = CloneValue(pair.Value);
            if (EntityParts.HasRelatedRows(source))
                foreach (var pair in source.RelatedEntities)
                    copy.RelatedEntities[new Relationship(pair.Key.SchemaName) { PrimaryEntityRole = pair.Key.PrimaryEntityRole }] =
                        (EntityCollection)CloneValue(pair.Value);
        }

        /// <summary>
        /// A copy holding only the given columns (all when null), without formatted values. Like Dataverse, a column
        /// whose value is null is left out (Retrieve, queries and images never return null attributes).
        /// </summary>
        public static Entity Project(Entity source, ICollection<string> columns)
        {
            int count = source.Attributes.Count;
            var copy = SizedEntity.New(source.LogicalName, columns == null ? count : Math.Min(count, columns.Count));
            copy.Id = source.Id;
            copy.RowVersion = source.RowVersion;
            using var pairs = new Pairs(source.Attributes);
            foreach (var pair in pairs)
                if (pair.Value != null && (columns == null || columns.Contains(pair.Key))) copy.Attributes[pair.Key] = CloneValue(pair.Value);
            return copy;
        }

        /// <summary>As <see cref="Project(Entity, ICollection{string})"/> for a short column list (no set to build).</summary>
        internal static Entity ProjectFew(Entity source, IList<string> columns)
        {
            var copy = SizedEntity.New(source.LogicalName, Math.Min(source.Attributes.Count, columns.Count));
            copy.Id = source.Id;
            copy.RowVersion = source.RowVersion;
            // Each asked column looked up in the row (no pass over all of a stored row's values), in the order asked; a
            // stored row straight from its compact attributes.
            StoredAttributes values = (source as StoredRow)?.Stored;
            for (int i = 0; i < columns.Count; i++)
            {
                object value;
                bool found = values != null ? values.TryGetValue(columns[i], out value) : source.Attributes.TryGetValue(columns[i], out value);
                if (found && value != null) copy.Attributes[columns[i]] = CloneValue(value);
            }
            return copy;
        }

        /// <summary>
        /// As <see cref="Project(Entity, ICollection{string})"/> for a stored row and a list of columns of any length: the asked
        /// columns marked by their number in the table's layout (no set built per read), the values copied in the row's own
        /// order, into a copy made at the number it will hold.
        /// </summary>
        internal static Entity ProjectStored(Entity source, StoredAttributes values, IList<string> columns)
        {
            ColumnLayout layout = values.Layout;
            int numbered = layout.Count;
            Span<bool> asked = numbered <= 1024 ? stackalloc bool[numbered] : new bool[numbered];
            for (int i = 0; i < columns.Count; i++)
            {
                int number = layout.Find(columns[i]);
                if (number >= 0 && number < numbered) asked[number] = true;
            }
            ushort[] numbers = values.Ordinals;
            object[] stored = values.StoredValues;
            int filled = 0;
            for (int slot = 0; slot < numbers.Length; slot++)
                if (numbers[slot] < numbered && asked[numbers[slot]] && stored[slot] != null) filled++;
            var copy = SizedEntity.New(source.LogicalName, filled);
            copy.Id = source.Id;
            copy.RowVersion = source.RowVersion;
            for (int slot = 0; slot < numbers.Length && filled > 0; slot++)
                if (numbers[slot] < numbered && asked[numbers[slot]] && stored[slot] != null)
                {
                    copy.Attributes[layout.Name(numbers[slot])] = CloneValue(stored[slot]);
                    filled--;
                }
            return copy;
        }

        public static object CloneValue(object value)
        {
            // Most values are text, numbers, dates, ids and lookups: answered before the long chain of type tests below
            // (no case of which is a string or a value type).
            if (value is string || value is ValueType) return value;
            if (value is EntityReference reference) return CloneReference(reference);
            switch (value)
            {
                case null: return null;
                case OptionSetValue o: return new OptionSetValue(o.Value);
                case Money m: return new Money(m.Value);
                case Entity e: return Clone(e);
                case OptionSetValueCollection oc: return new OptionSetValueCollection(oc.Select(o => new OptionSetValue(o.Value)).ToList());
                case EntityCollection ec:
                    return new EntityCollection(ec.Entities.Select(Clone).ToList())
                    {
                        EntityName = ec.EntityName, MoreRecords = ec.MoreRecords, PagingCookie = ec.PagingCookie,
                        TotalRecordCount = ec.TotalRecordCount, TotalRecordCountLimitExceeded = ec.TotalRecordCountLimitExceeded,
                        MinActiveRowVersion = ec.MinActiveRowVersion,
                    };
                case EntityReferenceCollection rc: return new EntityReferenceCollection(rc.Select(CloneReference).ToList());
                case AliasedValue a: return new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, CloneValue(a.Value));
                case Array array: return array.Clone();
                case ParameterCollection p: return CloneParameters(p);
                case OrganizationRequest request: return CloneRequest(request);
                case OrganizationRequestCollection requests:
                    var copies = new OrganizationRequestCollection();
                    foreach (var request in requests) copies.Add(CloneRequest(request));
                    return copies;
                default: return value; // strings, numbers, dates, guids, enums: immutable
            }
        }

        public static EntityReference CloneReference(EntityReference r)
        {
            if (r == null) return null;
            var copy = new EntityReference(r.LogicalName, r.Id) { Name = r.Name, RowVersion = r.RowVersion };
            if (EntityParts.HasKeys(r))
                foreach (var pair in r.KeyAttributes) copy.KeyAttributes[pair.Key] = CloneValue(pair.Value);
            return copy;
        }

        public static ParameterCollection CloneParameters(ParameterCollection source)
        {
            var copy = new ParameterCollection();
            if (source.Count == 0) return copy;
            using var pairs = new Pairs(source);
            foreach (var pair in pairs) copy[pair.Key] = CloneValue(pair.Value);
            return copy;
        }

        /// <summary>A generic request with the same name, id and deep-copied parameters.</summary>
        public static OrganizationRequest CloneRequest(OrganizationRequest request)
        {
            if (request == null) return null;
            var copy = new OrganizationRequest(request.RequestName) { RequestId = request.RequestId };
            using var pairs = new Pairs(request.Parameters);
            foreach (var pair in pairs) copy.Parameters[pair.Key] = CloneValue(pair.Value);
            return copy;
        }
    }
}
