using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>A maker's export survives unpack → pack → validate; a DLL Dataverse cannot load is refused; unpack over a folder.</summary>
    public class ComponentCarryTests
    {
        private static readonly byte[] CanvasApp = Encoding.UTF8.GetBytes("PK-not-really-a-msapp\u0001\u0002 keep me exactly");

        /// <summary>The shipped managed zip with a component type this packer does not read (a canvas app), as an export from dev has.</summary>
        private static byte[] WithUnknownComponent()
        {
            var entries = DeterministicZip.Read(PackagingFixture.Pack.Managed);
            entries.Insert(entries.Count - 1, new KeyValuePair<string, byte[]>("CanvasApps/crmc_fieldapp_DocumentUri.msapp", CanvasApp));
            int i = entries.FindIndex(e => e.Key == PackagingNames.CustomizationsXml);
            var doc = XmlFiles.Parse(entries[i].Value, PackagingNames.CustomizationsXml);
            doc.Root.Add(new System.Xml.Linq.XElement("CanvasApps", new System.Xml.Linq.XElement("CanvasApp", new System.Xml.Linq.XElement("Name", "crmc_fieldapp"))));
            doc.Root.SetAttributeValue("OrganizationVersion", "9.2.25093.181");
            entries[i] = new KeyValuePair<string, byte[]>(entries[i].Key, XmlFiles.Bytes(doc, finalNewline: false));
            int t = entries.FindIndex(e => e.Key == PackagingNames.ContentTypesXml);
            entries[t] = new KeyValuePair<string, byte[]>(entries[t].Key, ContentTypesWriter.Write(entries.Take(t).Select(e => e.Key)));
            return DeterministicZip.Write(entries);
        }

        [Fact]
        public void An_unknown_component_folder_survives_unpack_pack_and_validate_byte_for_byte()
        {
            var folder = PackagingFixture.TempFolder();
            var zip = Path.Combine(PackagingFixture.TempFolder() + ".zip");
            try
            {
                Unpacker.Unpack(WithUnknownComponent(), folder);
                Assert.Equal(CanvasApp, File.ReadAllBytes(Path.Combine(folder, "CanvasApps", "crmc_fieldapp_DocumentUri.msapp")));
                Assert.Contains("<CanvasApps>", File.ReadAllText(Path.Combine(folder, "Other", "Customizations.xml")));

                var repacked = SolutionPacker.Pack(SolutionFolder.Read(folder), PackagingFixture.BuiltDll).Managed;
                var parts = PackagingFixture.Entries(repacked);
                Assert.Equal(CanvasApp, parts["CanvasApps/crmc_fieldapp_DocumentUri.msapp"]);
                Assert.Contains("<CanvasApps>", Encoding.UTF8.GetString(parts[PackagingNames.CustomizationsXml]));

                File.WriteAllBytes(zip, repacked);
                var report = SolutionValidator.ValidateZip(zip, PackagingFixture.Context());
                Assert.True(report.Ok, string.Join("\n", report.Errors));
            }
            finally
            {
                PackagingFixture.Delete(folder);
                if (File.Exists(zip)) File.Delete(zip);
            }
        }

        [Fact]
        public void A_net10_plugin_dll_is_refused_by_pack_and_validate_naming_its_framework()
        {
            var net10 = typeof(PluginBase).Assembly.Location;
            var e = Assert.Throws<PackagingException>(() => BuiltDll.Read(net10));
            Assert.Contains("CrmCollab.Plugins.dll is built for .NET 10.0 (net10.0)", e.Message);
            Assert.Contains(".NET Framework 4.6.2 class libraries", e.Message);

            var report = SolutionValidator.ValidateFolder(PackagingFixture.Solution, PackagingFixture.Context(net10));
            Assert.Contains(report.Errors, m => m.Contains("built for .NET 10.0"));

            var zip = PackagingFixture.TempFolder() + ".zip";
            try
            {
                var entries = DeterministicZip.Read(PackagingFixture.Pack.Managed);
                int i = entries.FindIndex(x => x.Key.EndsWith(".dll"));
                entries[i] = new KeyValuePair<string, byte[]>(entries[i].Key, File.ReadAllBytes(net10));
                File.WriteAllBytes(zip, DeterministicZip.Write(entries));
                Assert.Contains(SolutionValidator.ValidateZip(zip, PackagingFixture.Context()).Errors, m => m.Contains("built for .NET 10.0"));
            }
            finally
            {
                if (File.Exists(zip)) File.Delete(zip);
            }
        }

        [Fact]
        public void Unpack_refuses_a_non_empty_folder_by_default_and_writes_or_deletes_over_it_only_when_allowed()
        {
            var folder = PackagingFixture.Copy();
            try
            {
                var before = File.ReadAllText(Path.Combine(folder, "Roles", "CrmCollab ADV.xml"));
                File.WriteAllText(Path.Combine(folder, "Roles", "CrmCollab ADV.xml"), before.Replace("prvReadContact", "prvReadContactEdited"));
                File.WriteAllText(Path.Combine(folder, "Roles", "Dropped in dev.xml"), "<Role />");

                var e = Assert.Throws<PackagingException>(() => UnpackTarget.Unpack(PackagingFixture.Pack.Unmanaged, folder));
                Assert.Contains("target folder is not empty", e.Message);
                Assert.Contains("--allow-write", e.Message);

                var written = UnpackTarget.Unpack(PackagingFixture.Pack.Unmanaged, folder, allowWrite: true);
                Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "Roles", "CrmCollab ADV.xml")));
                Assert.Contains("Roles/Dropped in dev.xml", written.Kept);

                var deleted = UnpackTarget.Unpack(PackagingFixture.Pack.Unmanaged, folder, allowWrite: true, allowDelete: true);
                Assert.False(File.Exists(Path.Combine(folder, "Roles", "Dropped in dev.xml")));
                Assert.Equal(0, deleted.Written);
                Assert.Equal(1, deleted.Deleted);
            }
            finally
            {
                PackagingFixture.Delete(folder);
            }
        }

        [Fact]
        public void A_bad_zip_leaves_the_folder_it_would_have_written_over_untouched()
        {
            var folder = PackagingFixture.Copy();
            try
            {
                var before = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f).Select(File.ReadAllBytes).ToList();
                var broken = DeterministicZip.Write(DeterministicZip.Read(PackagingFixture.Pack.Unmanaged).Where(x => x.Key != PackagingNames.CustomizationsXml));
                Assert.Throws<PackagingException>(() => UnpackTarget.Unpack(broken, folder, allowWrite: true, allowDelete: true));
                Assert.Equal(before, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f).Select(File.ReadAllBytes).ToList());
                Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder), "." + Path.GetFileName(folder) + "*"));
            }
            finally
            {
                PackagingFixture.Delete(folder);
            }
        }
    }
}
