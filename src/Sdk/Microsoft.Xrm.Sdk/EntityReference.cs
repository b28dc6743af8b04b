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
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();
        [NonSerialized] private ExtensionDataObject _extensionData;

        public EntityReference() { }

        public EntityReference(string logicalName) => LogicalName = logicalName;

        public EntityReference(string logicalName, Guid id) : this(logicalName) => Id = id;

        public EntityReference(string logicalName, string keyName, object keyValue) : this(logicalName)
        {
            _keyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection) : this(logicalName)
        {
            _keyAttributes = keyAttributeCollection ?? new KeyAttributeCollection();
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
            get => _keyAttributes;
            set => _keyAttributes = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData
        {
            get => _extensionData;
            set => _extensionData = value;
        }

        public override bool Equals(object obj)
        {
            if (ReferenceEquals(this, obj)) return true;
            if (!(obj is EntityReference other)) return false;
            if (!string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)) return false;
            if (Id != Guid.Empty || other.Id != Guid.Empty) return Id == other.Id;
            return SameKeys(_keyAttributes, other._keyAttributes);
        }

        public override int GetHashCode()
        {
            int hash = LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName);
            return unchecked(hash * 397 ^ Id.GetHashCode());
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
