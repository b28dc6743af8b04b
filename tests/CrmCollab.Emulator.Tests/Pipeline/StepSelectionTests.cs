using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// What a step is given and when it fires, however its filtering attributes and image columns are listed and
    /// whatever the row's columns: the engine keeps a set of each step's filtering attributes and a pick of each image's
    /// columns, and neither may change what the platform does.
    /// </summary>
    public class StepSelectionTests
    {
        private static readonly string[] ManyColumns =
            { "crmc_code", "crmc_notes", "crmc_amount", "crmc_flag", "crmc_category", "crmc_accountid", "crmc_contactid", "crmc_quantity" };

        [Fact]
        public void An_update_step_with_many_filtering_attributes_fires_when_any_of_them_is_sent_and_only_then()
        {
            var org = new TestOrg();
            int fired = 0;
            var step = org.Step("Update", "crmc_widget", StepStage.PreOperation, run => fired++);
            step.FilteringAttributes.AddRange(ManyColumns);
            var engine = org.Boot();
            var svc = engine.SystemService;
            Guid id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            svc.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "renamed" });
            Assert.Equal(0, fired);
            svc.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 3 }); // the last of the list, alone
            svc.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "again", ["crmc_flag"] = true });
            var wide = new Entity("crmc_widget", id) { ["crmc_name"] = "wide" }; // more columns than the step filters on
            foreach (string column in new[] { "crmc_code", "crmc_notes" }) wide[column] = "x";
            foreach (string column in new[] { "crmc_amount", "crmc_flag", "crmc_category", "crmc_accountid", "crmc_contactid", "crmc_quantity" })
                wide[column] = null;
            svc.Update(wide);
            Assert.Equal(3, fired);

            Guid other = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "v" });
            svc.Execute(new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget", id) { ["crmc_name"] = "a" }, new Entity("crmc_widget", other) { ["crmc_notes"] = "b" },
                }) { EntityName = "crmc_widget" },
            });
            Assert.Equal(4, fired);
        }

        [Fact]
        public void A_filtering_attribute_listed_after_boot_is_honoured()
        {
            var org = new TestOrg();
            int fired = 0;
            var step = org.Step("Update", "crmc_widget", StepStage.PreOperation, run => fired++);
            step.FilteringAttributes.Add("crmc_quantity");
            var engine = org.Boot();
            Guid id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "n" });

            step.FilteringAttributes[0] = "crmc_notes";
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "m" });

            Assert.Equal(1, fired);
        }

        [Fact]
        public void An_image_holds_its_columns_in_the_order_listed_with_a_value_each_and_follows_new_columns_and_a_changed_list()
        {
            var org = new TestOrg();
            var seen = new List<Entity>();
            var step = org.Step("Update", "crmc_widget", StepStage.PreOperation, run => seen.Add(run.Context.PreEntityImages["pre"]));
            var image = new StepImageDefinition { EntityAlias = "pre", ImageType = ImageType.PreImage };
            image.Attributes.AddRange(new[] { "crmc_quantity", "crmc_name", "crmc_quantity", "crmc_notes", "crmc_category", "crmc_code" });
            step.Images.Add(image);
            var engine = org.Boot();
            var svc = engine.SystemService;
            Guid id = svc.Create(new Entity("crmc_widget") { ["crmc_notes"] = "n", ["crmc_name"] = "w", ["crmc_quantity"] = 1, ["crmc_code"] = null });

            svc.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 2 });
            Assert.Equal(new[] { "crmc_quantity", "crmc_name", "crmc_notes" }, seen[0].Attributes.Keys); // no value, no column
            Assert.Equal(1, seen[0]["crmc_quantity"]);

            // A column no row of the table held before (crmc_category) is in the next image once written.
            svc.Update(new Entity("crmc_widget", id) { ["crmc_category"] = new OptionSetValue(2), ["crmc_code"] = "C1" });
            svc.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 3 });
            Assert.Equal(new[] { "crmc_quantity", "crmc_name", "crmc_notes", "crmc_category", "crmc_code" }, seen[2].Attributes.Keys);
            Assert.Equal(2, seen[2].GetAttributeValue<OptionSetValue>("crmc_category").Value);
            Assert.Equal("Large", seen[2].FormattedValues["crmc_category"]);

            // The image is a copy: changing it changes neither the row nor the next image.
            seen[2].GetAttributeValue<OptionSetValue>("crmc_category").Value = 1;
            image.Attributes.RemoveAt(0); // an image re-registered with fewer columns
            image.Attributes.RemoveAt(0);
            svc.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 4 });
            Assert.Equal(new[] { "crmc_quantity", "crmc_notes", "crmc_category", "crmc_code" }, seen[3].Attributes.Keys);
            Assert.Equal(2, seen[3].GetAttributeValue<OptionSetValue>("crmc_category").Value);
            Assert.Equal(3, seen[3]["crmc_quantity"]);
        }
    }
}
