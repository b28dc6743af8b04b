using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
            Requests = null;
        }

        public OrganizationRequestCollection Requests
        {
            get => MessageParameters.Get<OrganizationRequestCollection>(Parameters, "Requests");
            set => Parameters["Requests"] = value;
        }

        public bool? ReturnResponses
        {
            get => MessageParameters.Get<bool?>(Parameters, "ReturnResponses");
            set => Parameters["ReturnResponses"] = value;
        }
    }
}
