using System;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A pointer to a row: table + id, or table + alternate key values.</summary>
    [DataContract(Name = "EntityReference", Namespace = XrmNamespaces.Contracts2011)]
    [Serializable]
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyAttributes; // made on first read
        [NonSerialized] private ExtensionDataObject _extensionData;

        public EntityReference() { }

        public EntityReference(string logicalName) => LogicalName = logicalName;

        public EntityReference(string logicalName, Guid id) : this(logicalName) => Id = id;

        public EntityReference(string logicalName, string keyName, object keyValue) : this(logicalName)
        {
            KeyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection) : this(logicalName)
        {
            _keyAttributes = keyAttributeCollection;
        }

        [DataMember]
        public Guid Id { get; set; }

        [DataMember]
        public string LogicalName { get; set; }

        /// <summary>The primary name, informational only: it takes no part in equality.</summary>
        [DataMember]
        public string Name { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData
        {
            get => _extensionData;
            set => _extensionData = value;
        }

        /// <summary>
        /// Same table (ordinal), same id and the same alternate key values, as in the SDK: a reference by id and one
        /// by id plus keys differ. Name and RowVersion take no part.
        /// </summary>
        public override bool Equals(object obj)
        {
            if (ReferenceEquals(this, obj)) return true;
            if (!(obj is EntityReference other)) return false;
            return string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
                && Id == other.Id
                && SameKeys(_keyAttributes, other._keyAttributes);
        }

        /// <summary>
        /// Combines table and id (nothing when the table is unset) with every key name and value; as in the SDK a
        /// null key value cannot be hashed (NullReferenceException).
        /// </summary>
        public override int GetHashCode()
        {
            int hash = LogicalName == null ? 0 : LogicalName.GetHashCode() ^ Id.GetHashCode();
            if (_keyAttributes == null) return hash;
            foreach (var pair in _keyAttributes) hash ^= pair.Key.GetHashCode() ^ pair.Value.GetHashCode();
            return hash;
        }

        private static bool SameKeys(KeyAttributeCollection left, KeyAttributeCollection right)
        {
            int leftCount = left?.Count ?? 0, rightCount = right?.Count ?? 0;
            if (leftCount != rightCount) return false;
            if (leftCount == 0) return true;
            return left.All(pair => right.TryGetValue(pair.Key, out object value) && Equals(pair.Value, value));
        }
    }
}
