using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    public class PipelineContextTests
    {
        [Fact]
        public void Context_carries_depth_correlation_parent_and_operation_facts()
        {
            var org = new TestOrg();
            IPluginExecutionContext7 outer = null, inner = null;
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                outer = run.Context;
                run.Service.Create(new Entity("task") { ["subject"] = "child" });
            });
            org.Step("Create", "task", StepStage.PreOperation, run => inner = run.Context);
            var engine = org.Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal(1, outer.Depth);
            Assert.Equal(2, inner.Depth);
            Assert.Equal(outer.CorrelationId, inner.CorrelationId);
            Assert.Same(outer, inner.ParentContext);
            Assert.Equal("Create", outer.MessageName);
            Assert.Equal("crmc_widget", outer.PrimaryEntityName);
            Assert.Equal("none", outer.SecondaryEntityName);
            Assert.Equal(40, outer.Stage);
            Assert.Equal(2, outer.IsolationMode);
            Assert.Equal(WellKnownIds.OrganizationId, outer.OrganizationId);
            Assert.Equal(WellKnownIds.RootBusinessUnitId, outer.BusinessUnitId);
            Assert.Equal(engine.Clock.UtcNow.Date, outer.OperationCreatedOn.Date);
            Assert.Equal("sdkmessageprocessingstep", outer.OwningExtension.LogicalName);
            Assert.NotEqual(Guid.Empty, outer.OperationId);
        }

        [Fact]
        public void Factory_null_means_SYSTEM_and_traces_are_captured()
        {
            var org = new TestOrg();
            Guid createdBy = Guid.Empty;
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                run.Tracing.Trace("widget {0}", run.Context.PrimaryEntityId);
                var factory = (IOrganizationServiceFactory)run.Provider.GetService(typeof(IOrganizationServiceFactory));
                var system = factory.CreateOrganizationService(null);
                var t = system.Create(new Entity("task") { ["subject"] = "sys" });
                createdBy = system.Retrieve("task", t, new ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
            }, name: "tracer");
            var engine = org.Boot();
            var user = TestOrg.AddUser(engine, "u");
            var id = engine.CreateService(user).Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal(WellKnownIds.SystemUserId, createdBy);
            var trace = engine.Traces.Single(t => t.StepName == "tracer");
            Assert.Equal($"widget {id}", trace.Text);
            Assert.Equal(40, trace.Stage);
            Assert.Equal("Create", trace.MessageName);
        }

        [Fact]
        public void Metrics_count_service_calls_made_by_plugins_only()
        {
            var org = new TestOrg();
            org.Step("Update", "crmc_widget", StepStage.PreValidation, run =>
                run.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }));
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            using (var scope = engine.Metrics.Scope())
            {
                engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 1 });
                Assert.Equal(1, scope.PluginCallsFor("RetrieveMultiple"));
                Assert.Equal(1, scope.PluginCalls);
                Assert.Equal(1, scope.PluginExecutions);
            }
            Assert.Equal(1, engine.Metrics.PluginCallsFor("RetrieveMultiple"));
            engine.Metrics.Reset();
            Assert.Equal(0, engine.Metrics.PluginCalls);
        }

        [Fact]
        public void Bypass_custom_plugins_needs_the_privilege()
        {
            var org = new TestOrg();
            int fired = 0;
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run => fired++);
            var engine = org.Boot();
            var guard = new PermissiveGuard();
            engine.Security = guard;
            var user = TestOrg.AddUser(engine, "u");
            var request = new OrganizationRequest("Create")
            {
                ["Target"] = new Entity("crmc_widget") { ["crmc_name"] = "w" }, ["BypassCustomPluginExecution"] = true,
            };
            var fault = Fails(() => engine.CreateService(user).Execute(request));
            Assert.Equal(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
            guard.Privileges.Add("prvBypassCustomPlugins");
            engine.CreateService(user).Execute(request);
            Assert.Equal(0, fired);
            Assert.Contains(guard.Demands, d => d.Table == "crmc_widget" && d.Right == AccessRight.Create && d.User == user);
        }

        [Fact]
        public void Steps_run_by_stage_then_rank_then_registration()
        {
            var org = new TestOrg();
            var order = new List<string>();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => order.Add("40/r1"), rank: 1);
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run => order.Add("20/r2"), rank: 2);
            org.Step("Create", null, StepStage.PreOperation, run => order.Add("20/r1/any"), rank: 1);
            org.Step("Create", "crmc_widget", StepStage.PreValidation, run => order.Add("10"), rank: 5);
            org.Step("Create", "account", StepStage.PreValidation, run => order.Add("other table"));
            var engine = org.Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Equal(new[] { "10", "20/r1/any", "20/r2", "40/r1" }, order);
        }
    }
}
