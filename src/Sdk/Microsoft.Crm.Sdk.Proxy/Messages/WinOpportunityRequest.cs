using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WinOpportunityRequest : OrganizationRequest
    {
        public WinOpportunityRequest()
        {
            RequestName = "WinOpportunity";
            OpportunityClose = null;
            Status = null;
        }

        public Entity OpportunityClose
        {
            get => MessageParameters.Get<Entity>(Parameters, "OpportunityClose");
            set => Parameters["OpportunityClose"] = value;
        }

        public OptionSetValue Status
        {
            get => MessageParameters.Get<OptionSetValue>(Parameters, "Status");
            set => Parameters["Status"] = value;
        }
    }
}
