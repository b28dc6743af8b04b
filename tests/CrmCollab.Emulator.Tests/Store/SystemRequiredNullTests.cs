using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// "When this is set to SystemRequired, you cannot set these columns to a null value. If you attempt this you will get
    /// error code -2147220989 with the message Attribute: &lt;attribute name&gt; cannot be set to NULL" (powerapps-docs
    /// org-service/entity-operations-update-delete.md). statecode is SystemRequired on every table (table references).
    /// </summary>
    public class SystemRequiredNullTests
    {
        [Fact]
        public void An_integration_blanking_the_state_of_an_in_progress_task_is_refused_and_the_task_keeps_its_state_and_reason()
        {
            var svc = new TestOrg().Boot().SystemService;
            var task = svc.Create(new Entity("task") { ["subject"] = "Prepare delivery" });
            svc.Update(new Entity("task", task) { ["statuscode"] = new OptionSetValue(3) }); // In Progress

            var fault = Fails(() => svc.Update(new Entity("task", task) { ["statecode"] = null, ["subject"] = "Prepare delivery (synced)" }),
                ErrorCodes.InvalidArgument);

            Assert.Equal(-2147220989, fault.ErrorCode);
            Assert.Equal("Attribute: statecode cannot be set to NULL", fault.Message);
            var row = svc.Retrieve("task", task, new ColumnSet("statecode", "statuscode", "subject"));
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(3, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal("Prepare delivery", row["subject"]); // the other columns' part was rolled back with it
        }

        [Fact]
        public void Taking_a_queue_item_out_of_its_queue_by_blanking_the_queue_is_refused_with_the_documented_message()
        {
            var svc = new TestOrg().Boot().SystemService;
            var queue = svc.Create(new Entity("queue") { ["name"] = "Logistics" });
            var task = svc.Create(new Entity("task") { ["subject"] = "Book the carrier" });
            var item = svc.Create(new Entity("queueitem")
                { ["queueid"] = new EntityReference("queue", queue), ["objectid"] = new EntityReference("task", task) });

            var fault = Fails(() => svc.Update(new Entity("queueitem", item) { ["queueid"] = null }), ErrorCodes.InvalidArgument);

            Assert.Equal("Attribute: queueid cannot be set to NULL", fault.Message);
            Assert.Equal(queue, svc.Retrieve("queueitem", item, new ColumnSet("queueid")).GetAttributeValue<EntityReference>("queueid").Id);
        }
    }
}
