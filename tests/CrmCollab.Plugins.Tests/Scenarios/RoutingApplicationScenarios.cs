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
    /// One routing decision, applied one way, to handoffs and reviews alike: created, re-routed after an owner change,
    /// or handed over when their owner is disabled; and one failing function does not cost the others their handoff.
    /// </summary>
    public class RoutingApplicationScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private EntityCollection InQueue(Guid queue)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            return _org.System.RetrieveMultiple(query);
        }

        private Guid Owner(string table, Guid id) =>
            _org.System.Retrieve(table, id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void A_review_routed_to_a_queue_is_held_by_the_queues_owner_and_waits_in_the_queue_like_a_handoff()
        {
            Guid keeper = _org.Admin; // the CrmCollab Administrator keeps the finance desk's queue
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Finance desk", ["ownerid"] = new EntityReference("systemuser", keeper) });
            Guid account = _org.Account("Adatum");
            _org.As(_org.Admin).Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "Finance desk", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_queueid"] = new EntityReference("queue", queue), ["crmc_priority"] = 1, ["crmc_isactive"] = true,
            });
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(account);

            _org.MoveTo(deal, SalesStage.Develop);

            Entity review = _org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(keeper, review.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains(InQueue(queue).Entities, i => i.GetAttributeValue<EntityReference>("objectid").Id == review.Id);
        }

        [Fact]
        public void A_disabled_owner_hands_over_open_handoffs_and_pending_reviews_to_the_backup()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            Guid bob = _org.User("Bob ADV backup", "CrmCollab ADV", _org.Operations);
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid frank = _org.User("Frank Finance backup", "CrmCollab Reviewer");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice, backup: bob);
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona, backup: frank);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid won = _org.Deal(account);
            _org.Win(won);
            Guid pending = _org.CustomDeal(account);
            _org.MoveTo(pending, SalesStage.Develop);
            Entity task = _org.HandoffTasks(won).Entities.Single();
            Guid review = _org.Review(pending, BusinessFunction.Finance).Id;
            Assert.Equal(alice, Owner("task", task.Id));

            _org.Setup.DisableUser(alice);
            _org.Setup.DisableUser(fiona);
            _org.Engine.DrainAsync();

            Assert.Equal(bob, Owner("task", task.Id));
            Assert.Contains("owner was disabled", _org.System.Retrieve("task", task.Id, new ColumnSet("crmc_routingpath")).GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(frank, Owner("crmc_feasibilityreview", review));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_function_whose_owner_cannot_own_tasks_does_not_cost_the_others_their_handoff_and_the_admin_sees_why()
        {
            Guid deal = _org.DealWonWhileItsAdvDeskCannotOwn(out Guid lena);

            var tasks = _org.HandoffTasks(deal).Entities;
            Assert.Single(tasks);
            Assert.Equal(lena, tasks[0].GetAttributeValue<EntityReference>("ownerid").Id);
            var notes = new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject", "notetext") };
            notes.Criteria.AddCondition("objectid", ConditionOperator.Equal, deal);
            Assert.Contains(_org.System.RetrieveMultiple(notes).Entities, n => ((string)n["notetext"]).Contains("could not create") && ((string)n["notetext"]).Contains("ADV 'Draw up the contract"));
            Assert.Contains(_org.Engine.AsyncFailures, f => f.Message.Contains("1 handoff(s) could not be created")
                && Plugins.Domain.Refusal.CodeOf(f.Message) == Plugins.Domain.RefusalCodes.HandoffIncomplete);
        }
    }
}
