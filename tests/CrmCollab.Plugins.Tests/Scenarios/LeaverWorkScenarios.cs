using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Someone leaves (their user is disabled) while holding open CrmCollab work that the routing finds nobody else for:
    /// no backup, no rule, no unrouted desk. A handoff goes to the deal's salesperson, as at the win; when nobody at all
    /// can take it (the salesperson left, or a review, which never falls to the salesperson) it stays where it is but
    /// says so — flagged unrouted, its routing path naming why — until an administrator sets the account's dedicated
    /// owner or hands the deal to a colleague, which move it (both certain: the administrator's own save or Assign).
    /// </summary>
    public class LeaverWorkScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void Leaves(Guid user)
        {
            _org.Setup.DisableUser(user);
            _org.Engine.DrainAsync();
        }

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void An_adv_owner_who_leaves_without_a_backup_hands_the_open_contract_to_the_deals_salesperson_flagged_unrouted()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam"); // Alice is its ADV owner, with no backup; no rule, no unrouted desk
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Assert.Equal(alice, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Adv)));

            Leaves(alice);

            Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(_org.Rep, OwnerOf(contract)); // as at a win nobody is routed for
            Assert.True(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("because its owner was disabled", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_salesperson_who_leaves_holding_an_unrouted_handoff_has_it_marked_then_it_follows_the_deal_to_a_colleague()
        {
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid account = _org.Account("Northwind"); // nobody routes its logistics work
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Assert.Equal(_org.Rep, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Logistics)));

            Leaves(_org.Rep);

            Entity delivery = _org.HandoffOf(deal, BusinessFunction.Logistics);
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            string path = delivery.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("because its owner was disabled", path);
            Assert.Contains("the deal's owner (user Sam Sales) passed over: user Sam Sales is disabled; nobody can take it", path);

            // The administrator hands the leaver's deal to a colleague: the handoff goes with it.
            Guid colleague = _org.User("Cleo Colleague", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.CreateRole("System Administrator");
            Guid sysadmin = _org.User("Sid Sysadmin", "System Administrator");
            _org.As(sysadmin).Execute(new OrganizationRequest("Assign")
            {
                ["Target"] = new EntityReference("opportunity", deal),
                ["Assignee"] = new EntityReference("systemuser", colleague),
            });
            _org.Engine.DrainAsync();
            Assert.Equal(colleague, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Logistics)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_leavers_unrouted_handoff_follows_the_deal_to_a_colleague_where_the_deals_tasks_do_not_cascade()
        {
            // An administrator set Opportunity_Tasks to cascade no Assign: the platform leaves the tasks where they are.
            _org.Engine.Catalog.Relationships.Single(r => r.SchemaName == "Opportunity_Tasks").CascadeAssign = "NoCascade";
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid deal = _org.Deal(_org.Account("Northwind")); // nobody routes its logistics work
            _org.Win(deal);
            Leaves(_org.Rep);

            Guid colleague = _org.User("Cleo Colleague", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.CreateRole("System Administrator");
            _org.As(_org.User("Sid Sysadmin", "System Administrator")).Execute(new OrganizationRequest("Assign")
            {
                ["Target"] = new EntityReference("opportunity", deal),
                ["Assignee"] = new EntityReference("systemuser", colleague),
            });

            Entity delivery = _org.HandoffOf(deal, BusinessFunction.Logistics);
            Assert.Equal(colleague, OwnerOf(delivery));
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_reviewer_who_leaves_without_a_backup_leaves_the_review_marked_until_the_dedicated_owner_is_set_again()
        {
            (Guid lena, Guid _, Guid account, Guid deal) = _org.CustomDealAwaitingReviews();
            Entity review = _org.Review(deal, BusinessFunction.Logistics);
            Assert.Equal(lena, OwnerOf(review));

            Leaves(lena);

            review = _org.Row("crmc_feasibilityreview", review.Id, "ownerid", "crmc_routingpath");
            Assert.Equal(lena, OwnerOf(review)); // a review never falls to the salesperson; nobody else can take it
            Assert.Contains("is disabled and nobody can take it", review.GetAttributeValue<string>("crmc_routingpath"));

            // The administrator points the account's logistics row at Leo: the pending review moves to him.
            Guid leo = _org.User("Leo Logistics", "CrmCollab Reviewer");
            var row = FindRow(account, BusinessFunction.Logistics);
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = new EntityReference("systemuser", leo) });
            _org.Engine.DrainAsync();
            Assert.Equal(leo, OwnerOf(_org.Review(deal, BusinessFunction.Logistics)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        private Guid FindRow(Guid account, BusinessFunction function)
        {
            var query = new Microsoft.Xrm.Sdk.Query.QueryExpression("crmc_dedicatedowner") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) };
            query.Criteria.AddCondition("crmc_accountid", Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, account);
            query.Criteria.AddCondition("crmc_function", Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, (int)function);
            return _org.System.RetrieveMultiple(query).Entities[0].Id;
        }
    }
}
