using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
        }

        public EntityReference Target
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => MessageParameters.Get<ColumnSet>(Parameters, "ColumnSet");
            set => Parameters["ColumnSet"] = value;
        }

        public RelationshipQueryCollection RelatedEntitiesQuery
        {
            get => MessageParameters.Get<RelationshipQueryCollection>(Parameters, "RelatedEntitiesQuery");
            set => Parameters["RelatedEntitiesQuery"] = value;
        }

        public bool ReturnNotifications
        {
            get => MessageParameters.Get<bool>(Parameters, "ReturnNotifications");
            set => Parameters["ReturnNotifications"] = value;
        }
    }
}
