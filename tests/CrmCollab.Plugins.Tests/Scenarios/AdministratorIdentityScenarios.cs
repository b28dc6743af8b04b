using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A CrmCollab Administrator is whoever holds the solution's own role: the role row shipped in
    /// solution/Roles (its id) or a business unit's copy of it (parentrootroleid), assigned directly or through a team.
    /// A role someone else created under the same name is not it.
    /// </summary>
    public class AdministratorIdentityScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        /// <summary>A role named like the administrator role, made by someone allowed to create roles, and given to the user.</summary>
        private Guid GiveLookAlikeAdministratorRole(Guid user, Guid businessUnit)
        {
            Guid lookAlike = _org.Setup.CreateRole("CrmCollab Administrator", businessUnit);
            _org.System.Associate("systemuser", user, new Relationship(OrganizationSetup.UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", lookAlike) });
            return lookAlike;
        }

        /// <summary>A won deal and a submitted amendment of it, raised by the rep.</summary>
        private Guid SubmittedAmendment()
        {
            Guid deal = _org.Deal(_org.Account("Contoso"), discount: 10m);
            _org.Win(deal);
            return _org.Amendment(deal, discount: 7m);
        }

        private int StateOf(Guid amendment) =>
            _org.Row("crmc_amendment", amendment, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value;

        [Fact]
        public void A_salesperson_holding_a_role_named_CrmCollab_Administrator_that_is_not_the_solutions_cannot_override_a_review()
        {
            (Guid _, Guid fiona, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Guid sid = _org.User("Sid Sales", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.AssignRole(sid, "CrmCollab Reviewer"); // may decide reviews routed to him
            GiveLookAlikeAdministratorRole(sid, _org.Sales);

            string refusal = CrmCollabOrg.Refusal(() => _org.Decide(sid, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved));

            Assert.Contains("Only the reviewer this review is assigned to", refusal);
            Assert.Equal((int)ReviewDecision.Pending, ((OptionSetValue)_org.Review(deal, BusinessFunction.Finance)["crmc_decision"]).Value);
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        [Fact]
        public void A_reviewer_holding_a_role_named_CrmCollab_Administrator_that_is_not_the_solutions_cannot_approve_an_amendment()
        {
            Guid oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            GiveLookAlikeAdministratorRole(oscar, _org.Operations);
            Guid amendment = SubmittedAmendment();

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, oscar, AmendmentState.Approved)));
            Assert.Equal((int)AmendmentState.Submitted, StateOf(amendment));
        }

        [Fact]
        public void An_administrator_whose_CrmCollab_Administrator_role_comes_from_a_team_can_approve_an_amendment()
        {
            Guid tina = _org.User("Tina Team", "CrmCollab Reviewer");
            Guid admins = _org.Setup.CreateTeam("CrmCollab admins", _org.Operations, TeamType.Owner, "CrmCollab Administrator");
            _org.Setup.AddMembers(admins, tina);
            Guid amendment = SubmittedAmendment();

            _org.Decide(amendment, tina, AmendmentState.Approved);

            Assert.Equal((int)AmendmentState.Applied, StateOf(amendment));
            Assert.Equal(tina, _org.Row("crmc_amendment", amendment, "crmc_approvedby").GetAttributeValue<EntityReference>("crmc_approvedby").Id);
        }

        [Fact]
        public void An_administrator_two_business_units_down_holding_that_units_copy_of_the_role_is_recognised()
        {
            Guid north = _org.Setup.CreateBusinessUnit("Operations North", _org.Operations);
            Guid nina = _org.User("Nina North", "CrmCollab Administrator", north);
            Guid copy = _org.Setup.FindRole("CrmCollab Administrator", north);
            Assert.NotEqual(Data.Membership.AdministratorRoleId, copy); // she holds her unit's copy, not the root role
            (Guid _, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Guid amendment = SubmittedAmendment();

            _org.Decide(nina, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Decide(amendment, nina, AmendmentState.Approved);

            Assert.Equal((int)ReviewDecision.Approved, ((OptionSetValue)_org.Review(deal, BusinessFunction.Finance)["crmc_decision"]).Value);
            Assert.Equal((int)AmendmentState.Applied, StateOf(amendment));
        }
    }
}
