using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    public class CrmMessageTests
    {
        [Fact]
        public void WinOpportunity_stores_close_and_status()
        {
            var close = new Entity("opportunityclose");
            var request = new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(3) };

            Assert.Equal("WinOpportunity", request.RequestName);
            Assert.Same(close, request.Parameters["OpportunityClose"]);
            Assert.Equal(3, Assert.IsType<OptionSetValue>(request.Parameters["Status"]).Value);
        }

        [Fact]
        public void Generic_request_with_same_name_and_parameters_reads_back_through_typed_view()
        {
            var close = new Entity("opportunityclose");
            var generic = new OrganizationRequest("LoseOpportunity");
            generic.Parameters["OpportunityClose"] = close;
            generic.Parameters["Status"] = new OptionSetValue(4);

            var typed = new LoseOpportunityRequest { Parameters = generic.Parameters };

            Assert.Equal("LoseOpportunity", typed.RequestName);
            Assert.Same(close, typed.OpportunityClose);
            Assert.Equal(4, typed.Status.Value);
        }

        [Fact]
        public void SetState_and_Assign_use_official_names()
        {
            var moniker = new EntityReference("account", Guid.NewGuid());
            var setState = new SetStateRequest { EntityMoniker = moniker, State = new OptionSetValue(1), Status = new OptionSetValue(2) };
            Assert.Equal("SetState", setState.RequestName);
            Assert.Same(moniker, setState.Parameters["EntityMoniker"]);
            Assert.Equal(1, ((OptionSetValue)setState.Parameters["State"]).Value);
            Assert.Equal(2, ((OptionSetValue)setState.Parameters["Status"]).Value);

            var owner = new EntityReference("systemuser", Guid.NewGuid());
            var assign = new AssignRequest { Target = moniker, Assignee = owner };
            Assert.Equal("Assign", assign.RequestName);
            Assert.Same(moniker, assign.Parameters["Target"]);
            Assert.Same(owner, assign.Parameters["Assignee"]);
        }

        [Fact]
        public void WhoAmI_response_reads_ids()
        {
            Assert.Equal("WhoAmI", new WhoAmIRequest().RequestName);

            var user = Guid.NewGuid();
            var unit = Guid.NewGuid();
            var org = Guid.NewGuid();
            var response = new WhoAmIResponse();
            response.Results["UserId"] = user;
            response.Results["BusinessUnitId"] = unit;
            response.Results["OrganizationId"] = org;

            Assert.Equal(user, response.UserId);
            Assert.Equal(unit, response.BusinessUnitId);
            Assert.Equal(org, response.OrganizationId);
            Assert.Equal(Guid.Empty, new WhoAmIResponse().UserId);
        }

        [Fact]
        public void AddMembersTeam_uses_official_names()
        {
            var team = Guid.NewGuid();
            var members = new[] { Guid.NewGuid(), Guid.NewGuid() };
            var request = new AddMembersTeamRequest { TeamId = team, MemberIds = members };

            Assert.Equal("AddMembersTeam", request.RequestName);
            Assert.Equal(team, request.Parameters["TeamId"]);
            Assert.Same(members, request.Parameters["MemberIds"]);
        }

        [Fact]
        public void Access_messages_use_official_names()
        {
            var target = new EntityReference("account", Guid.NewGuid());
            var principal = new EntityReference("systemuser", Guid.NewGuid());

            var retrieve = new RetrievePrincipalAccessRequest { Target = target, Principal = principal };
            Assert.Equal("RetrievePrincipalAccess", retrieve.RequestName);
            Assert.Same(principal, retrieve.Parameters["Principal"]);

            var response = new RetrievePrincipalAccessResponse();
            response.Results["AccessRights"] = AccessRights.ReadAccess | AccessRights.WriteAccess;
            Assert.Equal(AccessRights.ReadAccess | AccessRights.WriteAccess, response.AccessRights);
            Assert.Equal(AccessRights.None, new RetrievePrincipalAccessResponse().AccessRights);

            var access = new PrincipalAccess { Principal = principal, AccessMask = AccessRights.ShareAccess };
            var grant = new GrantAccessRequest { Target = target, PrincipalAccess = access };
            Assert.Equal("GrantAccess", grant.RequestName);
            Assert.Same(access, grant.Parameters["PrincipalAccess"]);
        }
    }
}
