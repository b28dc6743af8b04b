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

        /// <summary>Alice is Fabrikam's ADV owner, with no backup, no rule and no unrouted desk; the rep's deal there is won,
        /// so the contract is Alice's.</summary>
        private (Guid Alice, Guid Account, Guid Deal) WonDealOfAlice()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            return (alice, account, deal);
        }

        [Fact]
        public void An_adv_owner_who_leaves_without_a_backup_hands_the_open_contract_to_the_deals_salesperson_flagged_unrouted()
        {
            var (alice, account, deal) = WonDealOfAlice();
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

        [Fact]
        public void An_adv_owner_who_comes_back_gets_the_contract_nobody_could_take_back_off_the_unrouted_list()
        {
            var (alice, account, deal) = WonDealOfAlice();
            Leaves(_org.Rep);
            Leaves(alice); // the salesperson left too: nobody can take the contract, it stays with Alice, flagged
            Assert.True(_org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<bool>("crmc_isunrouted"));

            _org.Setup.EnableUser(alice); // Alice's license is given back: she is the account's ADV owner again
            _org.Engine.DrainAsync();

            Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted")); // routed to her again, not among the unrouted
            Assert.DoesNotContain("nobody can take it", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_reviewer_who_comes_back_no_longer_has_the_review_said_to_be_stuck_with_a_disabled_owner()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Leaves(lena);

            _org.Setup.EnableUser(lena);
            _org.Engine.DrainAsync();

            Entity review = _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", "crmc_routingpath");
            Assert.Equal(lena, OwnerOf(review));
            Assert.DoesNotContain("nobody can take it", review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Work_nobody_can_take_is_not_said_to_be_reassigned_again_each_day_someone_is_enabled()
        {
            var (alice, account, deal) = WonDealOfAlice();
            Leaves(_org.Rep);
            Leaves(alice);
            Entity stuck = _org.HandoffOf(deal, BusinessFunction.Adv);
            string path = stuck.GetAttributeValue<string>("crmc_routingpath");

            // Days later a newcomer is enabled: the contract still cannot go to anyone, so nothing about it changes.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(3));
            Guid newcomer = _org.User("Nina New", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.DisableUser(newcomer);
            _org.Engine.DrainAsync();
            _org.Setup.EnableUser(newcomer);
            _org.Engine.DrainAsync();

            Entity after = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(path, after.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(stuck.GetAttributeValue<DateTime>("modifiedon"), after.GetAttributeValue<DateTime>("modifiedon"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Theory]
        [InlineData("Cascade")]
        [InlineData("NoCascade")]
        public void A_handoff_passed_by_hand_to_logistics_stays_with_them_when_the_deal_is_handed_to_another_salesperson(string cascade)
        {
            _org.Engine.Catalog.Relationships.Single(r => r.SchemaName == "Opportunity_Tasks").CascadeAssign = cascade;
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.DedicatedOwner(_org.Account("Contoso"), BusinessFunction.Logistics, user: lena); // she works for Logistics
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid deal = _org.Deal(_org.Account("Northwind")); // nobody routes its logistics work
            _org.Win(deal);
            Guid delivery = _org.HandoffOf(deal, BusinessFunction.Logistics).Id;
            // The salesperson holding it passes it to Lena, who works for Logistics: it has found its owner.
            _org.As(_org.Rep).Update(new Entity("task", delivery) { ["ownerid"] = new EntityReference("systemuser", lena) });

            Guid colleague = _org.User("Cleo Colleague", "CrmCollab Salesperson", _org.Sales);
            _org.As(_org.User("Sid Sysadmin", "System Administrator")).Execute(new OrganizationRequest("Assign")
            {
                ["Target"] = new EntityReference("opportunity", deal),
                ["Assignee"] = new EntityReference("systemuser", colleague),
            });
            _org.Engine.DrainAsync();

            Entity task = _org.Row("task", delivery, "ownerid", "crmc_isunrouted", "crmc_routingpath");
            Assert.Equal(lena, OwnerOf(task)); // Logistics keeps delivering it; the new salesperson is not handed it
            Assert.False(task.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("passed by hand", task.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_stuck_review_tells_the_administrator_only_the_action_that_moves_it()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Leaves(lena);

            // Handing the deal to a colleague moves its handoffs, not its reviews: the review's note must not suggest it.
            Guid colleague = _org.User("Cleo Colleague", "CrmCollab Salesperson", _org.Sales);
            _org.As(_org.User("Sid Sysadmin", "System Administrator")).Execute(new OrganizationRequest("Assign")
            {
                ["Target"] = new EntityReference("opportunity", deal),
                ["Assignee"] = new EntityReference("systemuser", colleague),
            });
            _org.Engine.DrainAsync();
            Entity review = _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", "crmc_routingpath");
            Assert.Equal(lena, OwnerOf(review));
            string path = review.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("until an administrator sets the account's dedicated owner", path);
            Assert.DoesNotContain("hands the deal to a colleague", path);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void An_adv_owner_who_comes_back_takes_back_the_contract_that_waited_unrouted_with_the_salesperson()
        {
            var (alice, account, deal) = WonDealOfAlice();
            Leaves(alice); // the contract waits with the salesperson, flagged unrouted (they cannot work it)
            Assert.Equal(_org.Rep, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Adv)));

            _org.Setup.EnableUser(alice); // Alice is back: the account's routing names her again
            _org.Engine.DrainAsync();

            Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_leaver_holding_more_contracts_than_one_run_takes_has_every_one_reached_share_by_share_even_those_nobody_can_take()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam"); // Alice is its ADV owner, with no backup; no rule, no unrouted desk
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            var deals = Enumerable.Range(0, DisabledOwnerHandoverLimit + 1).Select(_ => _org.Deal(account)).ToList();
            foreach (Guid deal in deals) { _org.Win(deal); _org.Engine.Clock.Advance(TimeSpan.FromMinutes(1)); }
            Leaves(_org.Rep);

            Leaves(alice); // more than one run takes: her work is handed over in shares, each a background run of its own

            Assert.All(deals, deal =>
            {
                Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
                Assert.True(contract.GetAttributeValue<bool>("crmc_isunrouted")); // among the Unrouted Handoffs, its path saying why
                Assert.Contains("nobody can take it", contract.GetAttributeValue<string>("crmc_routingpath"));
            });
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        private const int DisabledOwnerHandoverLimit = CrmCollab.Plugins.Routing.DisabledOwnerHandover.MaxPerRun;

        private Guid FindRow(Guid account, BusinessFunction function)
        {
            var query = new Microsoft.Xrm.Sdk.Query.QueryExpression("crmc_dedicatedowner") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) };
            query.Criteria.AddCondition("crmc_accountid", Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, account);
            query.Criteria.AddCondition("crmc_function", Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, (int)function);
            return _org.System.RetrieveMultiple(query).Entities[0].Id;
        }
    }
}
