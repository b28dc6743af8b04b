using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrieveActivePathRequest : OrganizationRequest
    {
        public RetrieveActivePathRequest()
        {
            RequestName = "RetrieveActivePath";
            ProcessInstanceId = Guid.Empty;
        }

        public Guid ProcessInstanceId
        {
            get => MessageParameters.Get<Guid>(Parameters, "ProcessInstanceId");
            set => Parameters["ProcessInstanceId"] = value;
        }
    }
}
