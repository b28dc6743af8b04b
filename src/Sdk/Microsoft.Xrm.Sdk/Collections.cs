using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    // The concrete keyed collections of the SDK. Their contract names and namespaces are part of the wire format.

    [CollectionDataContract(Name = "AttributeCollection", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType("GetKnownParameterTypes")]
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection() { }

        protected internal AttributeCollection(IDictionary<string, object> collection) : base(collection) { }

        private static IEnumerable<Type> GetKnownParameterTypes() => KnownTypes.Parameters;
    }

    [CollectionDataContract(Name = "ParameterCollection", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType("GetKnownParameterTypes")]
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection() { }

        protected ParameterCollection(IDictionary<string, object> collection) : base(collection) { }

        /// <summary>Typed read that never throws for a missing key or a value of another type.</summary>
        public bool TryGetValue<T>(string key, out T value)
        {
            if (base.TryGetValue(key, out object raw) && raw is T typed)
            {
                value = typed;
                return true;
            }
            value = default;
            return false;
        }

        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj != null) this[key] = obj;
        }

        private static IEnumerable<Type> GetKnownParameterTypes() => KnownTypes.Parameters;
    }

    [CollectionDataContract(Name = "FormattedValueCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection() { }

        protected internal FormattedValueCollection(IDictionary<string, string> collection) : base(collection) { }
    }

    [CollectionDataContract(Name = "KeyAttributeCollection", Namespace = XrmNamespaces.Contracts71)]
    [Serializable]
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection() { }

        protected internal KeyAttributeCollection(IDictionary<string, object> collection) : base(collection) { }
    }

    [CollectionDataContract(Name = "EntityImageCollection", Namespace = XrmNamespaces.Contracts2011)]
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection() { }

        protected internal EntityImageCollection(IDictionary<string, Entity> collection) : base(collection) { }
    }

    [CollectionDataContract(Name = "RelatedEntityCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        public RelatedEntityCollection() { }

        public override bool IsReadOnly => false;
    }

    [CollectionDataContract(Name = "ErrorDetailCollection", Namespace = XrmNamespaces.Contracts2011)]
    [Serializable]
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        public ErrorDetailCollection() { }
    }

    [CollectionDataContract(Name = "EntityReferenceCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection() { }

        public EntityReferenceCollection(IList<EntityReference> list) : base(list) { }
    }

    [CollectionDataContract(Name = "OptionSetValueCollection", Namespace = XrmNamespaces.Contracts90)]
    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection() { }

        public OptionSetValueCollection(IList<OptionSetValue> list) : base(list) { }
    }

    internal static class XrmNamespaces
    {
        public const string Contracts2011 = "http://schemas.microsoft.com/xrm/2011/Contracts";
        public const string Contracts71 = "http://schemas.microsoft.com/xrm/7.1/Contracts";
        public const string Contracts90 = "http://schemas.microsoft.com/xrm/9.0/Contracts";
        public const string Services2011 = "http://schemas.microsoft.com/xrm/2011/Contracts/Services";
    }
}
