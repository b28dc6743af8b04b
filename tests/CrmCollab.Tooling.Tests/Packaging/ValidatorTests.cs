using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>validate on the shipped folder, and on copies broken one way at a time: each break is named.</summary>
    public class ValidatorTests
    {
        private const string UpdateStep = "CrmCollab.Plugins.Feasibility.MaterialChange: Update of opportunity";

        private static ValidationReport Broken(Action<string> breakIt)
        {
            var copy = PackagingFixture.Copy();
            try
            {
                breakIt(copy);
                return SolutionValidator.ValidateFolder(copy, PackagingFixture.Context());
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        private static void AssertError(ValidationReport report, params string[] fragments) =>
            Assert.True(report.Errors.Any(e => fragments.All(e.Contains)),
                $"no error with [{string.Join("; ", fragments)}] in:\n{string.Join("\n", report.Errors)}");

        [Fact]
        public void The_shipped_solution_passes_every_check()
        {
            var report = SolutionValidator.ValidateFolder(PackagingFixture.Solution, PackagingFixture.Context());
            Assert.True(report.Ok, string.Join("\n", report.Errors));
            Assert.Equal(new[] { "engine load", "solution.xml structure", "root components", "forms", "web resources", "registration",
                "custom APIs", "customizations.xml schema", "round trip" }, report.Checks);
        }

        [Fact]
        public void An_unknown_column_in_a_filtering_attribute_is_named()
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep),
                d => d.Root.Element("FilteringAttributes").Value += ",crmc_nosuchcolumn"));
            Assert.False(report.Ok);
            AssertError(report, "FilteringAttributes names 'crmc_nosuchcolumn'", "opportunity", UpdateStep);
        }

        [Fact]
        public void An_unknown_image_column_is_named()
        {
            var report = Broken(copy =>
            {
                var file = Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps"), "*.xml")
                    .First(f => XDocument.Load(f).Descendants("SdkMessageProcessingStepImage").Any(i => i.Element("Attributes") != null));
                PackagingFixture.Edit(file, d => d.Descendants("SdkMessageProcessingStepImage").First().Element("Attributes").Value += ",crmc_ghost");
            });
            AssertError(report, "names column 'crmc_ghost'");
        }

        [Fact]
        public void A_step_on_a_type_the_dll_does_not_have_is_refused()
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep), d =>
            {
                var name = d.Root.Element("PluginTypeName");
                name.Value = name.Value.Replace("MaterialChange", "MaterialChangeGone");
            }));
            AssertError(report, "CrmCollab.Plugins.Feasibility.MaterialChangeGone", "not a public IPlugin type");
        }

        [Fact]
        public void A_plugin_of_the_dll_that_is_not_registered_is_named()
        {
            var report = Broken(copy =>
            {
                var data = Directory.GetFiles(Path.Combine(copy, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories).Single();
                PackagingFixture.Edit(data, d => d.Descendants("PluginType")
                    .Single(t => (string)t.Attribute("Name") == "CrmCollab.Plugins.Activities.RaiseFieldSignal").Remove());
            });
            AssertError(report, "workflow activity type 'CrmCollab.Plugins.Activities.RaiseFieldSignal' is not registered");
        }

        [Fact]
        public void An_update_step_without_filtering_attributes_is_refused()
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep),
                d => d.Root.Element("FilteringAttributes").Remove()));
            AssertError(report, UpdateStep, "an Update step must list FilteringAttributes");
        }

        [Theory]
        [InlineData("CrmCollab.Plugins.Feasibility.FeasibilityRequest: Create of opportunity", "Target", "1", "images of Create are taken of 'Id'")]
        [InlineData("CrmCollab.Plugins.Feasibility.FeasibilityRequest: Create of opportunity", "Id", "0", "a pre-image, which a Create has not")]
        [InlineData(UpdateStep, "Id", "1", "images of Update are taken of 'Target'")]
        [InlineData("CrmCollab.Plugins.Feasibility.FeasibilityRequest: SetState of opportunity", "Target", "1", "images of SetState are taken of 'EntityMoniker'")]
        public void A_step_image_taken_of_the_wrong_message_property_is_refused(string step, string property, string type, string error)
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, step), d =>
            {
                var image = d.Root.Element("SdkMessageProcessingStepImages").Element("SdkMessageProcessingStepImage");
                image.Element("MessagePropertyName").Value = property;
                image.Element("ImageType").Value = type;
            }));
            AssertError(report, step, error);
        }

        /// <summary>sdkmessageprocessingstep.description and .name, and an image's name and entityalias, hold at most 256
        /// characters (Microsoft Learn, SdkMessageProcessingStep and SdkMessageProcessingStepImage table references,
        /// MaxLength 256): the import would stop on the longer text, the admin left with no steps.</summary>
        [Fact]
        public void A_step_text_longer_than_dataverse_stores_is_refused()
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep), d =>
            {
                d.Root.Element("Description").Value = new string('x', 257);
                var image = d.Root.Element("SdkMessageProcessingStepImages").Element("SdkMessageProcessingStepImage");
                image.Element("EntityAlias").Value = new string('P', 300);
            }));
            AssertError(report, UpdateStep, "Description has 257 characters", "at most 256");
            AssertError(report, UpdateStep, "EntityAlias has 300 characters", "at most 256");
            var fits = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep),
                d => d.Root.Element("Description").Value = new string('x', 256)));
            Assert.DoesNotContain(fits.Errors, e => e.Contains("characters"));
        }

        /// <summary>An environment variable renamed in its file but not its folder: the package would bring a setting named
        /// otherwise than solution.xml lists and the plug-ins read, so an admin's value for it would change nothing.</summary>
        [Fact]
        public void An_environment_variable_whose_schema_name_is_not_its_folder_is_refused()
        {
            var report = Broken(copy =>
            {
                var file = Path.Combine(copy, "environmentvariabledefinitions", "crmc_UnroutedQueue", "environmentvariabledefinition.xml");
                PackagingFixture.Edit(file, d => d.Root.SetAttributeValue("schemaname", "crmc_UnroutedQueues"));
            });
            AssertError(report, "environmentvariabledefinitions/crmc_UnroutedQueue/environmentvariabledefinition.xml",
                "schemaname 'crmc_UnroutedQueues'", "folder 'crmc_UnroutedQueue'");
        }

        /// <summary>A chart's data description is untyped in CustomizationsSolution.xsd (only the FetchXML inside it is
        /// checked there): Microsoft's VisualizationDataDescription.xsd is what says its categories and measures are well formed.</summary>
        [Fact]
        public void A_chart_whose_data_description_breaks_its_schema_is_refused()
        {
            const string element = "categorycollection", renamed = "categories";
            var report = Broken(copy =>
            {
                var chart = Directory.GetFiles(Path.Combine(copy, "Entities"), "*.xml", SearchOption.AllDirectories)
                    .First(f => f.Contains("Visualizations"));
                PackagingFixture.Edit(chart, d => d.Descendants(element).First().Name = renamed);
            });
            AssertError(report, "chart", "schema error", renamed);
        }

        [Fact]
        public void A_duplicate_step_is_refused()
        {
            var report = Broken(copy =>
            {
                var source = PackagingFixture.StepFile(copy, UpdateStep);
                var doc = XDocument.Load(source);
                var id = "{" + Guid.NewGuid() + "}";
                doc.Root.SetAttributeValue("SdkMessageProcessingStepId", id);
                doc.Save(Path.Combine(copy, "SdkMessageProcessingSteps", id + ".xml"));
            });
            AssertError(report, "duplicates", "same type, message, table, stage and mode");
        }

        [Fact]
        public void Manifest_order_identity_and_root_components_are_checked()
        {
            var report = Broken(copy => PackagingFixture.Edit(Path.Combine(copy, "Other", "Solution.xml"), d =>
            {
                var manifest = d.Root.Element("SolutionManifest");
                var version = manifest.Element("Version");
                version.Remove();
                manifest.Element("LocalizedNames").AddBeforeSelf(version);
                manifest.Element("Publisher").Element("CustomizationPrefix").Value = "xyz";
                manifest.Element("RootComponents").Elements("RootComponent").First(r => (string)r.Attribute("type") == "9").Remove();
            }));
            AssertError(report, "children must be UniqueName, LocalizedNames, Descriptions, Version, Managed, Publisher, RootComponents, MissingDependencies");
            AssertError(report, "CustomizationPrefix 'xyz' differs from pac.config publisher.customizationPrefix 'crmc'");
            AssertError(report, "RootComponents lacks type 9 (OptionSet)");
        }

        [Fact]
        public void A_step_in_the_modern_export_order_fails_the_90_schema()
        {
            var report = Broken(copy => PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep), d =>
            {
                var id = d.Root.Element("SdkMessageId");
                id.Remove();
                d.Root.AddFirst(id);
            }));
            AssertError(report, "customizations.xml: schema error", UpdateStep);
        }

        [Fact]
        public void A_missing_dll_is_one_clear_error()
        {
            var report = SolutionValidator.ValidateFolder(PackagingFixture.Solution, PackagingFixture.Context("/nowhere/CrmCollab.Plugins.dll"));
            AssertError(report, "built plugin assembly not found: /nowhere/CrmCollab.Plugins.dll");
        }

        [Fact]
        public void A_dll_that_is_not_an_assembly_is_one_clear_error()
        {
            var folder = PackagingFixture.TempFolder();
            Directory.CreateDirectory(folder);
            var dll = Path.Combine(folder, "CrmCollab.Plugins.dll");
            File.WriteAllText(dll, "not a PE file");
            try
            {
                var report = SolutionValidator.ValidateFolder(PackagingFixture.Solution, PackagingFixture.Context(dll));
                Assert.False(report.Ok);
                AssertError(report, $"{dll} is not a .NET assembly");
            }
            finally
            {
                PackagingFixture.Delete(folder);
            }
        }

        [Fact]
        public void A_zip_with_a_broken_registration_fails_validation_too()
        {
            var copy = PackagingFixture.Copy();
            var zip = Path.Combine(copy, "broken.zip");
            try
            {
                PackagingFixture.Edit(PackagingFixture.StepFile(copy, UpdateStep), d => d.Root.Element("FilteringAttributes").Value = "crmc_nosuchcolumn");
                File.WriteAllBytes(zip, SolutionPacker.Pack(SolutionFolder.Read(copy), PackagingFixture.BuiltDll).Managed);
                var report = SolutionValidator.ValidateZip(zip, PackagingFixture.Context());
                AssertError(report, "FilteringAttributes names 'crmc_nosuchcolumn'");
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }
    }
}
