using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// Microsoft Learn "Use bulk operation messages", Duplicate records in UpdateMultiple Targets parameter: when more than
    /// one record of Targets is identified by the same primary or alternate key, "the operation is performed on the first
    /// record only. Any subsequent records with the same key value(s) in the payload are ignored."
    /// </summary>
    public class UpdateMultipleDuplicateTests
    {
        [Fact]
        public void A_bulk_update_naming_a_widget_twice_applies_the_first_change_only_and_runs_its_steps_once()
        {
            var org = new TestOrg();
            var updates = new List<string>();
            org.Step("Update", "crmc_widget", StepStage.PreOperation, run => updates.Add((string)run.Target["crmc_name"]));
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_code"] = "W-1" });
            var other = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "v" });

            engine.SystemService.Execute(new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget", id) { ["crmc_name"] = "first" },
                    new Entity("crmc_widget", other) { ["crmc_name"] = "other" },
                    new Entity("crmc_widget", id) { ["crmc_name"] = "second by id" },
                    new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "third by key" },
                }) { EntityName = "crmc_widget" },
            });

            Assert.Equal("first", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
            Assert.Equal(new[] { "first", "other" }, updates);
        }
    }
}
