using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// Every public type and member of our surface must read exactly as in Microsoft's API baseline:
    /// a signature that differs (return type, modifiers, DataContract names, ...) can make plugin code
    /// compiled against the surface fail on the real server.
    /// </summary>
    public class ApiConformanceTests
    {
        private readonly ITestOutputHelper _output;

        public ApiConformanceTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Surfaces() =>
            from asm in TestSettings.SurfaceAssemblies
            from tfm in TestSettings.TargetFrameworks
            select new object[] { asm, tfm };

        [Theory]
        [MemberData(nameof(Surfaces))]
        public void Every_listed_line_is_in_the_baseline(string assembly, string tfm)
        {
            string path = TestSettings.SurfacePath(assembly, tfm);
            Assert.True(File.Exists(path), $"Surface assembly not built: {path}");
            List<string> ours = ApiLister.List(path);
            string[] baseline = TestSettings.BaselineLines(assembly);

            List<string> offending = BaselineComparer.NotInBaseline(ours, baseline);
            int covered = ours.Count - offending.Count;
            _output.WriteLine($"{assembly} ({tfm}): {ours.Count} lines listed, {covered} match, baseline has {baseline.Length}.");
            if (offending.Count == 0) return;

            // The full listing lets an engineer diff it against api-baseline/ by hand.
            string file = WriteListing(assembly, tfm, ours);
            Assert.Fail(BaselineComparer.Report(offending, baseline, $"{assembly} ({tfm})") + $"Full listing of ours: {file}");
        }

        [Theory]
        [MemberData(nameof(Surfaces))]
        public void Listing_is_not_trivially_empty(string assembly, string tfm)
        {
            List<string> ours = ApiLister.List(TestSettings.SurfacePath(assembly, tfm));
            Assert.True(ours.Count >= 20, $"{assembly} ({tfm}) lists only {ours.Count} lines:\n" + string.Join("\n", ours));
        }

        [Fact]
        public void Comparer_reports_a_fabricated_line()
        {
            const string fabricated = "Microsoft.Xrm.Sdk.Entity::method public System.Void Frobnicate()";
            string[] baseline = TestSettings.BaselineLines("Microsoft.Xrm.Sdk");
            var ours = ApiLister.List(TestSettings.SurfacePath("Microsoft.Xrm.Sdk", "net462"))
                .Where(baseline.Contains).Append(fabricated).ToList();

            List<string> offending = BaselineComparer.NotInBaseline(ours, baseline);

            Assert.Equal(new[] { fabricated }, offending);
            string report = BaselineComparer.Report(offending, baseline, "test");
            Assert.Contains(fabricated, report);
            Assert.Contains("(no line for this member)", report);
        }

        [Fact]
        public void Comparer_shows_the_baseline_line_of_a_differing_member()
        {
            // A wrong return type: the report must put the baseline's line of the same member next to ours.
            const string wrong = "Microsoft.Xrm.Sdk.Entity::method public System.Object ToEntityReference()";
            string[] baseline = TestSettings.BaselineLines("Microsoft.Xrm.Sdk");
            string report = BaselineComparer.Report(BaselineComparer.NotInBaseline(new[] { wrong }, baseline), baseline, "test");
            Assert.Contains("baseline: Microsoft.Xrm.Sdk.Entity::method public Microsoft.Xrm.Sdk.EntityReference ToEntityReference()", report);
        }

        // The lister must render known types exactly, on both builds (guards against a lister that emits nothing
        // or a format drift that would let every line "fail" in the same way).
        [Theory]
        [InlineData("net462")]
        [InlineData("net10.0")]
        public void Lister_renders_known_Entity_and_EntityReference_lines(string tfm)
        {
            List<string> ours = ApiLister.List(TestSettings.SurfacePath("Microsoft.Xrm.Sdk", tfm));
            string[] expected =
            {
                "Microsoft.Xrm.Sdk.Entity type public class : System.Object, System.Runtime.Serialization.IExtensibleDataObject [DataContract(Name=\"Entity\", Namespace=\"http://schemas.microsoft.com/xrm/2011/Contracts\")]",
                "Microsoft.Xrm.Sdk.Entity::ctor public .ctor(System.String entityName, System.Guid id)",
                "Microsoft.Xrm.Sdk.Entity::method public System.Boolean TryGetAttributeValue<T>(System.String attributeKey, out T result)",
                "Microsoft.Xrm.Sdk.Entity::method public T ToEntity<T>() where T : Microsoft.Xrm.Sdk.Entity",
                "Microsoft.Xrm.Sdk.Entity::property public System.Object Item[System.String attributeName] { get; set; }",
                "Microsoft.Xrm.Sdk.EntityReference type public sealed class : System.Object, System.Runtime.Serialization.IExtensibleDataObject [DataContract(Name=\"EntityReference\", Namespace=\"http://schemas.microsoft.com/xrm/2011/Contracts\")] [Serializable]",
                "Microsoft.Xrm.Sdk.EntityReference::property public System.Guid Id { get; set; } [DataMember]",
            };
            var missing = expected.Where(e => !ours.Contains(e)).ToList();
            Assert.True(missing.Count == 0, "Not listed:\n" + string.Join("\n", missing) + "\nListed for these types:\n" +
                string.Join("\n", ours.Where(l => l.StartsWith("Microsoft.Xrm.Sdk.Entity", StringComparison.Ordinal))));
        }

        [Fact]
        public void Header_has_the_baseline_shape()
        {
            List<string> header = ApiLister.Header(TestSettings.SurfacePath("Microsoft.Xrm.Sdk", "net462"));
            Assert.Equal(4, header.Count);
            Assert.Equal("# assembly: Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", header[0]);
            Assert.StartsWith("# target framework: .NETFramework,Version=v4.6.2", header[2]);
            Assert.Matches(@"^# public types: [1-9]\d*, public members: [1-9]\d*$", header[3]);
        }

        private static string WriteListing(string assembly, string tfm, List<string> ours)
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "api-diff");
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, $"{assembly}.{tfm}.ours.txt");
            File.WriteAllText(file, string.Join("\n", ours) + "\n");
            return file;
        }
    }
}
