using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>
    /// The shipped custom API (customapis/crmc_RerouteOwnerPeriods) travels in both zips at the paths an export gives it,
    /// comes back from unpack byte for byte, and validate refuses, one line each, what the platform's import refuses.
    /// </summary>
    public class CustomApiPackagingTests
    {
        private const string Api = "customapis/crmc_RerouteOwnerPeriods";
        private const string ApiXml = Api + "/customapi.xml";
        private const string FromDate = Api + "/customapirequestparameters/FromDate/customapirequestparameter.xml";
        private const string MoreRows = Api + "/customapiresponseproperties/MoreRows/customapiresponseproperty.xml";

        private static string[] ShippedFiles() =>
            Directory.GetFiles(Path.Combine(PackagingFixture.Solution, "customapis"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(PackagingFixture.Solution, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        private static ValidationReport Broken(Action<string> breakIt)
        {
            var copy = PackagingFixture.Copy();
            try
            {
                breakIt(copy);
                return SolutionValidator.ValidateFolder(copy, PackagingFixture.Context());
            }
            finally { PackagingFixture.Delete(copy); }
        }

        private static void Replace(string copy, string file, string from, string to)
        {
            var path = Path.Combine(copy, file);
            var text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to));
        }

        private static void AssertOneError(ValidationReport report, params string[] fragments)
        {
            Assert.False(report.Ok);
            Assert.True(report.Errors.Count(e => fragments.All(e.Contains)) == 1,
                $"not exactly one error with [{string.Join("; ", fragments)}] in:\n{string.Join("\n", report.Errors)}");
        }

        [Fact]
        public void Both_zips_carry_every_custom_api_file_at_its_folder_path_byte_for_byte()
        {
            var files = ShippedFiles();
            Assert.Contains(ApiXml, files);
            Assert.Contains(FromDate, files);
            Assert.Contains(MoreRows, files);
            foreach (var zip in new[] { PackagingFixture.Pack.Unmanaged, PackagingFixture.Pack.Managed })
            {
                var entries = PackagingFixture.Entries(zip);
                foreach (var file in files)
                    Assert.Equal(File.ReadAllBytes(Path.Combine(PackagingFixture.Solution, file)), entries[file]);
            }
        }

        [Fact]
        public void Unpack_gives_the_custom_api_back_and_adds_no_root_component_for_it()
        {
            var target = PackagingFixture.TempFolder();
            try
            {
                Unpacker.Unpack(PackagingFixture.Pack.Unmanaged, target);
                foreach (var file in ShippedFiles())
                    Assert.Equal(File.ReadAllBytes(Path.Combine(PackagingFixture.Solution, file)), File.ReadAllBytes(Path.Combine(target, file)));
                var manifest = XDocument.Load(Path.Combine(target, "Other", "Solution.xml")).ToString();
                Assert.DoesNotContain("crmc_RerouteOwnerPeriods", manifest);
                Assert.Empty(RoundTrip.Compare(PackagingFixture.Solution, target).Where(d => d.Contains("customapis/")));
            }
            finally { PackagingFixture.Delete(target); }
        }

        [Fact]
        public void The_zip_validates_with_its_custom_api()
        {
            var zip = Path.Combine(PackagingFixture.TempFolder() + ".zip");
            try
            {
                File.WriteAllBytes(zip, PackagingFixture.Pack.Managed);
                var report = SolutionValidator.ValidateZip(zip, PackagingFixture.Context());
                Assert.True(report.Ok, string.Join("\n", report.Errors));
                Assert.Contains("custom APIs", report.Checks);
            }
            finally { File.Delete(zip); }
        }

        [Fact]
        public void A_folder_named_otherwise_than_its_api_is_named_once()
        {
            var report = Broken(copy => Directory.Move(Path.Combine(copy, Api), Path.Combine(copy, "customapis", "crmc_RerouteOwnerPeriod")));
            AssertOneError(report, "customapis/crmc_RerouteOwnerPeriod/customapi.xml", "differs from its folder");
        }

        [Fact]
        public void A_unique_name_without_the_publishers_prefix_is_named()
        {
            var report = Broken(copy =>
            {
                Replace(copy, ApiXml, "uniquename=\"crmc_RerouteOwnerPeriods\"", "uniquename=\"RerouteOwnerPeriods\"");
                Directory.Move(Path.Combine(copy, Api), Path.Combine(copy, "customapis", "RerouteOwnerPeriods"));
            });
            AssertOneError(report, "customapis/RerouteOwnerPeriods/customapi.xml", "does not begin with the publisher's customization prefix 'crmc_'");
        }

        [Fact]
        public void An_unknown_type_code_is_named()
        {
            var report = Broken(copy => Replace(copy, FromDate, "<type>1</type>", "<type>14</type>"));
            AssertOneError(report, FromDate, "'FromDate' has unknown type 14");
        }

        [Fact]
        public void Isoptional_on_a_response_property_is_named()
        {
            var report = Broken(copy => Replace(copy, MoreRows, "<logicalentityname />", "<isoptional>1</isoptional>\n  <logicalentityname />"));
            AssertOneError(report, MoreRows, "response property 'MoreRows' has <isoptional>");
        }

        [Fact]
        public void A_parameter_name_other_than_the_api_dot_the_parameter_is_named()
        {
            var report = Broken(copy => Replace(copy, FromDate, "<name>crmc_RerouteOwnerPeriods.FromDate</name>", "<name>FromDate</name>"));
            AssertOneError(report, FromDate, "expected 'crmc_RerouteOwnerPeriods.FromDate'");
        }

        [Fact]
        public void A_plugin_type_id_no_assembly_registers_is_named()
        {
            var report = Broken(copy => Replace(copy, ApiXml, "b8d89bc6-68fd-5f2c-b8c5-8ad7fdba257b", "00000000-0000-0000-0000-0000000000aa"));
            AssertOneError(report, ApiXml, "plugintypeid 00000000-0000-0000-0000-0000000000aa is not the PluginTypeId of any PluginType");
        }

        [Fact]
        public void A_workflow_activity_named_as_the_plugin_type_is_refused()
        {
            // Create Post-Sale Handoff, a workflow step of the assembly.
            var report = Broken(copy => Replace(copy, ApiXml, "b8d89bc6-68fd-5f2c-b8c5-8ad7fdba257b", "87a7db6a-cc83-5e5a-96d0-a551cfd7fc9e"));
            AssertOneError(report, ApiXml, "'CrmCollab.Plugins.Activities.CreatePostSaleHandoff', a custom workflow activity");
        }

        [Fact]
        public void A_plugin_type_registered_but_not_in_the_built_dll_is_named()
        {
            var report = Broken(copy =>
            {
                var data = Directory.GetFiles(Path.Combine(copy, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories).Single();
                Replace(copy, Path.GetRelativePath(copy, data), "CrmCollab.Plugins.Routing.OwnerPeriodRerouting", "CrmCollab.Plugins.Routing.OwnerPeriodRerouter");
            });
            AssertOneError(report, ApiXml, "plug-in type 'CrmCollab.Plugins.Routing.OwnerPeriodRerouter' is not a public IPlugin of CrmCollab.Plugins.dll");
        }

        [Fact]
        public void The_plugin_type_a_custom_api_runs_needs_no_step()
        {
            var report = SolutionValidator.ValidateFolder(PackagingFixture.Solution, PackagingFixture.Context());
            Assert.DoesNotContain(report.Errors, e => e.Contains("OwnerPeriodRerouting") && e.Contains("has no step"));
        }
    }
}
