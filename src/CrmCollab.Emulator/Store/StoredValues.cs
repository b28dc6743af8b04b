using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// How values enter the store. Most of a row's memory went to copies of the same few values: every row names its
    /// creator, modifier, owner and business unit, and the children of a deal all point to it, each through its own
    /// EntityReference (with its own key-attribute collection); choices repeat a handful of numbers. A value written
    /// into a row is therefore the store's one instance for it: a reference (table and id, nothing else) per record,
    /// a choice per number, one box per Boolean. Anything else is copied as before.
    /// These instances are the store's own and never change in place; every read copies them (as before), so
    /// neither a caller nor a plugin ever holds one.
    /// </summary>
    internal sealed class StoredValues
    {
        private static readonly object True = true, False = false;

        // Every read copies a reference and asks whether it has key attributes; the SDK makes an empty collection on that
        // first question. The store's references have none, ever: they share one empty collection that refuses changes,
        // instead of each keeping its own (about 100 bytes per referenced record, for the life of the store).
        private static readonly KeyAttributeCollection NoKeys = SizedEntity.NoKeys();
        private readonly Dictionary<Guid, EntityReference> _references = new Dictionary<Guid, EntityReference>();
        private readonly Dictionary<int, OptionSetValue> _options = new Dictionary<int, OptionSetValue>();

        /// <summary>The value as the store keeps it: a shared instance where one serves, else a deep copy.</summary>
        public object In(object value) => TryShare(value, out object shared) ? shared : EntityCloner.CloneValue(value);

        /// <summary>As <see cref="In"/> for a value that is already the store's private copy (no second copy is made).</summary>
        public object Own(object copy) => TryShare(copy, out object shared) ? shared : copy;

        private bool TryShare(object value, out object shared)
        {
            switch (value)
            {
                case EntityReference reference when IsLookupValue(reference): shared = Reference(reference.LogicalName, reference.Id); return true;
                case OptionSetValue option when option.ExtensionData == null: shared = Option(option.Value); return true;
                case bool flag: shared = flag ? True : False; return true;
                default: shared = null; return false;
            }
        }

        /// <summary>The store's reference to a record (ids are unique across tables; a clash gets its own instance).</summary>
        public EntityReference Reference(string table, Guid id)
        {
            if (_references.TryGetValue(id, out var shared))
                return string.Equals(shared.LogicalName, table, StringComparison.Ordinal) ? shared : new EntityReference(table, id);
            shared = new EntityReference(table, id) { KeyAttributes = NoKeys };
            _references.Add(id, shared);
            return shared;
        }

        public OptionSetValue Option(int value)
        {
            if (!_options.TryGetValue(value, out var shared)) _options.Add(value, shared = new OptionSetValue(value));
            return shared;
        }

        /// <summary>
        /// Fills <paramref name="copy"/> (a new, empty row) with copies of <paramref name="source"/>'s attributes; its
        /// extras are not kept.
        /// </summary>
        public Entity CopyIn(Entity source, Entity copy)
        {
            copy.Id = source.Id;
            copy.EntityState = source.EntityState;
            using var pairs = new Pairs(source.Attributes);
            foreach (var pair in pairs) copy.Attributes[pair.Key] = In(pair.Value);
            return copy;
        }

        /// <summary>
        /// A lookup keeps the table and the id, nothing else: a read names the record from its row as it is then, and
        /// a name, row version or extension data the writer's reference carried is not kept (the writer's row version is
        /// the referenced record's version when the writer read it, not part of the lookup). A reference by alternate
        /// key is copied: the validator refuses it.
        /// </summary>
        private static bool IsLookupValue(EntityReference reference) =>
            reference.LogicalName != null && !EntityParts.HasKeys(reference);
    }
}
