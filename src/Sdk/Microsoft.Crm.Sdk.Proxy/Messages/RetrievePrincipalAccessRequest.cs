using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrievePrincipalAccessRequest : OrganizationRequest
    {
        public RetrievePrincipalAccessRequest()
        {
            RequestName = "RetrievePrincipalAccess";
            Target = null;
            Principal = null;
        }

        public EntityReference Target
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public EntityReference Principal
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "Principal");
            set => Parameters["Principal"] = value;
        }
    }
}
