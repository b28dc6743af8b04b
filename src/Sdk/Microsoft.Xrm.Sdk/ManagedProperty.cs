using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A metadata setting a solution can lock: its value and whether it may still be changed (true unless set
    /// otherwise). Compared by reference, as in the SDK.
    /// </summary>
    [DataContract(Name = "ManagedProperty{0}", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(BooleanManagedProperty))]
    [KnownType(typeof(Metadata.AttributeRequiredLevel))]
    public abstract class ManagedProperty<T> : IExtensibleDataObject
    {
        protected ManagedProperty()
            : this(null)
        {
        }

        protected ManagedProperty(string managedPropertyLogicalName)
        {
            ManagedPropertyLogicalName = managedPropertyLogicalName;
            CanBeChanged = true;
        }

        [DataMember]
        public T Value { get; set; }

        [DataMember]
        public bool CanBeChanged { get; set; }

        [DataMember]
        public string ManagedPropertyLogicalName { get; private set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
