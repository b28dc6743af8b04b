using System;
using System.ServiceModel;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Who counts as a CrmCollab Administrator through teams and business units: an Entra group team's role counts like an
    /// owner team's; an access team holds no role; a team of another business unit counts; a user moved to another
    /// business unit loses the role given to them; nothing one user holds makes another an administrator.
    /// </summary>
    public class AdministratorTeamPathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private Guid SubmittedAmendment()
        {
            Guid deal = _org.Deal(_org.Account("Contoso"), discount: 10m);
            _org.Win(deal);
            return _org.Amendment(deal, discount: 7m);
        }

        private int StateOf(Guid amendment) =>
            _org.Row("crmc_amendment", amendment, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value;

        [Fact]
        public void An_administrator_whose_role_comes_from_an_Entra_group_team_can_approve_an_amendment()
        {
            Guid tina = _org.User("Tina Team", "CrmCollab Reviewer");
            Guid group = _org.Setup.CreateTeam("CrmCollab admins (Entra)", _org.Operations, (TeamType)2, "CrmCollab Administrator");
            _org.Setup.AddMembers(group, tina);
            Guid amendment = SubmittedAmendment();

            _org.Decide(amendment, tina, AmendmentState.Approved);

            Assert.Equal((int)AmendmentState.Applied, StateOf(amendment));
        }

        [Fact]
        public void An_administrator_role_cannot_be_given_to_an_access_team_so_its_members_stay_what_they_were()
        {
            Guid oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            Guid access = _org.Setup.CreateTeam("Contoso deal team", _org.Operations, TeamType.Access);
            _org.Setup.AddMembers(access, oscar);

            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.Setup.AssignTeamRole(access, "CrmCollab Administrator"));

            Guid amendment = SubmittedAmendment();
            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, oscar, AmendmentState.Approved)));
            Assert.Equal((int)AmendmentState.Submitted, StateOf(amendment));
        }

        [Fact]
        public void A_user_of_operations_in_a_sales_team_holding_the_sales_units_administrator_role_is_an_administrator()
        {
            Guid tina = _org.User("Tina Team", "CrmCollab Reviewer", _org.Operations);
            Guid salesAdmins = _org.Setup.CreateTeam("Sales admins", _org.Sales, TeamType.Owner, "CrmCollab Administrator");
            _org.Setup.AddMembers(salesAdmins, tina);
            Guid amendment = SubmittedAmendment();

            _org.Decide(amendment, tina, AmendmentState.Approved);

            Assert.Equal((int)AmendmentState.Applied, StateOf(amendment));
        }

        [Fact]
        public void A_disabled_administrators_roles_and_teams_make_no_colleague_an_administrator()
        {
            Guid dana = _org.User("Dana Admin", "CrmCollab Administrator");
            Guid oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            Guid desk = _org.Setup.CreateTeam("Back office", _org.Operations, TeamType.Owner, "CrmCollab Reviewer");
            _org.Setup.AddMembers(desk, dana, oscar);
            _org.Setup.DisableUser(dana);
            _org.Engine.DrainAsync();
            Guid amendment = SubmittedAmendment();

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, oscar, AmendmentState.Approved)));
        }

        [Fact]
        public void An_administrator_moved_to_another_business_unit_loses_the_role_and_with_it_the_administrators_approval()
        {
            Guid nina = _org.User("Nina Admin", "CrmCollab Administrator", _org.Operations);
            _org.Setup.AssignRole(nina, "CrmCollab Reviewer");
            _org.System.Update(new Entity("systemuser", nina) { ["businessunitid"] = new EntityReference("businessunit", _org.Sales) });
            _org.Setup.AssignRole(nina, "CrmCollab Reviewer"); // given back her reviewer role in the new unit, not the administrator's
            Guid amendment = SubmittedAmendment();

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, nina, AmendmentState.Approved)));
        }

        /// <summary>A business unit under Operations whose copy of the role is set to "Team privileges only".</summary>
        private Guid UnitWhereTeamsHoldOnly(string roleName)
        {
            Guid backOffice = _org.Setup.CreateBusinessUnit("Back office", _org.Operations);
            _org.System.Update(new Entity("role", _org.Setup.FindRole(roleName, backOffice)) { ["isinherited"] = new OptionSetValue(0) });
            return backOffice;
        }

        [Fact]
        public void A_reviewer_whose_team_holds_the_administrator_role_as_team_privileges_only_cannot_approve_an_amendment()
        {
            Guid oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            Guid backOffice = UnitWhereTeamsHoldOnly("CrmCollab Administrator");
            Guid team = _org.Setup.CreateTeam("Back-office admins", backOffice, TeamType.Owner, "CrmCollab Administrator");
            _org.Setup.AddMembers(team, oscar);
            Guid amendment = SubmittedAmendment();

            // The team's privileges are for the team's own records: approving in his own name takes the role given to him.
            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, oscar, AmendmentState.Approved)));
            Assert.Equal((int)AmendmentState.Submitted, StateOf(amendment));
        }

        [Fact]
        public void A_renamed_copy_of_the_administrator_role_still_makes_its_holder_an_administrator()
        {
            Guid north = _org.Setup.CreateBusinessUnit("Operations North", _org.Operations);
            Guid nina = _org.User("Nina North", "CrmCollab Administrator", north);
            Guid copy = _org.Setup.FindRole("CrmCollab Administrator", north);
            _org.System.Update(new Entity("role", copy) { ["name"] = "Administrateur CrmCollab" });
            Guid amendment = SubmittedAmendment();

            _org.Decide(amendment, nina, AmendmentState.Approved);

            Assert.Equal((int)AmendmentState.Applied, StateOf(amendment));
        }
    }
}
