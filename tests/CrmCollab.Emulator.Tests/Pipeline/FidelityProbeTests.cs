using System;
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

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>Probes of documented platform behaviour the engine must model.</summary>
    public class FidelityProbeTests
    {
        [Fact]
        public void Audit_columns_a_client_sends_are_ignored_on_create_and_update()
        {
            var engine = new TestOrg().Boot();
            var other = AddUser(engine, "other");
            var past = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var id = engine.SystemService.Create(new Entity("crmc_widget")
            {
                ["crmc_name"] = "w", ["createdon"] = past, ["modifiedon"] = past,
                ["createdby"] = new EntityReference("systemuser", other), ["modifiedby"] = new EntityReference("systemuser", other),
                ["versionnumber"] = 5L,
            });
            var row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.NotEqual(past, row["createdon"]);
            Assert.NotEqual(past, row["modifiedon"]);
            Assert.Equal(engine.SystemUserId, row.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Equal(engine.SystemUserId, row.GetAttributeValue<EntityReference>("modifiedby").Id);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["createdon"] = past, ["modifiedby"] = new EntityReference("systemuser", other) });
            row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.NotEqual(past, row["createdon"]);
            Assert.Equal(engine.SystemUserId, row.GetAttributeValue<EntityReference>("modifiedby").Id);
        }

        [Fact]
        public void A_lookup_may_name_an_inactive_row_and_not_a_missing_one()
        {
            var engine = new TestOrg().Boot();
            var account = engine.SystemService.Create(new Entity("account") { ["name"] = "a" });
            engine.SystemService.Update(new Entity("account", account) { ["statecode"] = new OptionSetValue(1) });
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", account) });
            Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", Guid.NewGuid()) }),
                ErrorCodes.ObjectDoesNotExist);
        }

        [Fact]
        public void Images_pre_for_update_and_delete_post_only_at_post_operation()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            foreach (var message in new[] { "Create", "Update", "Delete" })
                foreach (var stage in new[] { StepStage.PreValidation, StepStage.PreOperation, StepStage.PostOperation })
                {
                    var step = org.Step(message, "crmc_widget", stage, run => seen.Add(
                        $"{run.Context.MessageName}/{run.Context.Stage}:{run.Context.PreEntityImages.Contains("pre")}/{run.Context.PostEntityImages.Contains("post")}/{run.Context.IsInTransaction}"));
                    step.Images.Add(new StepImageDefinition { EntityAlias = "pre", ImageType = ImageType.PreImage });
                    step.Images.Add(new StepImageDefinition { EntityAlias = "post", ImageType = ImageType.PostImage });
                }
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "x" });
            engine.SystemService.Delete("crmc_widget", id);
            Assert.Equal(new[]
            {
                "Create/10:False/False/False", "Create/20:False/False/True", "Create/40:False/True/True",
                "Update/10:True/False/False", "Update/20:True/False/True", "Update/40:True/True/True",
                "Delete/10:True/False/False", "Delete/20:True/False/True", "Delete/40:True/False/True",
            }, seen);
        }

        [Fact]
        public void A_bulk_create_with_one_bad_row_writes_nothing_and_an_update_of_a_missing_row_changes_nothing()
        {
            var engine = new TestOrg().Boot();
            var targets = new EntityCollection(new List<Entity>
            {
                new Entity("crmc_widget") { ["crmc_name"] = "a" }, new Entity("crmc_widget") { ["crmc_name"] = new string('x', 50) },
            }) { EntityName = "crmc_widget" };
            Fails(() => engine.SystemService.Execute(new CreateMultipleRequest { Targets = targets }), ErrorCodes.StringLengthTooLong);
            Assert.Equal(0, Count(engine, "crmc_widget"));

            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "a" });
            var updates = new EntityCollection(new List<Entity>
            {
                new Entity("crmc_widget", id) { ["crmc_name"] = "b" }, new Entity("crmc_widget", Guid.NewGuid()) { ["crmc_name"] = "c" },
            }) { EntityName = "crmc_widget" };
            Fails(() => engine.SystemService.Execute(new UpdateMultipleRequest { Targets = updates }), ErrorCodes.ObjectDoesNotExist);
            Assert.Equal("a", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        [Fact]
        public void Upsert_by_id_creates_the_row_with_that_id_then_updates_it()
        {
            var engine = new TestOrg().Boot();
            var id = Guid.NewGuid();
            var first = (UpsertResponse)engine.SystemService.Execute(new UpsertRequest { Target = new Entity("crmc_widget", id) { ["crmc_name"] = "a" } });
            Assert.True(first.RecordCreated);
            Assert.Equal(id, first.Target.Id);
            var second = (UpsertResponse)engine.SystemService.Execute(new UpsertRequest { Target = new Entity("crmc_widget", id) { ["crmc_name"] = "b" } });
            Assert.False(second.RecordCreated);
            Assert.Equal("b", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        [Fact]
        public void A_duplicate_alternate_key_is_refused_with_the_key_fault()
        {
            var engine = new TestOrg().Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_code"] = "K1" });
            Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "b", ["crmc_code"] = "K1" }), ErrorCodes.DuplicateRecordEntityKey);
        }

        [Fact]
        public void The_documented_response_counts_of_a_batch_with_two_faults()
        {
            var engine = new TestOrg().Boot();
            OrganizationRequest Ok() => new CreateRequest { Target = new Entity("account") { ["name"] = "a" } };
            OrganizationRequest Bad() => new CreateRequest { Target = new Entity("account") { ["name"] = new string('x', 500) } };
            foreach (var (continueOnError, returnResponses, items) in new[] { (true, true, 6), (false, true, 3), (true, false, 2), (false, false, 1) })
            {
                var batch = new ExecuteMultipleRequest
                {
                    Requests = new OrganizationRequestCollection { Ok(), Ok(), Bad(), Ok(), Bad(), Ok() },
                    Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
                };
                var response = (ExecuteMultipleResponse)engine.SystemService.Execute(batch);
                Assert.Equal(items, response.Responses.Count);
            }
        }

        [Fact]
        public void Async_steps_run_outside_the_transaction_in_async_mode()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => seen.Add($"{run.Context.Mode}/{run.Context.IsInTransaction}/{run.Context.Stage}"),
                mode: StepMode.Asynchronous);
            var engine = org.Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Empty(seen);
            engine.DrainAsync();
            Assert.Equal(new[] { "1/False/40" }, seen);
        }
    
        /// <summary>Microsoft Learn, "Use an alternate key to reference a record": Retrieve, Update, Delete and lookups name a row by its key.</summary>
        [Fact]
        public void A_widget_is_read_changed_pointed_at_and_deleted_by_its_code()
        {
            var engine = new TestOrg().Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_code"] = "W-1" });
            var byKey = new EntityReference("crmc_widget", "crmc_code", "W-1");
            var read = (RetrieveResponse)engine.SystemService.Execute(new RetrieveRequest { Target = byKey, ColumnSet = new ColumnSet("crmc_name") });
            Assert.Equal(id, read.Entity.Id);
            engine.SystemService.Update(new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "x" });
            Assert.Equal("x", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
            engine.SystemService.Execute(new DeleteRequest { Target = byKey });
            Assert.Equal(0, Count(engine, "crmc_widget"));
        }

        /// <summary>
        /// Microsoft Learn, "Use an alternate key to reference a record": a lookup may be set with an EntityReference
        /// naming the related row by its alternate key (KeyAttributes) instead of its id.
        /// </summary>
        [Fact]
        public void A_widget_is_linked_to_its_customer_by_the_customers_account_number()
        {
            var org = new TestOrg();
            var key = new AlternateKeyDefinition { LogicalName = "account_number" };
            key.Columns.Add("accountnumber");
            org.Solution.Catalog.Table("account").Keys.Add(key);
            var engine = org.Boot();
            var account = engine.SystemService.Create(new Entity("account") { ["name"] = "a", ["accountnumber"] = "C-7" });

            var id = engine.SystemService.Create(new Entity("crmc_widget")
                { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", "accountnumber", "C-7") });

            var row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_accountid"));
            Assert.Equal(account, row.GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Fails(() => engine.SystemService.Create(new Entity("crmc_widget")
                { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", "accountnumber", "nobody") }), ErrorCodes.ObjectDoesNotExist);
        }
}
}
