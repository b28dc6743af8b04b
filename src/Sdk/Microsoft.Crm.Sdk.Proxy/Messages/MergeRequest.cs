using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class MergeRequest : OrganizationRequest
    {
        public MergeRequest()
        {
            RequestName = "Merge";
            Target = null;
            SubordinateId = Guid.Empty;
            UpdateContent = null;
            PerformParentingChecks = false;
        }

        public EntityReference Target
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public Guid SubordinateId
        {
            get => MessageParameters.Get<Guid>(Parameters, "SubordinateId");
            set => Parameters["SubordinateId"] = value;
        }

        public Entity UpdateContent
        {
            get => MessageParameters.Get<Entity>(Parameters, "UpdateContent");
            set => Parameters["UpdateContent"] = value;
        }

        public bool PerformParentingChecks
        {
            get => MessageParameters.Get<bool>(Parameters, "PerformParentingChecks");
            set => Parameters["PerformParentingChecks"] = value;
        }
    }
}
