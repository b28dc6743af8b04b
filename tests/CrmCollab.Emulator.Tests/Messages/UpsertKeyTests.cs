using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// How the server processes an UpsertRequest for a standard table (Microsoft Learn, "Use Upsert to Create or Update a
    /// record", Understand the upsert process): the record is looked up by Target.Id if set, otherwise by KeyAttributes;
    /// when it exists, the Attributes that use the same keys as KeyAttributes are removed before the Update (an alternate
    /// key cannot be changed through the key that identifies the row); when it does not, only the key values the Target
    /// does not already carry in Attributes are copied in before the Create ("even if the values are different").
    /// </summary>
    public class UpsertKeyTests
    {
        [Fact]
        public void An_integration_upsert_by_code_cannot_rename_the_code_that_found_the_widget()
        {
            var engine = new TestOrg().Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_code"] = "W-1" });

            var response = (UpsertResponse)engine.SystemService.Execute(new UpsertRequest
            {
                Target = new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_code"] = "W-2", ["crmc_name"] = "renamed" },
            });

            Assert.False(response.RecordCreated);
            var row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_code", "crmc_name"));
            Assert.Equal("W-1", row["crmc_code"]);
            Assert.Equal("renamed", row["crmc_name"]);
        }

        [Fact]
        public void A_new_widget_upserted_by_code_keeps_the_code_its_data_carries()
        {
            var engine = new TestOrg().Boot();
            var response = (UpsertResponse)engine.SystemService.Execute(new UpsertRequest
            {
                Target = new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_code"] = "W-9", ["crmc_name"] = "new" },
            });
            Assert.True(response.RecordCreated);
            Assert.Equal("W-9", engine.SystemService.Retrieve("crmc_widget", response.Target.Id, new ColumnSet("crmc_code"))["crmc_code"]);
        }

        [Fact]
        public void An_upsert_naming_a_widget_by_id_finds_it_by_id_before_its_key()
        {
            var engine = new TestOrg().Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_code"] = "W-1" });
            var target = new Entity("crmc_widget", "crmc_code", "W-NEW") { Id = id };
            target["crmc_name"] = "by id";

            var response = (UpsertResponse)engine.SystemService.Execute(new UpsertRequest { Target = target });

            Assert.False(response.RecordCreated);
            Assert.Equal(id, response.Target.Id);
            Assert.Equal("by id", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
            Assert.Equal(1, TestOrg.Count(engine, "crmc_widget"));
        }
    }
}
