using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A yes/no metadata setting with its "can be changed" flag (e.g. IsCustomizable).</summary>
    [DataContract(Name = "BooleanManagedProperty", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class BooleanManagedProperty : ManagedProperty<bool>
    {
        public BooleanManagedProperty()
        {
        }

        public BooleanManagedProperty(bool value)
        {
            Value = value;
        }
    }
}
