using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A salesperson who is also an account's logistics contact was routed the Logistics review of a deal they own or have
    /// owned (handed to a colleague before the review was asked), and was then refused when deciding it: the review sat
    /// with someone who could not decide it until it was passed on by hand. Routing now passes them over for the deal's
    /// reviews, as it passes over a disabled user: to the backup, the next rule, the unrouted queue; the path says why.
    /// </summary>
    public class OwnDealReviewRoutingScenarios
    {
        private const string Path = "crmc_routingpath";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _carl, _bella, _account;

        public OwnDealReviewRoutingScenarios()
        {
            (_, _fiona, _, _) = _org.CustomDealInQualify();
            _account = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _bella = _org.User("Bella Backup", "CrmCollab Reviewer");
        }

        private EntityReference User(Guid id) => new EntityReference("systemuser", id);

        /// <summary>The rep's deal on the account, handed to Carl while still in Qualify (no review asked yet).</summary>
        private Guid DealHandedToCarl(Guid account)
        {
            Guid deal = _org.CustomDeal(account);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = User(_carl) });
            return deal;
        }

        private Entity Logistics(Guid deal) =>
            _org.System.Retrieve("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, new ColumnSet("ownerid", Path));

        [Fact]
        public void A_deal_handed_on_before_its_review_is_asked_has_its_logistics_review_go_to_the_backup_of_its_former_owner_and_the_path_says_why()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            Guid deal = DealHandedToCarl(_account);

            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal("Logistics: dedicated owner of account Fabrikam passed over: user Sam Sales owns or has owned this deal, so cannot review it " +
                "→ backup user Bella Backup", review.GetAttributeValue<string>(Path));
            // Bella decides it, and Carl moves the deal on.
            _org.Decide(_bella, review, ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(deal, SalesStage.Propose, asUser: _carl);
            Assert.Equal(SalesStage.Propose, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_handed_on_before_its_review_is_asked_has_its_logistics_review_wait_unrouted_when_its_former_owner_has_no_backup_and_no_rule_applies()
        {
            Guid quinn = _org.User("Quinn Keeper", "CrmCollab Administrator");
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = User(quinn) });
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep);
            Guid deal = DealHandedToCarl(_account);

            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);

            Entity review = Logistics(deal);
            Assert.Equal(quinn, review.GetAttributeValue<EntityReference>("ownerid").Id); // the unrouted queue's owner holds it
            Assert.Equal("dedicated owner of account Fabrikam passed over: user Sam Sales owns or has owned this deal, so cannot review it " +
                "and has no active backup; Logistics: no dedicated owner and no routing rule for account Fabrikam → unrouted, queue CrmCollab Unrouted",
                review.GetAttributeValue<string>(Path));
        }

        [Fact]
        public void The_pending_review_of_a_deal_its_new_logistics_contact_once_owned_goes_to_their_backup_when_the_contact_is_set()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer");
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena);
            Guid deal = DealHandedToCarl(_account);
            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);
            Assert.Equal(lena, Logistics(deal).GetAttributeValue<EntityReference>("ownerid").Id);

            // The admin makes the rep Fabrikam's logistics contact, Bella their backup: the pending review follows the routing.
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = User(_org.Rep), ["crmc_backupuserid"] = User(_bella) });
            _org.Engine.DrainAsync();

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("user Sam Sales owns or has owned this deal, so cannot review it → backup user Bella Backup", review.GetAttributeValue<string>(Path));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_moved_to_an_account_whose_logistics_contact_once_owned_it_has_its_pending_review_go_to_the_backup()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena);
            Guid northwind = _org.Account("Northwind");
            _org.DedicatedOwner(northwind, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            _org.DedicatedOwner(northwind, BusinessFunction.Finance, user: _fiona);
            Guid deal = DealHandedToCarl(_account);
            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);

            _org.As(_carl).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", northwind) });

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("dedicated owner of account Northwind passed over: user Sam Sales owns or has owned this deal", review.GetAttributeValue<string>(Path));
        }

        [Fact]
        public void A_new_delivery_date_on_a_deal_handed_on_asks_logistics_again_of_the_backup_not_of_its_former_owner()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            Guid deal = DealHandedToCarl(_account);
            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);
            _org.Decide(_bella, Logistics(deal), ReviewDecision.Approved);

            // Carl saves the customer's new delivery date: Logistics' approval is re-opened and Logistics asked again.
            _org.As(_carl).Update(new Entity("opportunity", deal) { ["crmc_requesteddelivery"] = CrmCollabOrg.Start.AddDays(20) });

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("user Sam Sales owns or has owned this deal, so cannot review it → backup user Bella Backup", review.GetAttributeValue<string>(Path));
            // Bella decides it, and Carl moves the deal on.
            _org.Decide(_bella, review, ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(deal, SalesStage.Propose, asUser: _carl);
            Assert.Equal(SalesStage.Propose, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_created_at_develop_in_a_colleagues_name_does_not_route_its_review_to_its_creator()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            // A role of the organisation's own with a deeper Create lets the rep create a deal in Carl's name.
            _org.Setup.AssignRole(_org.Rep, "System Administrator");
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Retrofit for Carl", ["customerid"] = new EntityReference("account", _account), ["ownerid"] = User(_carl),
                ["estimatedvalue"] = new Money(80000m), ["crmc_discountpercent"] = 10m, ["crmc_iscustomsolution"] = true,
                ["salesstage"] = new OptionSetValue(SalesStage.Develop), ["customerneed"] = "Retrofit line 4 with custom tooling",
                ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60), ["budgetamount"] = new Money(80000m),
            });

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Theory]
        [InlineData("the stage")]
        [InlineData("the delivery date")]
        public void A_deal_handed_on_in_the_save_that_asks_its_review_does_not_route_it_to_its_former_owner(string asks)
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            Guid deal = _org.CustomDeal(_account);
            if (asks == "the delivery date")
            {
                // Approved first by the backup; the new date asks Logistics again.
                _org.MoveTo(deal, SalesStage.Develop);
                _org.Decide(_bella, Logistics(deal), ReviewDecision.Approved);
            }

            // The form's save (or one PATCH): Carl as the new owner, with the change that asks Logistics.
            var save = new Entity("opportunity", deal) { ["ownerid"] = User(_carl) };
            if (asks == "the stage") save["salesstage"] = new OptionSetValue(SalesStage.Develop);
            else save["crmc_requesteddelivery"] = CrmCollabOrg.Start.AddDays(20);
            _org.As(_org.Rep).Update(save);

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("user Sam Sales owns or has owned this deal, so cannot review it → backup user Bella Backup", review.GetAttributeValue<string>(Path));
        }

        [Fact]
        public void A_deal_handed_on_in_a_save_that_moves_its_flow_to_develop_does_not_route_its_review_to_its_former_owner()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            Guid deal = _org.CustomDeal(_account);
            Guid flow = _org.SalesFlowAt(deal, Emulator.Engine.WellKnownProcesses.OpportunityQualifyStageId);
            // A sales manager's role of the organisation's own: they still edit the deal once it is Carl's.
            _org.Setup.AssignRole(_org.Rep, "System Administrator");

            // One save: Carl as the new owner, the deal's sales flow moved to Develop as a related row.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["ownerid"] = User(_carl) }
                .WithFlowMovedTo(flow, Emulator.Engine.WellKnownProcesses.OpportunityDevelopStageId));

            Assert.Equal(_bella, Logistics(deal).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void The_salespersons_own_deal_does_not_route_its_review_to_them_yet_its_won_deal_handoff_still_does()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep, backup: _bella);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid deal = _org.CustomDeal(_account);

            _org.MoveTo(deal, SalesStage.Develop);

            Entity review = Logistics(deal);
            Assert.Equal(_bella, review.GetAttributeValue<EntityReference>("ownerid").Id);
            _org.Decide(_bella, review, ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(deal, SalesStage.Propose);
            _org.Win(deal);
            // Post-sale work is not a decision on the deal: its logistics contact delivers it, whoever sold it.
            Assert.Equal(_org.Rep, _org.HandoffOf(deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void When_the_logistics_contact_leaves_their_pending_review_skips_a_backup_who_once_owned_the_deal_for_the_next_rule()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer");
            Guid dora = _org.User("Dora Desk", "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena, backup: _org.Rep);
            _org.Rule("Logistics desk", BusinessFunction.Logistics, dora);
            Guid deal = DealHandedToCarl(_account);
            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);
            Assert.Equal(lena, Logistics(deal).GetAttributeValue<EntityReference>("ownerid").Id);

            _org.Setup.DisableUser(lena);
            _org.Engine.DrainAsync();

            Entity review = Logistics(deal);
            Assert.Equal(dora, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("dedicated owner of account Fabrikam (user Lena Logistics) is disabled; its backup passed over: user Sam Sales owns or has owned this deal, so cannot review it; " +
                "Logistics: default rule 'Logistics desk' → user Dora Desk", review.GetAttributeValue<string>(Path));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
