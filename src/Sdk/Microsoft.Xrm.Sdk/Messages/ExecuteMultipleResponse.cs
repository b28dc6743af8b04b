using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponse()
        {
        }

        public ExecuteMultipleResponseItemCollection Responses => MessageParameters.Get<ExecuteMultipleResponseItemCollection>(Results, "Responses");

        public bool IsFaulted => MessageParameters.Get<bool>(Results, "IsFaulted");
    }
}
