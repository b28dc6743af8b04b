using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>A package names the files unpack writes: none may land outside the target folder.</summary>
    public class UnpackTests
    {
        /// <summary>The shipped package with <paramref name="change"/> applied to its entries.</summary>
        private static byte[] Tampered(System.Action<List<KeyValuePair<string, byte[]>>> change)
        {
            var entries = DeterministicZip.Read(PackagingFixture.Pack.Unmanaged);
            change(entries);
            return DeterministicZip.Write(entries);
        }

        private static void AssertRefusedAndContained(byte[] zip, string message)
        {
            var parent = PackagingFixture.TempFolder();
            var target = Path.Combine(parent, "target");
            try
            {
                var e = Assert.Throws<PackagingException>(() => Unpacker.Unpack(zip, target));
                Assert.Contains(message, e.Message);
                Assert.Empty(Directory.GetFiles(parent, "*", SearchOption.TopDirectoryOnly));
                Assert.Equal(new[] { target }, Directory.GetDirectories(parent));
            }
            finally
            {
                PackagingFixture.Delete(parent);
            }
        }

        [Fact]
        public void A_part_named_into_a_sibling_folder_is_refused()
        {
            // "../target-evil/x" starts with the target's own path: a prefix test alone lets it through.
            var zip = Tampered(entries => entries.Insert(2, new KeyValuePair<string, byte[]>("../target-evil/x.txt", new byte[] { 1 })));
            AssertRefusedAndContained(zip, "../target-evil/x.txt: part escapes the target folder");
        }

        [Fact]
        public void An_item_name_that_climbs_out_is_refused()
        {
            var zip = Tampered(entries =>
            {
                int i = entries.FindIndex(e => e.Key == PackagingNames.CustomizationsXml);
                var doc = XmlFiles.Parse(entries[i].Value, PackagingNames.CustomizationsXml);
                doc.Root.Element("Roles").Elements("Role").First().SetAttributeValue("name", "../../escaped");
                entries[i] = new KeyValuePair<string, byte[]>(entries[i].Key, XmlFiles.Bytes(doc, finalNewline: false));
            });
            AssertRefusedAndContained(zip, "Roles/../../escaped.xml: part escapes the target folder");
        }
    }
}
