using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>The breakdown a person tuning a solution reads: what each request, step and plug-in call costs on its own.</summary>
    public class CostBreakdownTests
    {
        private const int StepBuffer = 400_000;

        [Fact]
        public void A_step_s_own_cost_is_told_apart_from_the_save_that_runs_it_and_the_query_it_sends()
        {
            var org = new TestOrg();
            org.Step("Update", "crmc_widget", StepStage.PreOperation, run =>
            {
                var buffer = new byte[StepBuffer]; // the step's own work
                buffer[0] = 1;
                run.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
            }, name: "Widget guard");
            DataverseEngine engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            CostBreakdown costs = engine.Metrics.StartCostBreakdown();
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "w2" });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "w3" });
            engine.Metrics.StopCostBreakdown();
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "w4" }); // after the stop: not counted

            CostEntry save = costs.Entries.Single(e => e.Kind == CostKind.Request);
            CostEntry step = costs.Entries.Single(e => e.Kind == CostKind.Step);
            CostEntry query = costs.Entries.Single(e => e.Kind == CostKind.PluginCall);
            Assert.Equal(("Update of crmc_widget", 2L), (save.Label, save.Count));
            Assert.Equal(("Widget guard", 2L), (step.Label, step.Count));
            Assert.Equal(("RetrieveMultiple of account", 2L), (query.Label, query.Count));
            Assert.Equal(3, costs.Entries.Count);
            // Each line keeps its own share: the step's buffers are the step's, not the save's nor the query's.
            Assert.True(step.Bytes >= 2L * StepBuffer, $"step {step.Bytes} B");
            Assert.True(save.Bytes < StepBuffer, $"save {save.Bytes} B");
            Assert.True(query.Bytes < StepBuffer, $"query {query.Bytes} B");
            Assert.All(costs.Entries, e => Assert.True(e.Ticks >= 0));
        }

        [Fact]
        public void A_fetchxml_query_is_told_by_its_table()
        {
            DataverseEngine engine = new TestOrg().Boot();
            CostBreakdown costs = engine.Metrics.StartCostBreakdown();
            engine.SystemService.RetrieveMultiple(new FetchExpression("<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count'/></entity></fetch>"));
            Assert.Equal("RetrieveMultiple of account", costs.Entries.Single().Label);
        }

        [Fact]
        public void Without_a_breakdown_started_the_engine_keeps_none()
        {
            DataverseEngine engine = new TestOrg().Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Assert.Null(engine.Metrics.CostBreakdown);
        }

        [Fact]
        public void A_refused_request_is_counted_and_closes_its_line()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PreValidation, run => throw new InvalidPluginExecutionException("No widgets today."), name: "Refuser");
            DataverseEngine engine = org.Boot();
            CostBreakdown costs = engine.Metrics.StartCostBreakdown();
            Assert.ThrowsAny<System.Exception>(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }));
            engine.SystemService.Create(new Entity("account") { ["name"] = "a" }); // the next request opens a line of its own, at the top
            Assert.Equal(1L, costs.Entries.Single(e => e.Label == "Create of crmc_widget").Count);
            Assert.Equal(1L, costs.Entries.Single(e => e.Label == "Refuser").Count);
            Assert.Equal((CostKind.Request, 1L), costs.Entries.Where(e => e.Label == "Create of account").Select(e => (e.Kind, e.Count)).Single());
        }
    }
}
