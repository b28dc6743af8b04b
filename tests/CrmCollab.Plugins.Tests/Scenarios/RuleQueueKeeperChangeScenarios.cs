using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Manufacturing accounts' Finance reviews go to the "Finance desk" queue by a routing rule, Fiona taking them when the
    /// rule cannot; their deliveries go to the "Logistics desk" queue, nobody else planning them. Both queues are kept by
    /// Quinn, who leaves: work routed while he is away goes past his queues (the review to Fiona, the delivery left with the
    /// salesperson, flagged unrouted). Then the administrator gives both queues to Eve. The rules route to the queues again,
    /// so the work routed past them comes to Eve, as a change of the rules themselves would move it. Before, it stayed where
    /// it went: only the work waiting in a queue moved with it (random operations seed 9102).
    /// </summary>
    public class RuleQueueKeeperChangeScenarios
    {
        private const int Manufacturing = 1, Retail = 2;
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn, _eve, _fiona, _financeDesk, _logisticsDesk, _deal, _retailDeal, _wonDeal;

        public RuleQueueKeeperChangeScenarios()
        {
            _quinn = _org.Setup.CreateUser("Quinn Keeper", _org.Operations, "CrmCollab Reviewer", "CrmCollab Logistics");
            _eve = _org.Setup.CreateUser("Eve Keeper", _org.Operations, "CrmCollab Reviewer", "CrmCollab Logistics");
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _financeDesk = Queue("Finance desk");
            _logisticsDesk = Queue("Logistics desk");
            _org.Rule("Manufacturing finance desk", BusinessFunction.Finance, new EntityReference("queue", _financeDesk), priority: 1, industry: Manufacturing);
            _org.Rule("Finance fallback", BusinessFunction.Finance, _fiona, priority: 100);
            _org.Rule("Manufacturing logistics desk", BusinessFunction.Logistics, new EntityReference("queue", _logisticsDesk), priority: 1, industry: Manufacturing);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();

            Guid plant = _org.Account("Fabrikam Plant", industry: Manufacturing);
            _deal = _org.CustomDeal(plant);
            _org.MoveTo(_deal, SalesStage.Develop);
            _retailDeal = _org.CustomDeal(_org.Account("Adventure Works Stores", industry: Retail));
            _org.MoveTo(_retailDeal, SalesStage.Develop);
            _wonDeal = _org.Deal(plant, "Press line spares");
            _org.Win(_wonDeal);
            Assert.Equal(_fiona, Owner(Review(_deal)));
            Assert.Equal(_org.Rep, Owner(Delivery()));
            Assert.True(Delivery().GetAttributeValue<bool>("crmc_isunrouted"));
        }

        private Guid Queue(string name) =>
            _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", _quinn) });

        private Entity Review(Guid deal) =>
            _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Finance).Id, "ownerid", "crmc_routingpath");

        private Entity Delivery() => _org.HandoffOf(_wonDeal, BusinessFunction.Logistics);

        private static Guid Owner(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        private void GiveToEve(Guid queue) =>
            _org.System.Execute(new AssignRequest { Target = new EntityReference("queue", queue), Assignee = new EntityReference("systemuser", _eve) });

        private bool WaitsIn(Guid queue, Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return _org.System.RetrieveMultiple(query).Entities.Any();
        }

        [Fact]
        public void The_review_routed_past_the_finance_desk_comes_to_its_new_keeper_and_waits_in_the_queue()
        {
            GiveToEve(_financeDesk);
            _org.Engine.DrainAsync();

            Entity review = Review(_deal);
            Assert.Equal(_eve, Owner(review));
            Assert.True(WaitsIn(_financeDesk, review.Id));
            Assert.Contains("routing rule 'Manufacturing finance desk'", review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_retail_review_the_rule_never_routed_stays_with_fiona()
        {
            GiveToEve(_financeDesk);
            _org.Engine.DrainAsync();

            Assert.Equal(_fiona, Owner(Review(_retailDeal)));
        }

        [Fact]
        public void The_delivery_left_with_the_salesperson_goes_to_the_logistics_desks_new_keeper_when_the_queue_is_saved_with_her()
        {
            _org.System.Update(new Entity("queue", _logisticsDesk) { ["ownerid"] = new EntityReference("systemuser", _eve) });
            _org.Engine.DrainAsync();

            Entity delivery = Delivery();
            Assert.Equal(_eve, Owner(delivery));
            Assert.False(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.True(WaitsIn(_logisticsDesk, delivery.Id));
            Assert.Equal(_fiona, Owner(Review(_deal))); // the other queue's work is not this change's
        }

        [Fact]
        public void A_review_fiona_already_decided_stays_hers()
        {
            _org.Decide(_fiona, Review(_deal), ReviewDecision.Approved);

            GiveToEve(_financeDesk);
            _org.Engine.DrainAsync();

            Assert.Equal(_fiona, Owner(Review(_deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_queue_given_to_eve_in_a_transaction_of_an_integration_brings_her_the_same_work()
        {
            var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
            transaction.Requests.Add(new UpdateRequest { Target = new Entity("queue", _financeDesk) { ["ownerid"] = new EntityReference("systemuser", _eve) } });
            transaction.Requests.Add(new UpdateRequest { Target = new Entity("queue", _logisticsDesk) { ["ownerid"] = new EntityReference("systemuser", _eve) } });
            _org.System.Execute(transaction);
            _org.Engine.DrainAsync();

            Assert.Equal(_eve, Owner(Review(_deal)));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Fact]
        public void Quinns_own_return_brings_back_what_waited_unrouted_and_leaves_fiona_the_review_she_took_over()
        {
            _org.Setup.EnableUser(_quinn);
            _org.Engine.DrainAsync();

            // As for any person back from leave (docs/guards.md): work left unrouted for them comes back; work someone
            // active took over stays with them, who may have started it. A new keeper is the administrator re-routing.
            Assert.Equal(_quinn, Owner(Delivery()));
            Assert.True(WaitsIn(_logisticsDesk, Delivery().Id));
            Assert.Equal(_fiona, Owner(Review(_deal)));
        }

        [Fact]
        public void The_queue_saved_again_with_the_same_owner_leaves_the_review_eve_passed_on_where_she_passed_it()
        {
            GiveToEve(_financeDesk);
            _org.Engine.DrainAsync();
            _org.As(_eve).Execute(new AssignRequest { Target = Review(_deal).ToEntityReference(), Assignee = new EntityReference("systemuser", _fiona) });

            // An integration writing the queue back whole, its owner unchanged.
            _org.System.Update(new Entity("queue", _financeDesk) { ["name"] = "Finance desk", ["ownerid"] = new EntityReference("systemuser", _eve) });
            _org.Engine.DrainAsync();

            Assert.Equal(_fiona, Owner(Review(_deal)));
        }
    }
}
