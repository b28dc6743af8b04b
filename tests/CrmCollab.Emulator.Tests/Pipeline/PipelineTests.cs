using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    public class PipelineTests
    {
        [Fact]
        public void PostOperation_exception_rolls_back_the_row_and_nested_creates_of_earlier_steps()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
                run.Service.Create(new Entity("task") { ["subject"] = "made in pre" }));
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
                run.Service.Create(new Entity("account") { ["name"] = "made in post" }), rank: 1);
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
                throw new InvalidPluginExecutionException("Widgets are closed today."), rank: 2);
            var engine = org.Boot();
            var fault = Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }));
            Assert.Equal("Widgets are closed today.", fault.Detail.Message);
            Assert.Equal(ErrorCodes.IsvAborted, fault.Detail.ErrorCode);
            Assert.Equal(0, Count(engine, "crmc_widget"));
            Assert.Equal(0, Count(engine, "task"));
            Assert.Equal(0, Count(engine, "account"));
        }

        [Fact]
        public void PreValidation_writes_commit_on_their_own_and_survive_a_later_failure()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PreValidation, run =>
            {
                Assert.False(run.Context.IsInTransaction);
                run.Service.Create(new Entity("task") { ["subject"] = "audit" });
            });
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
            {
                Assert.True(run.Context.IsInTransaction);
                throw new InvalidPluginExecutionException("no");
            });
            var engine = org.Boot();
            Assert.Equal("no", Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }), ErrorCodes.IsvAborted).Message);
            Assert.Equal(1, Count(engine, "task"));
            Assert.Equal(0, Count(engine, "crmc_widget"));
        }

        [Fact]
        public void Shared_variables_set_at_10_are_seen_at_20_and_40_and_PreOperation_target_changes_are_saved()
        {
            var org = new TestOrg();
            object seenAt40 = null;
            Guid? idAt40 = null;
            org.Step("Create", "crmc_widget", StepStage.PreValidation, run => run.Context.SharedVariables["from10"] = "hello");
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
            {
                Assert.Equal("hello", run.Context.SharedVariables["from10"]);
                run.Target["crmc_notes"] = "added by pre-op";
            });
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                seenAt40 = run.Context.SharedVariables["from10"];
                idAt40 = (Guid)run.Context.OutputParameters["id"];
            });
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal("hello", seenAt40);
            Assert.Equal(id, idAt40);
            Assert.Equal("added by pre-op", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_notes"))["crmc_notes"]);
        }

        [Fact]
        public void Filtering_attributes_fire_on_presence_even_unchanged_and_not_on_other_columns()
        {
            var org = new TestOrg();
            int fired = 0;
            var step = org.Step("Update", "crmc_widget", StepStage.PostOperation, run => fired++);
            step.FilteringAttributes.Add("crmc_quantity");
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_quantity"] = 1 });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "y" });
            Assert.Equal(0, fired);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 1 });
            Assert.Equal(1, fired);
        }

        [Fact]
        public void Images_hold_exactly_their_columns_with_before_and_after_values()
        {
            var org = new TestOrg();
            Entity pre20 = null, pre40 = null, post40 = null;
            int post20Count = -1;
            var s20 = org.Step("Update", "crmc_widget", StepStage.PreOperation, run =>
            {
                pre20 = run.Context.PreEntityImages["pre"];
                post20Count = run.Context.PostEntityImages.Count;
            });
            var s40 = org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
            {
                pre40 = run.Context.PreEntityImages["pre"];
                post40 = run.Context.PostEntityImagesCollection[0]["post"];
            });
            foreach (var s in new[] { s20, s40 })
            {
                var pre = new StepImageDefinition { EntityAlias = "pre", ImageType = ImageType.PreImage };
                pre.Attributes.AddRange(new[] { "crmc_quantity", "crmc_name" });
                s.Images.Add(pre);
                var post = new StepImageDefinition { EntityAlias = "post", ImageType = ImageType.PostImage };
                post.Attributes.Add("crmc_quantity");
                s.Images.Add(post);
            }
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_quantity"] = 1, ["crmc_notes"] = "n" });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 2 });
            Assert.Equal(new[] { "crmc_name", "crmc_quantity" }, pre20.Attributes.Keys.OrderBy(k => k));
            Assert.Equal(1, pre20["crmc_quantity"]);
            Assert.Equal(0, post20Count);
            Assert.Equal(1, pre40["crmc_quantity"]);
            Assert.Equal(new[] { "crmc_quantity" }, post40.Attributes.Keys);
            Assert.Equal(2, post40["crmc_quantity"]);
        }

        [Fact]
        public void Recursive_self_update_fails_at_depth_8_and_writes_nothing()
        {
            var org = new TestOrg();
            int deepest = 0;
            var step = org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
            {
                deepest = Math.Max(deepest, run.Context.Depth);
                run.Service.Create(new Entity("task") { ["subject"] = "depth " + run.Context.Depth });
                run.Service.Update(new Entity("crmc_widget", run.Context.PrimaryEntityId) { ["crmc_quantity"] = run.Context.Depth });
            });
            step.FilteringAttributes.Add("crmc_quantity");
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_quantity"] = 0 });
            var fault = Fails(() => engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 100 }));
            Assert.Equal(ErrorCodes.SdkCorrelationTokenDepthTooHigh, fault.Detail.ErrorCode);
            Assert.StartsWith("This workflow job was canceled because the workflow that started it included an infinite loop.", fault.Detail.Message);
            Assert.Equal(8, deepest);
            Assert.Equal(0, engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_quantity"))["crmc_quantity"]);
            Assert.Equal(0, Count(engine, "task"));
        }

        [Fact]
        public void Async_steps_run_on_drain_with_retries_and_never_roll_back_the_parent()
        {
            var org = new TestOrg();
            int attempts = 0;
            Entity postImage = null;
            var ok = org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                Assert.Equal(1, run.Context.Mode);
                Assert.False(run.Context.IsInTransaction);
                postImage = run.Context.PostEntityImages["post"];
                run.Service.Create(new Entity("task") { ["subject"] = "follow-up" });
            }, StepMode.Asynchronous, name: "ok-async");
            ok.Images.Add(new StepImageDefinition { EntityAlias = "post", ImageType = ImageType.PostImage });
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                attempts++;
                throw new InvalidPluginExecutionException("downstream unavailable");
            }, StepMode.Asynchronous, name: "bad-async");
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal(0, Count(engine, "task"));
            Assert.Equal(2, engine.PendingAsyncCount);
            Assert.Equal(2, engine.DrainAsync());
            Assert.Equal(1, Count(engine, "task"));
            Assert.Equal(id, postImage.Id);
            Assert.Equal("w", postImage["crmc_name"]);
            Assert.Equal(3, attempts); // 1 + AsyncRetryCount (2)
            var failure = Assert.Single(engine.AsyncFailures);
            Assert.Equal("bad-async", failure.StepName);
            Assert.Equal("downstream unavailable", failure.Message);
            Assert.Equal(3, failure.Attempts);
            Assert.Equal(1, Count(engine, "crmc_widget"));
            Assert.Equal(0, engine.DrainAsync());
        }

        [Fact]
        public void Async_steps_of_a_rolled_back_operation_are_never_queued()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => { }, StepMode.Asynchronous);
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => throw new InvalidPluginExecutionException("x"));
            var engine = org.Boot();
            Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }), ErrorCodes.IsvAborted);
            Assert.Equal(0, engine.PendingAsyncCount);
            Assert.Equal(0, engine.DrainAsync());
        }

        [Fact]
        public void One_plugin_instance_per_step_is_reused()
        {
            var org = new TestOrg();
            org.TypedStep<CountingPlugin>("Create", "crmc_widget", StepStage.PostOperation);
            var engine = org.Boot();
            var a = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "a" });
            var b = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "b" });
            Assert.Equal(new[] { 1 }, CountingPlugin.Seen[a]);
            Assert.Equal(new[] { 2 }, CountingPlugin.Seen[b]);
        }

        [Fact]
        public void Run_as_user_is_UserId_while_InitiatingUserId_is_the_caller()
        {
            var org = new TestOrg();
            Guid userId = Guid.Empty, initiating = Guid.Empty, createdBy = Guid.Empty;
            var step = org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                userId = run.Context.UserId;
                initiating = run.Context.InitiatingUserId;
                var t = run.Service.Create(new Entity("task") { ["subject"] = "by run-as" });
                createdBy = run.Service.Retrieve("task", t, new ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
            });
            var engine = org.Boot();
            var caller = TestOrg.AddUser(engine, "caller");
            var runAs = TestOrg.AddUser(engine, "runas");
            step.RunAsUserId = runAs;
            engine.CreateService(caller).Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal(runAs, userId);
            Assert.Equal(caller, initiating);
            Assert.Equal(runAs, createdBy);
        }

        [Fact]
        public void Swallowing_a_failed_call_inside_the_transaction_fails_like_the_server()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                try { run.Service.Retrieve("account", Guid.NewGuid(), new ColumnSet(true)); }
                catch (FaultException<OrganizationServiceFault>) { }
            });
            var engine = org.Boot();
            var fault = Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }));
            Assert.Equal(ErrorCodes.IsvTransactionCount, fault.Detail.ErrorCode);
            Assert.Equal(0, Count(engine, "crmc_widget"));
        }

    }
}
