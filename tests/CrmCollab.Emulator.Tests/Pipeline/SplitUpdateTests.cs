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
    
        /// <summary>
        /// The same page: an Update carrying "owner fields plus other standard fields for business owned tables" runs the
        /// PreOperation/PostOperation Update steps once for the non-owner fields, then once for the owner fields. The owner
        /// fields are those of the deprecated messages it replaces (includes/cc-legacy-update-messages.md): a user's
        /// BusinessUnitId (SetBusinessSystemUser) and ParentSystemUserId (SetParentSystemUser), a team's BusinessUnitId
        /// (SetParentTeam), a business unit's ParentBusinessUnitId (SetParentBusinessUnit).
        /// </summary>
        [Fact]
        public void Moving_a_user_to_another_unit_and_manager_while_renaming_them_runs_the_update_steps_for_each_part()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Update", "systemuser", StepStage.PreValidation, run => seen.Add("10:" + string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k))));
            org.Step("Update", "systemuser", StepStage.PreOperation, run => seen.Add("20:" + string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k))));
            org.Step("Update", "systemuser", StepStage.PostOperation, run => seen.Add("40:" + string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k))));
            var engine = org.Boot();
            var manager = TestOrg.AddUser(engine, "boss");
            var unit = engine.SystemService.Create(new Entity("businessunit")
                { ["name"] = "south", ["parentbusinessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId) });
            var user = TestOrg.AddUser(engine, "ann");
            seen.Clear();

            engine.SystemService.Update(new Entity("systemuser", user)
            {
                ["title"] = "ADV lead", ["businessunitid"] = new EntityReference("businessunit", unit),
                ["parentsystemuserid"] = new EntityReference("systemuser", manager),
            });

            Assert.Equal(new[]
            {
                "10:businessunitid,parentsystemuserid,title",
                "20:title", "40:title",
                "20:businessunitid,parentsystemuserid", "40:businessunitid,parentsystemuserid",
            }, seen);
            var row = engine.SystemService.Retrieve("systemuser", user, new Microsoft.Xrm.Sdk.Query.ColumnSet("title", "businessunitid", "parentsystemuserid"));
            Assert.Equal(unit, row.GetAttributeValue<EntityReference>("businessunitid").Id);
            Assert.Equal("ADV lead", row["title"]);

            // A user-owned table's owner with other columns is one operation (the page speaks of business owned tables).
            seen.Clear();
            engine.SystemService.Update(new Entity("systemuser", user) { ["title"] = "ADV" });
            Assert.Equal(3, seen.Count);
        }

        /// <summary>
        /// No page says whether the second part's pre-image shows what the first part wrote. The engine reads each part's
        /// images as the part begins; <see cref="Engine.EngineOptions.SplitUpdateImagesBeforeRequest"/> plays the other
        /// reading, so a plug-in can be shown to hold under both.
        /// </summary>
        [Theory]
        [InlineData(false, "end of range")]
        [InlineData(true, "")]
        public void The_retirement_step_sees_the_note_in_its_pre_image_as_the_engine_is_told_to_read_it(bool imagesBeforeRequest, string expected)
        {
            var org = new TestOrg();
            org.Options.SplitUpdateImagesBeforeRequest = imagesBeforeRequest;
            var seen = new List<string>();
            var step = org.Step("Update", "crmc_widget", StepStage.PreOperation, run =>
            {
                if (run.Target.Contains("statecode"))
                    seen.Add(run.Context.PreEntityImages["pre"].GetAttributeValue<string>("crmc_notes") ?? "");
            });
            var image = new StepImageDefinition { EntityAlias = "pre", ImageType = ImageType.PreImage };
            image.Attributes.Add("crmc_notes");
            step.Images.Add(image);
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "end of range", ["statecode"] = new OptionSetValue(1) });

            Assert.Equal(new[] { expected }, seen);
            // An Update that does not split is imaged as it begins under either reading.
            seen.Clear();
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["statecode"] = new OptionSetValue(0) });
            Assert.Equal(new[] { "end of range" }, seen);
        }
}
}
