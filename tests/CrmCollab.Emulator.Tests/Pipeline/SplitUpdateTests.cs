using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// powerapps-docs "Behavior of specialized update operations": an Update carrying state/status columns with other
    /// columns runs the Update steps "in PreOperation and/or PostOperation stages" once for the other columns, then once
    /// for the state/status columns; to see the whole change a plug-in registers in PreOperation and keeps what it needs
    /// in SharedVariables "for later plug-ins (in the pipeline) to consume". PreValidation is not among the stages that
    /// run per part: it runs once, on the request as sent.
    /// </summary>
    public class SplitUpdateTests
    {
        [Fact]
        public void Retiring_a_widget_with_a_note_is_validated_once_with_the_whole_change_outside_the_transaction()
        {
            var org = new TestOrg();
            var validated = new List<string>();
            org.Step("Update", "crmc_widget", StepStage.PreValidation, run =>
                validated.Add(string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k)) + (run.Context.IsInTransaction ? " in transaction" : "")));
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            engine.SystemService.Update(new Entity("crmc_widget", id)
                { ["crmc_notes"] = "end of range", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) });

            Assert.Equal(new[] { "crmc_notes,statecode,statuscode" }, validated);
        }

        [Fact]
        public void What_the_note_step_keeps_in_SharedVariables_reaches_the_step_that_sees_the_retirement()
        {
            var org = new TestOrg();
            var reached = new List<string>();
            org.Step("Update", "crmc_widget", StepStage.PreValidation, run => run.Context.SharedVariables["validated"] = true);
            org.Step("Update", "crmc_widget", StepStage.PreOperation, run =>
            {
                if (run.Target.Contains("crmc_notes")) run.Context.SharedVariables["note"] = run.Target["crmc_notes"];
            });
            org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
            {
                if (!run.Target.Contains("statecode")) return;
                run.Context.SharedVariables.TryGetValue("note", out object note);
                run.Context.SharedVariables.TryGetValue("validated", out object validated);
                reached.Add($"{note}|{validated}");
            });
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "end of range", ["statecode"] = new OptionSetValue(1) });

            Assert.Equal(new[] { "end of range|True" }, reached);
        }

        [Fact]
        public void A_refusal_at_validation_of_a_retirement_with_a_note_leaves_the_widget_untouched()
        {
            var org = new TestOrg();
            int validations = 0;
            org.Step("Update", "crmc_widget", StepStage.PreValidation, run =>
            {
                validations++;
                if (run.Target.Contains("statecode")) throw new InvalidPluginExecutionException("Only the range manager retires widgets.");
            });
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            FaultAssert.Fails(() => engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "n", ["statecode"] = new OptionSetValue(1) }));

            var row = engine.SystemService.Retrieve("crmc_widget", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_notes", "statecode"));
            Assert.False(row.Contains("crmc_notes"));
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(1, validations);
        }
    }
}
