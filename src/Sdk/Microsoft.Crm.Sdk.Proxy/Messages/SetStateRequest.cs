using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        public EntityReference EntityMoniker
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "EntityMoniker");
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => MessageParameters.Get<OptionSetValue>(Parameters, "State");
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => MessageParameters.Get<OptionSetValue>(Parameters, "Status");
            set => Parameters["Status"] = value;
        }
    }
}
