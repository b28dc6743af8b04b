using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A review routed to a desk's queue waits there for one of the desk's reviewers to pick it up, as a handoff waits for
    /// one of its desk (<see cref="HandoffQueuePickUpScenarios"/>). The Finance desk is a team holding the CrmCollab
    /// Reviewer role that keeps a queue a routing rule sends Finance reviews to; the review is held by the team. Fiona,
    /// one of the desk with nothing but the CrmCollab Reviewer role, opens the desk's queue (the app's Queues entry), sees
    /// the review waiting, picks it up (the item names her as its worker) and decides it. The item's rights are the
    /// queue's (Microsoft: read from prvReadQueue, create, update and delete from prvAppendToQueue), held at Basic: the
    /// queues the reviewer or one of their teams owns, the desk's own. Before, the role held
    /// no queue privilege: the review waited in a queue none of its reviewers could open (and "My pending reviews" lists
    /// only reviews a reviewer holds herself, not her team's).
    /// </summary>
    public class ReviewQueuePickUpScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _desk, _queue, _deal;

        public ReviewQueuePickUpScenarios()
        {
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _desk = _org.Setup.CreateTeam("Finance desk", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Reviewer");
            _org.Setup.AddMembers(_desk, _fiona);
            _queue = _org.System.Create(new Entity("queue") { ["name"] = "Finance desk", ["ownerid"] = new EntityReference("team", _desk) });
            _org.Rule("Finance desk", BusinessFunction.Finance, new EntityReference("queue", _queue));
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue");
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(_org.Account("Contoso"));
            _org.MoveTo(_deal, SalesStage.Develop);
        }

        private QueryExpression DeskItems()
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid", "workerid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, _queue);
            return query;
        }

        [Fact]
        public void A_reviewer_of_the_desk_sees_the_review_waiting_in_its_queue_picks_it_up_and_decides_it()
        {
            Entity review = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal(_desk, review.GetAttributeValue<EntityReference>("ownerid").Id); // held by the desk

            Entity item = Assert.Single(_org.As(_fiona).RetrieveMultiple(DeskItems()).Entities);
            Assert.Equal(review.Id, item.GetAttributeValue<EntityReference>("objectid").Id);
            _org.As(_fiona).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", _fiona) });
            Assert.Equal(_fiona, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);

            _org.Decide(_fiona, review, ReviewDecision.Approved);

            Entity decided = _org.Row("crmc_feasibilityreview", review.Id, "crmc_decision", "crmc_decidedby");
            Assert.Equal((int)ReviewDecision.Approved, decided.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_fiona, decided.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
            Assert.Empty(_org.As(_fiona).RetrieveMultiple(DeskItems()).Entities); // decided: out of the desk's queue
        }

        [Fact]
        public void A_reviewer_of_the_desk_finds_the_desks_pending_review_in_My_pending_reviews()
        {
            // The desk's reviews are held by its team: the app's "My pending reviews" lists what the reviewer or one of her
            // teams holds (eq-useroruserteams), so the desk's work is on her list, not only in the queue. A reviewer outside
            // the desk does not see it there.
            Entity review = _org.Review(_deal, BusinessFunction.Finance);
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer");

            Entity listed = Assert.Single(_org.As(_fiona).RetrieveMultiple(ShippedView.Named("crmc_FeasibilityReview", "My pending reviews")).Entities);
            Assert.Equal(review.Id, listed.Id);
            Assert.Empty(_org.As(lena).RetrieveMultiple(ShippedView.Named("crmc_FeasibilityReview", "My pending reviews")).Entities);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_reviewer_of_the_desk_picks_the_review_with_the_apps_pick(bool removeItem)
        {
            // The queue item's Pick sends PickFromQueue, whose privilege is Write on the queue (Microsoft's "PickFromQueue
            // message privileges": prvWriteQueue), not the Append To an Update of the item asks.
            Entity item = Assert.Single(_org.As(_fiona).RetrieveMultiple(DeskItems()).Entities);

            _org.As(_fiona).Execute(new OrganizationRequest("PickFromQueue")
                { ["QueueItemId"] = item.Id, ["WorkerId"] = _fiona, ["RemoveQueueItem"] = removeItem });

            if (removeItem) Assert.Empty(_org.System.RetrieveMultiple(DeskItems()).Entities);
            else Assert.Equal(_fiona, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
        }

        [Fact]
        public void A_reviewer_outside_the_desk_neither_sees_nor_picks_its_reviews_and_nobody_of_it_deletes_its_queue()
        {
            // The role reaches the queues its user or one of their teams owns (Basic): the desk's own. A reviewer of the same
            // business unit who is not of the desk (another function's reviewer, say) does not open its queue or take work
            // out of it, and the desk's reviewers do not delete the queue itself.
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer");
            Entity item = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);

            Assert.Empty(_org.As(lena).RetrieveMultiple(DeskItems()).Entities);
            Assert.NotNull(Record.Exception(() => _org.As(lena).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", lena) })));
            Assert.NotNull(Record.Exception(() => _org.As(lena).Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = item.Id, ["WorkerId"] = lena })));
            Assert.NotNull(Record.Exception(() => _org.As(_fiona).Delete("queue", _queue)));

            Assert.Null(_org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid"));
        }

        [Theory]
        [InlineData("CrmCollab ADV")]
        [InlineData("CrmCollab Logistics")]
        [InlineData("CrmCollab SAV")]
        public void A_downstream_user_of_the_same_business_unit_does_not_take_the_review_out_of_the_desks_queue(string role)
        {
            // "A review routed to a desk's queue waits there only while it waits for a decision": nothing guards a queue
            // item, so only the role keeps someone who is not of the desk from picking it or removing it (RemoveFromQueue
            // deletes the item), which would leave the pending review out of every queue while the gate waits for it.
            Guid planner = _org.User("Paul Planner", role);
            Entity item = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);

            Assert.NotNull(Record.Exception(() => _org.As(planner).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", planner) })));
            Assert.NotNull(Record.Exception(() => _org.As(planner).Delete("queueitem", item.Id)));
            Assert.NotNull(Record.Exception(() => _org.As(planner).Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = item.Id, ["WorkerId"] = planner })));

            Entity kept = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);
            Assert.Null(kept.GetAttributeValue<EntityReference>("workerid"));
        }
    }
}
