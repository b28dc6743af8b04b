using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// Microsoft Learn, "Use bulk operation messages", section "Message pipelines merged": when a bulk operation message
    /// is used, the Create and Update events occur for each entity of Targets; when the single message is used, the bulk
    /// event occurs with an EntityCollection holding that single entity in Targets. "Write plug-ins for CreateMultiple and
    /// UpdateMultiple": the images of a bulk step are arrays (PreEntityImagesCollection / PostEntityImagesCollection)
    /// synchronised with Targets.
    /// </summary>
    public class MergedPipelineTests
    {
        private static StepImageDefinition Image(string alias, ImageType type, params string[] columns)
        {
            var image = new StepImageDefinition { EntityAlias = alias, ImageType = type };
            image.Attributes.AddRange(columns);
            return image;
        }

        [Fact]
        public void A_widget_created_one_at_a_time_gets_the_stamp_an_admin_moved_to_a_CreateMultiple_step()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("CreateMultiple", "crmc_widget", StepStage.PreOperation, run =>
            {
                Assert.False(run.Context.InputParameters.Contains("Target"));
                var targets = (EntityCollection)run.Context.InputParameters["Targets"];
                Assert.Single(targets.Entities);
                seen.Add(run.Context.MessageName + ":" + targets.Entities[0]["crmc_name"]);
                targets.Entities[0]["crmc_notes"] = "stamped in bulk";
            });
            Guid? imaged = null;
            object ids = null;
            var post = org.Step("CreateMultiple", "crmc_widget", StepStage.PostOperation, run =>
            {
                var images = run.Context.PostEntityImagesCollection;
                Assert.Single(images);
                imaged = images[0]["after"].Id;
                Assert.Equal("stamped in bulk", images[0]["after"]["crmc_notes"]);
                ids = run.Context.OutputParameters["Ids"];
            });
            post.Images.Add(Image("after", ImageType.PostImage, "crmc_notes"));
            var single = new List<string>();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => single.Add(run.Context.MessageName + ":" + run.Target["crmc_name"]));
            var engine = org.Boot();

            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "solo" });

            Assert.Equal(new[] { "CreateMultiple:solo" }, seen);
            Assert.Equal(new[] { "Create:solo" }, single);
            Assert.Equal(id, imaged);
            Assert.Equal(new[] { id }, Assert.IsType<Guid[]>(ids));
            Assert.Equal("stamped in bulk", engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_notes"))["crmc_notes"]);
        }

        [Fact]
        public void A_widget_renamed_on_its_own_runs_the_UpdateMultiple_step_once_with_its_pre_image()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            var pre = org.Step("UpdateMultiple", "crmc_widget", StepStage.PreOperation, run =>
            {
                var targets = (EntityCollection)run.Context.InputParameters["Targets"];
                Assert.False(run.Context.InputParameters.Contains("Target"));
                Assert.Single(targets.Entities);
                var before = run.Context.PreEntityImagesCollection[0]["before"];
                seen.Add($"{run.Context.MessageName}:{before["crmc_name"]}->{targets.Entities[0]["crmc_name"]}");
            });
            pre.Images.Add(Image("before", ImageType.PreImage, "crmc_name"));
            pre.FilteringAttributes.Add("crmc_name");
            var engine = org.Boot();
            var svc = engine.SystemService;
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "old" });

            svc.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "new" });
            svc.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "not a filtered column" });

            Assert.Equal(new[] { "UpdateMultiple:old->new" }, seen);
        }

        [Fact]
        public void A_bulk_import_runs_the_bulk_steps_once_and_the_single_steps_per_row_each_with_its_own_target_and_image()
        {
            var org = new TestOrg();
            var bulk = new List<string>();
            var single = new List<string>();
            org.Step("UpdateMultiple", "crmc_widget", StepStage.PostOperation, run =>
                bulk.Add(run.Context.MessageName + ":" + ((EntityCollection)run.Context.InputParameters["Targets"]).Entities.Count));
            var perRow = org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
                single.Add($"{run.Context.MessageName}:{run.Context.PreEntityImages["before"]["crmc_name"]}->{run.Target["crmc_name"]}"));
            perRow.Images.Add(Image("before", ImageType.PreImage, "crmc_name"));
            var engine = org.Boot();
            var svc = engine.SystemService;
            var a = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a" });
            var b = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "b" });

            svc.Execute(new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget", a) { ["crmc_name"] = "a2" }, new Entity("crmc_widget", b) { ["crmc_name"] = "b2" },
                }) { EntityName = "crmc_widget" },
            });

            Assert.Equal(new[] { "UpdateMultiple:2" }, bulk);
            Assert.Equal(new[] { "Update:a->a2", "Update:b->b2" }, single);
        }

        [Fact]
        public void A_refusal_in_a_CreateMultiple_step_stops_a_single_create()
        {
            var org = new TestOrg();
            org.Step("CreateMultiple", "crmc_widget", StepStage.PreOperation, run =>
                throw new InvalidPluginExecutionException("Widgets are created by the nightly import only."));
            var engine = org.Boot();

            var fault = FaultAssert.Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" }));

            Assert.Equal("Widgets are created by the nightly import only.", fault.Detail.Message);
            Assert.Equal(0, TestOrg.Count(engine, "crmc_widget"));
        }
    }
}
