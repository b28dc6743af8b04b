using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// The queue item's Pick, Release and Remove (PickFromQueue, ReleaseToQueue, RemoveFromQueue) ask Write on the item's
    /// queue (Microsoft's message privilege pages: primary entity queue, prvWriteQueue), beyond the Append To on the queue
    /// that an item's own update or delete asks. Before, the engine let a user without Write on the queue remove its items
    /// with RemoveFromQueue, and did not know ReleaseToQueue.
    /// </summary>
    public class QueueMessagePrivilegeTests
    {
        [Theory]
        [InlineData("RemoveFromQueue")]
        [InlineData("PickFromQueue")]
        [InlineData("ReleaseToQueue")]
        public void Taking_an_item_out_of_a_queue_by_its_message_asks_write_on_the_queue(string message)
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var clerk = new RoleDefinition { Id = Guid.NewGuid(), Name = "Queue clerk" };
            clerk.Privileges[("queue", AccessRight.Read)] = PrivilegeDepth.Global;
            clerk.Privileges[("queue", AccessRight.AppendTo)] = PrivilegeDepth.Global;
            clerk.Privileges[("task", AccessRight.Read)] = PrivilegeDepth.Global;
            org.Solution.Roles.Add(clerk);
            var keeper = new RoleDefinition { Id = Guid.NewGuid(), Name = "Queue keeper" };
            foreach (var privilege in clerk.Privileges) keeper.Privileges[privilege.Key] = privilege.Value;
            keeper.Privileges[("queue", AccessRight.Write)] = PrivilegeDepth.Global;
            org.Solution.Roles.Add(keeper);
            var engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            Guid kim = setup.CreateUser("Kim Clerk", engine.RootBusinessUnitId, "Queue clerk");
            Guid ann = setup.CreateUser("Ann Keeper", engine.RootBusinessUnitId, "Queue keeper");
            Guid queue = engine.SystemService.Create(new Entity("queue") { ["name"] = "Support desk" });
            Guid task = engine.SystemService.Create(new Entity("task") { ["subject"] = "Call back the customer" });
            Guid item = engine.SystemService.Create(new Entity("queueitem")
                { ["queueid"] = new EntityReference("queue", queue), ["objectid"] = new EntityReference("task", task) });
            // A release gives back an item someone picked: Ann has it.
            EntityReference picker = message == "ReleaseToQueue" ? new EntityReference("systemuser", ann) : null;
            if (picker != null) engine.SystemService.Update(new Entity("queueitem", item) { ["workerid"] = picker });
            var request = new OrganizationRequest(message) { ["QueueItemId"] = item };
            if (message == "PickFromQueue") request["WorkerId"] = kim;

            Fails(() => engine.CreateService(kim).Execute(request));
            Assert.Equal(picker?.Id, engine.SystemService.Retrieve("queueitem", item, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid")?.Id);

            if (message == "PickFromQueue") request["WorkerId"] = ann;
            engine.CreateService(ann).Execute(request);
            if (message == "ReleaseToQueue")
                Assert.Null(engine.SystemService.Retrieve("queueitem", item, new ColumnSet("workerid")).GetAttributeValue<EntityReference>("workerid"));
        }
    }
}
