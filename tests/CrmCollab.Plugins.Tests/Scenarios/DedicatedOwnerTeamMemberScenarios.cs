using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator makes a new "Logistics North" owner team (with the CrmCollab Logistics role) Contoso's logistics
    /// owner before anyone has joined it, or after its only member left. A dedicated owner is the first answer of the
    /// routing: the team would own Contoso's logistics handoffs and reviews, counted as routed (no Unrouted flag, no
    /// fallback to a rule or the unrouted desk), seen and worked by nobody. As for a routing rule to such a team, the row
    /// is refused until the team has an active member.
    /// </summary>
    public class DedicatedOwnerTeamMemberScenarios
    {
        private static readonly string[] Touched = { "crmc_dedicatedowner", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _north, _nadia, _contoso;

        public DedicatedOwnerTeamMemberScenarios()
        {
            _north = _org.Setup.CreateTeam("Logistics North", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            _nadia = _org.User("Nadia North", "CrmCollab Logistics");
            _contoso = _org.Account("Contoso");
        }

        private Entity TeamRow() => new Entity("crmc_dedicatedowner")
        {
            ["crmc_name"] = "Logistics owner", ["crmc_accountid"] = new EntityReference("account", _contoso),
            ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
            ["crmc_teamid"] = new EntityReference("team", _north), ["crmc_validfrom"] = CrmCollabOrg.Start.Date.AddYears(-1),
        };

        [Fact]
        public void A_team_nobody_has_joined_yet_cannot_become_an_accounts_logistics_owner_on_any_path()
        {
            IOrganizationService admin = _org.As(_org.Admin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Create(TeamRow()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = TeamRow() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest { Target = TeamRow() }), Touched);
            Guid row = _org.DedicatedOwner(_contoso, BusinessFunction.Logistics, user: _nadia);
            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_userid"] = null, ["crmc_teamid"] = new EntityReference("team", _north),
            }), Touched);

            Assert.Equal("The team Logistics North has no active member, so nobody would see or work the handoffs and reviews routed to this " +
                "dedicated owner. Add the people who do this work to the team first, or choose another owner. [CRMC-OWNER-CANNOT-OWN]", refusal);
            _org.Setup.AddMembers(_north, _nadia);
            admin.Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = null, ["crmc_teamid"] = new EntityReference("team", _north) });
        }

        [Fact]
        public void A_team_whose_only_member_left_is_refused_when_its_retired_row_is_made_active_again()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            _org.Setup.AddMembers(_north, _nadia);
            Guid row = _org.DedicatedOwner(_contoso, BusinessFunction.Logistics, team: _north);
            admin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_dedicatedowner", row), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            _org.System.Update(new Entity("systemuser", _nadia) { ["isdisabled"] = true }); // Nadia left
            _org.Engine.DrainAsync();

            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_dedicatedowner", row), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Update(new Entity("crmc_dedicatedowner", row)
            {
                ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
            }), Touched);
        }
    }
}
