using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AddMembersTeamRequest : OrganizationRequest
    {
        public AddMembersTeamRequest()
        {
            RequestName = "AddMembersTeam";
            TeamId = Guid.Empty;
            MemberIds = null;
        }

        public Guid TeamId
        {
            get => MessageParameters.Get<Guid>(Parameters, "TeamId");
            set => Parameters["TeamId"] = value;
        }

        public Guid[] MemberIds
        {
            get => MessageParameters.Get<Guid[]>(Parameters, "MemberIds");
            set => Parameters["MemberIds"] = value;
        }
    }
}
