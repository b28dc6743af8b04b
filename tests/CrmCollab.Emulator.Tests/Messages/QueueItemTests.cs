using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// What Dataverse does to queue items by itself (Microsoft Learn, "Queue entities"): a record going from Active to
    /// Inactive deactivates its queue items; deleting a record deletes them; RemoveFromQueue is a delete of the item.
    /// </summary>
    public class QueueItemTests
    {
        private readonly TestOrg _org = new TestOrg();

        private (CrmCollab.Emulator.Engine.DataverseEngine Engine, Guid Task, Guid Item, Guid OtherItem) QueuedTasks()
        {
            var engine = _org.Boot();
            IOrganizationService service = engine.SystemService;
            Guid queue = service.Create(new Entity("queue") { ["name"] = "Support desk" });
            Guid task = service.Create(new Entity("task") { ["subject"] = "Call back the customer" });
            Guid other = service.Create(new Entity("task") { ["subject"] = "Send the quote" });
            Guid item = Enqueue(service, queue, task);
            Guid otherItem = Enqueue(service, queue, other);
            return (engine, task, item, otherItem);
        }

        private static Guid Enqueue(IOrganizationService service, Guid queue, Guid task) => service.Create(new Entity("queueitem")
        {
            ["queueid"] = new EntityReference("queue", queue),
            ["objectid"] = new EntityReference("task", task),
            ["title"] = "Work",
        });

        private static int StateOf(CrmCollab.Emulator.Engine.DataverseEngine engine, Guid item) =>
            engine.SystemService.Retrieve("queueitem", item, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value;

        [Theory]
        [InlineData("SetState", 1)]
        [InlineData("SetState", 2)]
        [InlineData("Update", 1)]
        public void A_record_that_goes_inactive_deactivates_its_queue_items_and_only_its_own(string message, int closedState)
        {
            var (engine, task, item, otherItem) = QueuedTasks();

            if (message == "SetState")
                engine.SystemService.Execute(new SetStateRequest
                {
                    EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(closedState), Status = new OptionSetValue(-1),
                });
            else engine.SystemService.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(closedState) });

            Entity deactivated = engine.SystemService.Retrieve("queueitem", item, new ColumnSet("statecode", "statuscode"));
            Assert.Equal(1, deactivated.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(2, deactivated.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(0, StateOf(engine, otherItem));
        }

        [Fact]
        public void A_reopened_record_leaves_its_queue_items_inactive_and_other_changes_leave_them_alone()
        {
            var (engine, task, item, _) = QueuedTasks();
            engine.SystemService.Update(new Entity("task", task) { ["subject"] = "Call back the customer today" });
            Assert.Equal(0, StateOf(engine, item));

            engine.SystemService.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(1) });
            engine.SystemService.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(0) });

            Assert.Equal(1, StateOf(engine, item)); // nothing documented reactivates it
        }

        [Fact]
        public void RemoveFromQueue_deletes_the_queue_item_in_its_own_pipeline_and_keeps_the_record()
        {
            var seen = new List<string>();
            _org.Step("RemoveFromQueue", "queueitem", StepStage.PreOperation, run => seen.Add(run.Context.MessageName + " " + run.Context.PrimaryEntityId));
            var (engine, task, item, otherItem) = QueuedTasks();

            engine.SystemService.Execute(new OrganizationRequest("RemoveFromQueue") { ["QueueItemId"] = item });

            Fails(() => engine.SystemService.Retrieve("queueitem", item, new ColumnSet("statecode")));
            Assert.Equal(0, StateOf(engine, otherItem));
            Assert.Equal("Call back the customer", engine.SystemService.Retrieve("task", task, new ColumnSet("subject")).GetAttributeValue<string>("subject"));
            Assert.Equal(new[] { "RemoveFromQueue " + item }, seen);
            Fails(() => engine.SystemService.Execute(new OrganizationRequest("RemoveFromQueue") { ["QueueItemId"] = item }));
            Fails(() => engine.SystemService.Execute(new OrganizationRequest("RemoveFromQueue")));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void PickFromQueue_names_the_worker_or_removes_the_item_in_its_own_pipeline_and_keeps_the_record(bool removeItem)
        {
            var seen = new List<string>();
            _org.Step("PickFromQueue", "queueitem", StepStage.PreOperation, run => seen.Add(run.Context.MessageName + " " + run.Context.PrimaryEntityId));
            var (engine, task, item, otherItem) = QueuedTasks();
            Guid worker = TestOrg.AddUser(engine, "Wendy");

            engine.SystemService.Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = item, ["WorkerId"] = worker, ["RemoveQueueItem"] = removeItem });

            if (removeItem) Fails(() => engine.SystemService.Retrieve("queueitem", item, new ColumnSet("workerid")));
            else Assert.Equal(worker, engine.SystemService.Retrieve("queueitem", item, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid").Id);
            Assert.Null(engine.SystemService.Retrieve("queueitem", otherItem, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid"));
            Assert.Equal("Call back the customer", engine.SystemService.Retrieve("task", task, new ColumnSet("subject")).GetAttributeValue<string>("subject"));
            Assert.Equal(new[] { "PickFromQueue " + item }, seen);
            Fails(() => engine.SystemService.Execute(new OrganizationRequest("PickFromQueue") { ["QueueItemId"] = otherItem }));
            Fails(() => engine.SystemService.Execute(new OrganizationRequest("PickFromQueue") { ["WorkerId"] = worker }));
        }

        [Fact]
        public void Deleting_a_record_deletes_its_queue_items()
        {
            var (engine, task, item, otherItem) = QueuedTasks();

            engine.SystemService.Delete("task", task);

            Fails(() => engine.SystemService.Retrieve("queueitem", item, new ColumnSet("statecode")));
            Assert.Equal(0, StateOf(engine, otherItem));
        }
    }
}
