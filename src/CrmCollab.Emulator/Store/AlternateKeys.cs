using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Alternate keys as the platform keeps them: a target named by its key is found through the first key column's
    /// index, and a write that would give two rows the same key values is refused (a key with a null part is not enforced;
    /// strings compare without case).
    /// <para>
    /// A key's index is built by a background job after the solution import (Microsoft Learn "Work with alternate keys",
    /// Monitor index creation: EntityKeyIndexStatus Pending, In Progress, Active, Failed; the index is what enforces
    /// uniqueness). A key whose index is not built (<see cref="KeyIndexState.Pending"/> or
    /// <see cref="KeyIndexState.Failed"/>) enforces nothing, and a row cannot be named by it (documented for Upsert, which
    /// Dataverse rejects without an active key: Microsoft Learn, Dataverse SDK for Python, "Customize tables and columns",
    /// Alternate keys; the engine refuses every use of such a key alike, the other uses being undocumented). Keys start Active unless
    /// EngineOptions.AlternateKeysPendingAtBoot asks for the state right after an import.
    /// </para>
    /// </summary>
    internal sealed class AlternateKeys
    {
        private readonly RowStore _rows;
        private readonly Dictionary<string, KeyIndexState> _states = new Dictionary<string, KeyIndexState>(StringComparer.Ordinal);

        public AlternateKeys(RowStore rows) => _rows = rows;

        private static string Name(TableDefinition table, AlternateKeyDefinition key) => table.LogicalName + "|" + key.LogicalName;

        public KeyIndexState StateOf(TableDefinition table, AlternateKeyDefinition key) =>
            _states.TryGetValue(Name(table, key), out var state) ? state : KeyIndexState.Active;

        public void SetState(TableDefinition table, AlternateKeyDefinition key, KeyIndexState state) => _states[Name(table, key)] = state;

        /// <summary>The background job building a key's index: Failed when rows already share its values, else Active.</summary>
        public KeyIndexState BuildIndex(TableDefinition table, AlternateKeyDefinition key)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var state = KeyIndexState.Active;
            foreach (var row in _rows.Scan(table.LogicalName))
            {
                var values = key.Columns.Select(c => row.GetAttributeValue<object>(c)).ToArray();
                if (values.Any(v => v == null)) continue;
                if (!seen.Add(string.Join("\u0001", values.Select(KeyText)))) { state = KeyIndexState.Failed; break; }
            }
            SetState(table, key, state);
            return state;
        }

        private static string KeyText(object value)
        {
            switch (value)
            {
                case EntityReference r: return r.Id.ToString();
                case OptionSetValue o: return o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        /// <summary>The id a target names: its Id, its primary-id attribute or its alternate key.</summary>
        public Guid ResolveId(TableDefinition table, Entity target)
        {
            if (target.Id != Guid.Empty) return target.Id;
            if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var raw) && raw is Guid fromAttribute) return fromAttribute;
            if (EntityParts.HasKeys(target)) return Find(table, target.KeyAttributes) ?? Guid.Empty;
            return Guid.Empty;
        }

        /// <summary>The row whose alternate-key (or primary key) values equal the given ones.</summary>
        public Guid? Find(TableDefinition table, KeyAttributeCollection keys)
        {
            if (keys.Count == 1 && keys.TryGetValue(table.PrimaryIdAttribute, out var pk) && pk is Guid g)
                return _rows.Exists(table.LogicalName, g) ? g : (Guid?)null;
            var names = new HashSet<string>(keys.Keys);
            var matching = table.Keys.Where(k => names.SetEquals(k.Columns)).ToList();
            if (matching.Count == 0)
                throw Faults.Invalid($"The key attributes ({string.Join(", ", names)}) do not match an alternate key of '{table.LogicalName}'.");
            if (matching.All(k => StateOf(table, k) != KeyIndexState.Active))
                throw Faults.Invalid($"The alternate key {matching[0].LogicalName} of '{table.LogicalName}' is not active: its index " +
                    $"is {StateOf(table, matching[0]).ToString().ToLowerInvariant()}, so no record can be named by it yet.");
            var first = keys.First();
            foreach (var row in Candidates(table, first.Key, first.Value))
                if (keys.All(k => KeyEquals(row.GetAttributeValue<object>(k.Key), k.Value))) return row.Id;
            return null;
        }

        /// <summary>The columns an Update may write besides those it is sent: stamps, the composed name, the owner's columns.</summary>
        public static bool StampedByUpdate(string column) => column == "modifiedon" || column == "modifiedby" || column == "fullname"
            || column == "owninguser" || column == "owningteam" || column == "owningbusinessunit";

        /// <summary>Throws the platform's duplicate-key fault when another row has every key value of <paramref name="row"/>.</summary>
        public void CheckUnique(TableDefinition table, Entity row)
        {
            foreach (var key in table.Keys)
            {
                if (StateOf(table, key) != KeyIndexState.Active) continue; // no index yet: nothing enforces the key
                var values = key.Columns.Select(c => row.GetAttributeValue<object>(c)).ToArray();
                if (values.Any(v => v == null)) continue; // keys with a null part are not enforced
                foreach (var other in Candidates(table, key.Columns[0], values[0]))
                {
                    if (other.Id == row.Id) continue;
                    if (key.Columns.Select((c, i) => KeyEquals(other.GetAttributeValue<object>(c), values[i])).All(x => x))
                        throw Faults.Create(ErrorCodes.DuplicateRecordEntityKey,
                            $"Entity Key {key.LogicalName} violated. A record with the same value for {string.Join(", ", key.Columns)} already exists. A duplicate record cannot be created. Select one or more unique values and try again.");
                }
            }
        }

        /// <summary>Rows that may share the value: through the column's index when the value is keyable.</summary>
        private IEnumerable<Entity> Candidates(TableDefinition table, string column, object value) =>
            RowIndex.Key(value) != null ? _rows.Find(table.LogicalName, column, value) : _rows.Scan(table.LogicalName);

        private static bool KeyEquals(object left, object right)
        {
            if (left is string a && right is string b) return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            if (left is EntityReference ra && right is EntityReference rb) return ra.Id == rb.Id;
            if (left is OptionSetValue oa && right is OptionSetValue ob) return oa.Value == ob.Value;
            return Equals(left, right);
        }
    }

    /// <summary>EntityKeyIndexStatus as the engine keeps it (In Progress is not told apart from Pending).</summary>
    public enum KeyIndexState
    {
        Pending = 0,
        Active = 2,
        Failed = 3,
    }
}
