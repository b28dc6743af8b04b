using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// UpsertMultiple, a bulk operation message of Dataverse (Microsoft Learn "Use bulk operation messages"; the
    /// UpsertMultipleRequest / UpsertMultipleResponse classes: Targets in, Results, one UpsertResponse per target, out).
    /// Bulk operations on standard tables are one transaction: "any error [...] causes the entire operation to roll back".
    /// The merged pipelines raise each row's single-message events, so every Upsert, and the Create or Update it becomes,
    /// runs its steps. The answer is the SDK's typed UpsertMultipleResponse, whether the request was sent typed or by name.
    /// </summary>
    public class UpsertMultipleTests
    {
        private static UpsertMultipleRequest UpsertMultiple(params Entity[] targets) => new UpsertMultipleRequest
        {
            Targets = new EntityCollection(targets.ToList()) { EntityName = "crmc_widget" },
        };

        [Fact]
        public void A_price_list_import_creates_the_new_widgets_and_updates_the_known_ones_by_code()
        {
            var org = new TestOrg();
            var fired = new List<string>();
            org.Step("UpsertMultiple", "crmc_widget", StepStage.PreOperation, run =>
                fired.Add("UpsertMultiple:" + ((EntityCollection)run.Context.InputParameters["Targets"]).Entities.Count));
            org.Step("Upsert", "crmc_widget", StepStage.PreOperation, run => fired.Add("Upsert"));
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => fired.Add("Create"));
            org.Step("Update", "crmc_widget", StepStage.PostOperation, run => fired.Add("Update"));
            var engine = org.Boot();
            var known = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "old", ["crmc_code"] = "W-1" });
            fired.Clear();

            var response = (UpsertMultipleResponse)engine.SystemService.Execute(UpsertMultiple(
                new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "renamed" },
                new Entity("crmc_widget", "crmc_code", "W-2") { ["crmc_name"] = "new" }));

            UpsertResponse[] results = response.Results;
            Assert.False(results[0].RecordCreated);
            Assert.Equal(known, results[0].Target.Id);
            Assert.True(results[1].RecordCreated);
            Assert.Equal("renamed", engine.SystemService.Retrieve("crmc_widget", known, new ColumnSet("crmc_name"))["crmc_name"]);
            Assert.Equal("W-2", engine.SystemService.Retrieve("crmc_widget", results[1].Target.Id, new ColumnSet("crmc_code"))["crmc_code"]);
            Assert.Equal(new[] { "UpsertMultiple:2", "Upsert", "Update", "Upsert", "Create" }, fired);
        }

        [Fact]
        public void An_import_with_one_bad_widget_saves_none()
        {
            var engine = new TestOrg().Boot();
            Fails(() => engine.SystemService.Execute(UpsertMultiple(
                new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "fine" },
                new Entity("crmc_widget", "crmc_code", "W-2") { ["crmc_name"] = new string('x', 50) })), ErrorCodes.StringLengthTooLong);
            Assert.Equal(0, Count(engine, "crmc_widget"));
        }
    
        /// <summary>
        /// "Use bulk operation messages", Duplicate records in UpsertMultiple Targets parameter: more than one record with
        /// the same primary key or alternate key values makes UpsertMultiple return an error.
        /// </summary>
        [Fact]
        public void An_import_naming_the_same_widget_twice_is_refused_whole()
        {
            var engine = new TestOrg().Boot();
            var known = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "old", ["crmc_code"] = "W-1" });
            Fails(() => engine.SystemService.Execute(UpsertMultiple(
                new Entity("crmc_widget", "crmc_code", "W-9") { ["crmc_name"] = "new" },
                new Entity("crmc_widget", "crmc_code", "W-9") { ["crmc_name"] = "new again" })));
            Fails(() => engine.SystemService.Execute(UpsertMultiple(
                new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "by key" },
                new Entity("crmc_widget", known) { ["crmc_name"] = "by id" })));
            Assert.Equal(1, Count(engine, "crmc_widget"));
            Assert.Equal("old", engine.SystemService.Retrieve("crmc_widget", known, new ColumnSet("crmc_name"))["crmc_name"]);

            // Records naming no row (no id, no key) are not duplicates of each other: each is created.
            engine.SystemService.Execute(UpsertMultiple(new Entity("crmc_widget") { ["crmc_name"] = "a" }, new Entity("crmc_widget") { ["crmc_name"] = "b" }));
            Assert.Equal(3, Count(engine, "crmc_widget"));
        }

        [Fact]
        public void An_import_tool_sending_UpsertMultiple_by_name_gets_the_typed_answer()
        {
            var engine = new TestOrg().Boot();
            var request = new OrganizationRequest("UpsertMultiple")
            {
                ["Targets"] = new EntityCollection { EntityName = "crmc_widget", Entities = { new Entity("crmc_widget", "crmc_code", "W-5") { ["crmc_name"] = "five" } } },
            };

            var response = Assert.IsType<UpsertMultipleResponse>(engine.SystemService.Execute(request));

            Assert.True(Assert.Single(response.Results).RecordCreated);
        }
    }
}
