using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff routed to a desk's queue waits there for one of the desk to pick it up. The planner, with nothing but the
    /// CrmCollab Logistics role, sees the item in the desk's queue and takes it (the item names them as its worker); the
    /// item's rights are the queue's (Microsoft: read from prvReadQueue, create, update and delete from prvAppendToQueue).
    /// A salesperson, who only reads queues, does not take work out of a desk's queue. The queue given to another team
    /// gives it what waits there: its owner holds what waits in it.
    /// </summary>
    public class HandoffQueuePickUpScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _queue;

        public HandoffQueuePickUpScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid desk = _org.Setup.CreateTeam("Logistics desk", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(desk, _lena);
            _queue = _org.System.Create(new Entity("queue") { ["name"] = "Logistics desk", ["ownerid"] = new EntityReference("team", desk) });
            _org.Rule("Logistics desk", BusinessFunction.Logistics, new EntityReference("queue", _queue));
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid deal = _org.Deal(_org.Account("Contoso"));
            _org.Win(deal);
        }

        private QueryExpression DeskItems()
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid", "workerid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, _queue);
            return query;
        }

        [Fact]
        public void The_planner_sees_the_handoff_waiting_in_the_desks_queue_and_picks_it_up()
        {
            Entity item = Assert.Single(_org.As(_lena).RetrieveMultiple(DeskItems()).Entities);

            _org.As(_lena).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", _lena) });

            Assert.Equal(_lena, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
        }

        [Fact]
        public void The_planner_finds_the_desks_open_handoff_in_My_open_handoffs()
        {
            // The desk's handoffs are held by its team: "My open handoffs" lists what the planner or one of her teams holds
            // (eq-useroruserteams). A planner outside the desk does not see it there.
            Guid paul = _org.User("Paul Planner", "CrmCollab Logistics");

            Entity listed = Assert.Single(_org.As(_lena).RetrieveMultiple(ShippedView.Named("Task", "My open handoffs")).Entities);
            Assert.Equal(Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities).GetAttributeValue<EntityReference>("objectid").Id, listed.Id);
            Assert.Empty(_org.As(paul).RetrieveMultiple(ShippedView.Named("Task", "My open handoffs")).Entities);
        }

        [Fact]
        public void The_planner_picks_the_handoff_with_the_apps_pick()
        {
            // The queue item's Pick sends PickFromQueue: Write on the queue (Microsoft's "PickFromQueue message
            // privileges": prvWriteQueue), which the desk's own queue gives its members (Basic, through the owner team).
            Entity item = Assert.Single(_org.As(_lena).RetrieveMultiple(DeskItems()).Entities);

            _org.As(_lena).Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = item.Id, ["WorkerId"] = _lena, ["RemoveQueueItem"] = false });

            Assert.Equal(_lena, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
            Assert.NotNull(Record.Exception(() => _org.As(_org.Rep).Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = item.Id, ["WorkerId"] = _org.Rep })));
        }

        [Theory]
        [InlineData("PickFromQueue")]
        [InlineData("RemoveFromQueue")]
        public void A_CrmCollab_Administrator_works_a_desks_queue_with_the_apps_pick_and_remove(string message)
        {
            // The administrator keeps the unrouted desk and steps in at any desk: the app's Pick and Remove send
            // PickFromQueue and RemoveFromQueue, whose privilege is Write on the queue (Microsoft's message privilege pages).
            Guid ada = _org.User("Ada Admin", "CrmCollab Administrator");
            Entity item = Assert.Single(_org.As(ada).RetrieveMultiple(DeskItems()).Entities);

            var request = new OrganizationRequest(message) { ["QueueItemId"] = item.Id };
            if (message == "PickFromQueue") { request["WorkerId"] = ada; request["RemoveQueueItem"] = false; }
            _org.As(ada).Execute(request);

            if (message == "PickFromQueue")
                Assert.Equal(ada, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
            else Assert.Empty(_org.System.RetrieveMultiple(DeskItems()).Entities);
        }

        [Fact]
        public void A_salesperson_does_not_take_work_out_of_a_desks_queue()
        {
            Entity item = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);

            Assert.NotNull(Record.Exception(() => _org.As(_org.Rep).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", _org.Rep) })));
            Assert.NotNull(Record.Exception(() => _org.As(_org.Rep).Delete("queueitem", item.Id)));

            Entity kept = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);
            Assert.Null(kept.GetAttributeValue<EntityReference>("workerid"));
        }

        [Fact]
        public void The_desks_queue_given_to_the_back_office_team_gives_it_the_handoff_waiting_there_picked_or_not()
        {
            Entity item = Assert.Single(_org.System.RetrieveMultiple(DeskItems()).Entities);
            _org.As(_lena).Update(new Entity("queueitem", item.Id) { ["workerid"] = new EntityReference("systemuser", _lena) });
            Guid backOffice = _org.Setup.CreateTeam("Logistics back office", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(backOffice, _org.User("Bo Back-office", "CrmCollab Logistics"));

            _org.System.Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
                { Target = new EntityReference("queue", _queue), Assignee = new EntityReference("team", backOffice) });

            Guid task = item.GetAttributeValue<EntityReference>("objectid").Id;
            Assert.Equal(backOffice, _org.System.Retrieve("task", task, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_lena, _org.System.Retrieve("queueitem", item.Id, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
        }
    }
}
