using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A dedicated owner moved to another business unit loses every security role (Microsoft's admin guide; docs/platform-facts.md)
    /// until an administrator gives them the new unit's: Fiona, Contoso's finance reviewer, and Lena, its logistics owner,
    /// move from Operations to Sales. Meanwhile the platform gives them no task or review (an owner needs Read on the
    /// table), so routing passes over them as over someone disabled: to the backup, the rules, else unrouted. Before, the
    /// salesperson's move of a Contoso deal to Develop failed (the review it asks was assigned to Fiona inside his save), and
    /// the win's delivery handoff failed to be created at all: the job failed, and only a reopen and a new win brought it.
    /// </summary>
    public class OwnerMovedBusinessUnitScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        /// <summary>Contoso's logistics owner Lena (backup Leo) moved to Sales, her roles gone with the move; its open deal.</summary>
        private (Guid Lena, Guid Leo, Guid Deal) ContosoDealWhoseLogisticsOwnerMovedToSales()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: lena, backup: leo);
            Guid deal = _org.Deal(contoso);
            MoveToSales(lena);
            return (lena, leo, deal);
        }

        private void MoveToSales(Guid user) =>
            _org.System.Update(new Entity("systemuser", user) { ["businessunitid"] = new EntityReference("businessunit", _org.Sales) });

        [Fact]
        public void A_deal_moves_on_while_its_finance_reviewer_waits_for_the_roles_of_her_new_business_unit()
        {
            (Guid lena, Guid fiona, Guid account, Guid deal) = _org.CustomDealInQualify();
            Guid frank = _org.User("Frank Finance desk", "CrmCollab Reviewer");
            _org.Rule("Finance default", BusinessFunction.Finance, frank);
            MoveToSales(fiona);

            _org.MoveTo(deal, SalesStage.Develop);

            Entity review = _org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(frank, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("no security role", _org.Row("crmc_feasibilityreview", review.Id, "crmc_routingpath").GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(lena, _org.Review(deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_deal_moves_on_while_the_finance_desks_rule_names_someone_waiting_for_the_roles_of_his_new_unit()
        {
            Guid frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            Guid grace = _org.User("Grace Finance", "CrmCollab Reviewer");
            _org.Rule("Finance for industry 12", BusinessFunction.Finance, frank, priority: 10, industry: 12);
            _org.Rule("Finance default", BusinessFunction.Finance, grace);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue");
            Guid deal = _org.CustomDeal(_org.Account("Fabrikam", industry: 12));
            MoveToSales(frank);

            _org.MoveTo(deal, SalesStage.Develop);

            Entity review = _org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(grace, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("no security role", _org.Row("crmc_feasibilityreview", review.Id, "crmc_routingpath").GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_deal_moves_on_while_the_team_keeping_the_finance_desks_queue_has_lost_its_role()
        {
            Guid grace = _org.User("Grace Finance", "CrmCollab Reviewer");
            Guid team = _org.Setup.CreateTeam("Finance desk team", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Reviewer");
            _org.Setup.AddMembers(team, _org.User("Hal Finance", "CrmCollab Reviewer"));
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Finance desk", ["ownerid"] = new EntityReference("team", team) });
            _org.Rule("Finance desk for industry 12", BusinessFunction.Finance, new EntityReference("queue", queue), priority: 10, industry: 12);
            _org.Rule("Finance default", BusinessFunction.Finance, grace);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue");
            Guid deal = _org.CustomDeal(_org.Account("Fabrikam", industry: 12));
            // The desk's team loses its only role (its business unit's copy): it can own nothing that waits in its queue.
            _org.System.Disassociate("team", team, new Relationship("teamroles_association"),
                new EntityReferenceCollection { new EntityReference("role", _org.Setup.FindRole("CrmCollab Reviewer", _org.Operations)) });

            _org.MoveTo(deal, SalesStage.Develop);

            Entity review = _org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(grace, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("no security role", _org.Row("crmc_feasibilityreview", review.Id, "crmc_routingpath").GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_won_deals_delivery_nobody_is_routed_to_waits_with_the_salesperson_while_the_desks_keeper_waits_for_new_roles()
        {
            Guid quinn = _org.User("Quinn Dispatch", "CrmCollab Logistics");
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", quinn) });
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid deal = _org.Deal(_org.Account("Litware")); // no logistics owner, no rule: the unrouted desk's
            MoveToSales(quinn);

            _org.Win(deal);

            Assert.Empty(_org.Engine.AsyncFailures);
            Entity delivery = Assert.Single(_org.HandoffTasks(deal).Entities);
            Assert.Equal(_org.Rep, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("no security role", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_delivery_nobody_is_routed_to_is_held_by_crmcollab_when_the_salesperson_moved_before_the_win_was_handed_off()
        {
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid deal = _org.Deal(_org.Account("Litware")); // no logistics owner, no rule, no desk: the salesperson holds it
            _org.Win(deal, drain: false);
            // Sam moves to Operations (his roles go with the move) before the win's handoff job has run.
            _org.System.Update(new Entity("systemuser", _org.Rep) { ["businessunitid"] = new EntityReference("businessunit", _org.Operations) });

            _org.Engine.DrainAsync();

            Assert.Empty(_org.Engine.AsyncFailures);
            Entity delivery = Assert.Single(_org.HandoffTasks(deal).Entities);
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("no security role", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_won_deals_delivery_goes_to_the_backup_while_the_logistics_owner_waits_for_new_roles()
        {
            var (_, leo, deal) = ContosoDealWhoseLogisticsOwnerMovedToSales();

            _org.Win(deal);

            Assert.Empty(_org.Engine.AsyncFailures);
            Entity delivery = Assert.Single(_org.HandoffTasks(deal).Entities);
            Assert.Equal(leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("no security role", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_logistics_owner_given_her_new_units_role_through_a_team_receives_the_delivery_again()
        {
            var (lena, _, deal) = ContosoDealWhoseLogisticsOwnerMovedToSales();
            Guid salesLogistics = _org.Setup.CreateTeam("Sales logistics", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(salesLogistics, lena); // her role comes back through her new unit's team

            _org.Win(deal);

            Assert.Empty(_org.Engine.AsyncFailures);
            Assert.Equal(lena, Assert.Single(_org.HandoffTasks(deal).Entities).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_team_role_granting_team_privileges_only_does_not_make_the_moved_logistics_owner_one_again()
        {
            var (lena, leo, deal) = ContosoDealWhoseLogisticsOwnerMovedToSales();
            Guid salesLogistics = _org.Setup.CreateTeam("Sales logistics", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(salesLogistics, lena);
            // The unit's role works the team's records only ("Team privileges only"): Lena holds nothing in her own name.
            _org.System.Update(new Entity("role", _org.Setup.FindRole("CrmCollab Logistics", _org.Sales)) { ["isinherited"] = new OptionSetValue(0) });

            _org.Win(deal);

            Assert.Empty(_org.Engine.AsyncFailures);
            Entity delivery = Assert.Single(_org.HandoffTasks(deal).Entities);
            Assert.Equal(leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("no security role", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }
    }
}
