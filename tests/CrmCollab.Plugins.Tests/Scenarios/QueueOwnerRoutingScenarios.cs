using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A queue cannot own a record: its owner holds what waits in it. When that owner is disabled (someone left), work
    /// routed to the queue goes on as if the queue's rule pointed at a disabled user: to the next rule, the unrouted
    /// queue or the deal's owner, and the routing path says why. Salespeople's moves never fail over it.
    /// </summary>
    public class QueueOwnerRoutingScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn;

        public QueueOwnerRoutingScenarios()
        {
            _quinn = _org.User("Quinn Keeper", "CrmCollab Administrator");
        }

        private Guid QueueKeptByQuinn(string name) =>
            _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", _quinn) });

        private EntityReference OwnerOf(string table, Guid id) =>
            _org.System.Retrieve(table, id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid");

        private string PathOf(string table, Guid id) =>
            _org.System.Retrieve(table, id, new ColumnSet("crmc_routingpath")).GetAttributeValue<string>("crmc_routingpath");

        [Fact]
        public void When_the_finance_queues_owner_is_disabled_reviews_go_to_the_next_rule_and_the_path_says_why()
        {
            Guid queue = QueueKeptByQuinn("Finance desk");
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            IOrganizationService admin = _org.As(_org.Admin);
            admin.Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "Finance desk", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_queueid"] = new EntityReference("queue", queue), ["crmc_priority"] = 1, ["crmc_isactive"] = true,
            });
            _org.Rule("Finance fallback", BusinessFunction.Finance, fiona, priority: 100);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid account = _org.Account("Adatum");
            Guid before = _org.CustomDeal(account);
            _org.MoveTo(before, SalesStage.Develop);
            Guid waiting = _org.Review(before, BusinessFunction.Finance).Id;
            Assert.Equal(_quinn, OwnerOf("crmc_feasibilityreview", waiting).Id); // held by the queue's owner

            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(account);
            _org.MoveTo(deal, SalesStage.Develop); // failed with the platform's "user is disabled" fault before

            Entity review = _org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(fiona, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal("routing rule 'Finance desk' passed over: the owner of queue Finance desk (user Quinn Keeper) is disabled; " +
                "Finance: default rule 'Finance fallback' → user Fiona Finance", PathOf("crmc_feasibilityreview", review.Id));
            // The review Quinn held when disabled moved to Fiona too, and nothing failed in the background.
            Assert.Equal(fiona, OwnerOf("crmc_feasibilityreview", waiting).Id);
            Assert.Contains("passed over: the owner of queue Finance desk", PathOf("crmc_feasibilityreview", waiting));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void When_the_unrouted_queues_owner_is_disabled_the_salesperson_keeps_the_handoff_and_is_told()
        {
            QueueKeptByQuinn("CrmCollab Unrouted");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();
            Guid account = _org.Account("Northwind");
            Guid deal = _org.Deal(account);

            _org.Win(deal);

            Entity adv = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(_org.Rep, adv.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(adv.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.EndsWith("unrouted queue CrmCollab Unrouted passed over: the owner of queue CrmCollab Unrouted (user Quinn Keeper) is disabled",
                adv.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(_org.HandoffTasks(deal).Entities.Count, _org.HandoffTasks(deal).Entities.Count(t => t.GetAttributeValue<bool>("crmc_isunrouted")));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
