using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CrmCollab.Tooling.Assemblies;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>The zips packed from the repository's solution/ and built DLL, in the layout of a Dataverse export.</summary>
    public class PackTests
    {
        private static PackResult Pack => PackagingFixture.Pack;
        private static BuiltAssembly Dll => PackagingFixture.BuiltDll.Metadata;
        private const string AssemblyPart = "PluginAssemblies/CrmCollabPlugins-BAAD7F3D-D2AD-5E21-9785-4DEBCAF1A5B4/CrmCollabPlugins.dll";

        [Fact]
        public void Zips_are_named_after_the_solution_and_its_version()
        {
            var version = PackagingFixture.Config.Solution.Version.Replace('.', '_');
            Assert.Equal($"CrmCollab_{version}.zip", Pack.UnmanagedName);
            Assert.Equal($"CrmCollab_{version}_managed.zip", Pack.ManagedName);
        }

        [Fact]
        public void Parts_are_laid_out_as_an_export()
        {
            var names = PackagingFixture.Entries(Pack.Managed).Keys.ToList();
            var ordered = DeterministicZip.Read(Pack.Managed).Select(e => e.Key).ToList();
            Assert.Equal(new[] { "customizations.xml", "solution.xml" }, ordered.Take(2));
            Assert.Equal("[Content_Types].xml", ordered.Last());
            Assert.All(names, n => Assert.DoesNotContain('\\', n));
            Assert.Contains(AssemblyPart, names);
            Assert.Equal(File.ReadAllBytes(PackagingFixture.Dll), PackagingFixture.Entries(Pack.Managed)[AssemblyPart]);
            foreach (var variable in new[] { "crmc_LockedTermsColumns", "crmc_StageRequirements", "crmc_UnroutedQueue" })
                Assert.Contains($"environmentvariabledefinitions/{variable}/environmentvariabledefinition.xml", names);

            var folder = SolutionFolder.Read(PackagingFixture.Solution);
            foreach (var resource in folder.WebResources)
            {
                var part = "WebResources/" + resource.Name.Replace("/", "").Replace(".", "") + resource.Id.ToString("D").ToUpperInvariant();
                Assert.Equal(resource.Content, PackagingFixture.Entries(Pack.Managed)[part]);
            }
            Assert.Equal(3 + 3 + folder.CustomApis.Count + 1 + folder.WebResources.Count, names.Count);
        }

        [Fact]
        public void The_plugin_assembly_is_registered_classically_with_the_built_dlls_identity()
        {
            var asm = PackagingFixture.Xml(Pack.Managed, "customizations.xml").Root.Element("SolutionPluginAssemblies").Element("PluginAssembly");
            Assert.Equal(Dll.Identity.FullName, (string)asm.Attribute("FullName"));
            Assert.Contains("Version=1.0.0.0", Dll.Identity.FullName);
            Assert.Contains("PublicKeyToken=534ad6c2c2602fb2", Dll.Identity.FullName);
            Assert.Equal("2", asm.Element("IsolationMode").Value);
            Assert.Equal("/" + AssemblyPart, asm.Element("FileName").Value);

            var types = asm.Element("PluginTypes").Elements("PluginType").ToList();
            Assert.All(types, t => Assert.EndsWith(", " + Dll.Identity.FullName, (string)t.Attribute("AssemblyQualifiedName")));
            var activities = types.Where(t => t.Element("WorkflowActivityGroupName") != null).Select(t => (string)t.Attribute("Name")).ToList();
            Assert.Equal(Dll.WorkflowActivityTypes.OrderBy(t => t), activities.OrderBy(t => t));
            Assert.All(types.Where(t => t.Element("WorkflowActivityGroupName") != null),
                t => Assert.Equal($"CrmCollab.Plugins ({Dll.Identity.Version})", t.Element("WorkflowActivityGroupName").Value));
        }

        [Fact]
        public void Customizations_follow_the_schema_order_and_carry_no_environment_variables()
        {
            var root = PackagingFixture.Xml(Pack.Unmanaged, "customizations.xml").Root;
            Assert.DoesNotContain(root.Attributes(), a => !a.IsNamespaceDeclaration);
            var sections = root.Elements().Select(e => e.Name.LocalName).ToList();
            var ranks = sections.Select(s => CustomizationsWriter.SectionOrder.ToList().IndexOf(s)).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.OrderBy(r => r), ranks);
            Assert.Equal("Languages", sections.Last());
            Assert.DoesNotContain(root.Descendants(), d => d.Name.LocalName.StartsWith("environmentvariable", StringComparison.OrdinalIgnoreCase));
            foreach (var step in root.Element("SdkMessageProcessingSteps").Elements())
            {
                var names = step.Elements().Select(e => e.Name.LocalName).ToList();
                Assert.True(names.IndexOf("SdkMessageId") > names.IndexOf("Rank"), "SdkMessageId must come after Rank (9.0 schema)");
            }
        }

        [Fact]
        public void Both_zips_have_schema_valid_customizations_and_differ_only_by_the_managed_flag()
        {
            foreach (var zip in new[] { Pack.Managed, Pack.Unmanaged })
            {
                var errors = SchemaCheck.Validate(PackagingFixture.Xml(zip, "customizations.xml"), PackagingFixture.Schemas);
                Assert.True(errors.Count == 0, string.Join("\n", errors));
            }
            Assert.Equal(PackagingFixture.Entries(Pack.Managed)["customizations.xml"], PackagingFixture.Entries(Pack.Unmanaged)["customizations.xml"]);
            Assert.Equal("1", PackagingFixture.Xml(Pack.Managed, "solution.xml").Root.Element("SolutionManifest").Element("Managed").Value);
            Assert.Equal("0", PackagingFixture.Xml(Pack.Unmanaged, "solution.xml").Root.Element("SolutionManifest").Element("Managed").Value);
            var managed = PackagingFixture.Entries(Pack.Managed);
            var unmanaged = PackagingFixture.Entries(Pack.Unmanaged);
            Assert.Equal(unmanaged.Keys, managed.Keys);
            Assert.Equal(new[] { "solution.xml" }, managed.Keys.Where(k => !managed[k].AsSpan().SequenceEqual(unmanaged[k])));
        }

        [Fact]
        public void Content_types_declare_a_default_per_extension_and_an_override_per_web_resource()
        {
            var bytes = PackagingFixture.Entries(Pack.Managed)["[Content_Types].xml"];
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" />", text);
            Assert.Contains("<Default Extension=\"dll\" ContentType=\"application/octet-stream\" />", text);
            var overrides = XDocument.Parse(text).Root.Elements().Where(e => e.Name.LocalName == "Override").Select(e => (string)e.Attribute("PartName")).ToList();
            var webResources = PackagingFixture.Entries(Pack.Managed).Keys.Where(k => k.StartsWith("WebResources/", StringComparison.Ordinal)).Select(k => "/" + k);
            Assert.Equal(webResources.OrderBy(k => k, StringComparer.Ordinal), overrides);
            Assert.Empty(ZipCheck.Parts(DeterministicZip.Read(Pack.Managed)));
        }

        [Fact]
        public void The_same_input_gives_byte_identical_zips_wherever_the_folder_is()
        {
            var copy = PackagingFixture.Copy();
            try
            {
                var again = SolutionPacker.Pack(SolutionFolder.Read(copy), PackagingFixture.BuiltDll);
                Assert.Equal(Hash(Pack.Managed), Hash(again.Managed));
                Assert.Equal(Hash(Pack.Unmanaged), Hash(again.Unmanaged));
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(again.Managed));
                Assert.All(zip.Entries, e => Assert.Equal(DeterministicZip.Timestamp.DateTime, e.LastWriteTime.DateTime));
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Fact]
        public void Written_zips_pass_validation()
        {
            var folder = PackagingFixture.TempFolder();
            Directory.CreateDirectory(folder);
            try
            {
                foreach (var (name, bytes) in new[] { (Pack.ManagedName, Pack.Managed), (Pack.UnmanagedName, Pack.Unmanaged) })
                {
                    File.WriteAllBytes(Path.Combine(folder, name), bytes);
                    var report = SolutionValidator.ValidateZip(Path.Combine(folder, name), PackagingFixture.Context());
                    Assert.True(report.Ok, string.Join("\n", report.Errors));
                }
            }
            finally
            {
                PackagingFixture.Delete(folder);
            }
        }

        [Fact]
        public void Without_web_resources_the_package_has_none()
        {
            var copy = PackagingFixture.Copy();
            try
            {
                PackagingFixture.Delete(Path.Combine(copy, "WebResources"));
                var packed = SolutionPacker.Pack(SolutionFolder.Read(copy), PackagingFixture.BuiltDll);
                var entries = PackagingFixture.Entries(packed.Managed);
                Assert.DoesNotContain(entries.Keys, k => k.StartsWith("WebResources/", StringComparison.Ordinal));
                Assert.DoesNotContain("<Override", Encoding.UTF8.GetString(entries["[Content_Types].xml"]));
                Assert.Null(PackagingFixture.Xml(packed.Managed, "customizations.xml").Root.Element("WebResources"));
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Fact]
        public void A_web_resource_without_built_content_cannot_be_packed()
        {
            var copy = PackagingFixture.Copy();
            try
            {
                var data = Directory.GetFiles(Path.Combine(copy, "WebResources"), "*.data.xml", SearchOption.AllDirectories).First();
                File.Delete(data.Substring(0, data.Length - ".data.xml".Length));
                var e = Assert.Throws<PackagingException>(() => SolutionPacker.Pack(SolutionFolder.Read(copy), PackagingFixture.BuiltDll));
                Assert.Contains("web resource content is missing", e.Message);
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
    }
}
