using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// "When you update StateCode without specifying a StatusCode, the default status value will be set by the system"
    /// (powerapps-docs "Behavior of specialized update operations"; the Web API's "Update and delete table rows" says the
    /// same of statecode/statuscode): whether or not the state changes, a save naming the state and no status reason takes
    /// that state's default status reason.
    /// </summary>
    public class StateWithoutStatusTests
    {
        private static int StatusOf(IOrganizationService svc, string table, System.Guid id) =>
            svc.Retrieve(table, id, new ColumnSet("statuscode")).GetAttributeValue<OptionSetValue>("statuscode").Value;

        [Fact]
        public void A_handoff_task_in_progress_that_an_integration_saves_as_open_again_is_back_to_not_started()
        {
            var svc = new TestOrg().Boot().SystemService;
            var task = svc.Create(new Entity("task") { ["subject"] = "Prepare delivery" });
            svc.Update(new Entity("task", task) { ["statuscode"] = new OptionSetValue(3) }); // In Progress
            Assert.Equal(3, StatusOf(svc, "task", task));

            svc.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(0), ["subject"] = "Prepare delivery (synced)" });

            Assert.Equal(2, StatusOf(svc, "task", task)); // Open's default status reason: Not Started
        }

        [Fact]
        public void A_retired_widget_saved_as_inactive_without_a_reason_takes_the_inactive_default_and_a_named_reason_is_kept()
        {
            var svc = new TestOrg().Boot().SystemService;
            var widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            svc.Execute(new SetStateRequest
                { EntityMoniker = new EntityReference("crmc_widget", widget), State = new OptionSetValue(1), Status = new OptionSetValue(3) });
            Assert.Equal(3, StatusOf(svc, "crmc_widget", widget)); // Retired

            svc.Update(new Entity("crmc_widget", widget) { ["statecode"] = new OptionSetValue(1) });
            Assert.Equal(2, StatusOf(svc, "crmc_widget", widget)); // Inactive, the state's default

            svc.Update(new Entity("crmc_widget", widget) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) });
            Assert.Equal(3, StatusOf(svc, "crmc_widget", widget));
            // A save that names neither leaves both as they are.
            svc.Update(new Entity("crmc_widget", widget) { ["crmc_notes"] = "kept for spares" });
            Assert.Equal(3, StatusOf(svc, "crmc_widget", widget));
        }
    }
}
