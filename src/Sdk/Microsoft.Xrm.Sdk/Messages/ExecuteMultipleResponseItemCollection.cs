using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    // The contract name differs from the type name on purpose: it is the wire name the service uses.
    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection()
        {
        }
    }
}
