using System.IO;
using System.Linq;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>unpack(pack(solution/)) gives solution/ back, file for file and byte for byte (the DLL aside).</summary>
    public class RoundTripTests
    {
        [Fact]
        public void Unpacking_the_package_gives_the_folder_back()
        {
            var target = PackagingFixture.TempFolder();
            try
            {
                Unpacker.Unpack(PackagingFixture.Pack.Unmanaged, target);
                var differences = RoundTrip.Compare(PackagingFixture.Solution, target);
                Assert.DoesNotContain(differences, d => !d.StartsWith(RoundTrip.FormattingOnly, System.StringComparison.Ordinal));
                // Byte for byte, except where the folder writes an attribute in single quotes (the writer uses double).
                foreach (var file in differences.Select(d => d.Substring(RoundTrip.FormattingOnly.Length).Split(' ')[0]))
                    Assert.Contains("='", File.ReadAllText(Path.Combine(PackagingFixture.Solution, file)));

                var dll = Directory.GetFiles(Path.Combine(target, "PluginAssemblies"), "*.dll", SearchOption.AllDirectories).Single();
                Assert.Equal("PluginAssemblies/CrmCollab.Plugins-BAAD7F3D-D2AD-5E21-9785-4DEBCAF1A5B4/CrmCollab.Plugins.dll",
                    Path.GetRelativePath(target, dll).Replace('\\', '/'));
                Assert.Equal(File.ReadAllBytes(PackagingFixture.Dll), File.ReadAllBytes(dll));
            }
            finally
            {
                PackagingFixture.Delete(target);
            }
        }

        [Fact]
        public void The_managed_package_unpacks_to_the_same_folder_but_for_the_managed_flag()
        {
            var target = PackagingFixture.TempFolder();
            try
            {
                Unpacker.Unpack(PackagingFixture.Pack.Managed, target);
                Assert.Equal(new[] { "round trip: Other/Solution.xml comes back different" },
                    RoundTrip.Compare(PackagingFixture.Solution, target).Where(d => !d.StartsWith(RoundTrip.FormattingOnly, System.StringComparison.Ordinal)));
                Assert.Contains("<Managed>1</Managed>", File.ReadAllText(Path.Combine(target, "Other", "Solution.xml")));
            }
            finally
            {
                PackagingFixture.Delete(target);
            }
        }

        [Fact]
        public void The_round_trip_check_reports_a_difference()
        {
            var copy = PackagingFixture.Copy();
            try
            {
                File.AppendAllText(Path.Combine(copy, "Roles", "CrmCollab ADV.xml"), "\n");
                Assert.Contains(RoundTrip.FormattingOnly + "Roles/CrmCollab ADV.xml comes back with the same content, formatted differently",
                    RoundTrip.Differences(SolutionFolder.Read(copy), PackagingFixture.BuiltDll));
                Assert.Empty(RoundTrip.Check(SolutionFolder.Read(copy), PackagingFixture.BuiltDll));
                PackagingFixture.Edit(Path.Combine(copy, "Roles", "CrmCollab ADV.xml"), d => d.Root.SetAttributeValue("name", "CrmCollab ADV renamed"));
                Assert.Contains("round trip: Roles/CrmCollab ADV.xml does not come back from the package",
                    RoundTrip.Check(SolutionFolder.Read(copy), PackagingFixture.BuiltDll));
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }
    }
}
