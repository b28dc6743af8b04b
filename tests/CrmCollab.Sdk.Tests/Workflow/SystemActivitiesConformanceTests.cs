using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Sdk.Tests.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace CrmCollab.Sdk.Tests.Workflow
{
    /// <summary>
    /// The net10.0 System.Activities slice is a subset of .NET Framework's System.Activities: every public line it
    /// lists must read exactly as the same line of the framework's reference assembly, listed by the same lister.
    /// </summary>
    public class SystemActivitiesConformanceTests
    {
        private readonly ITestOutputHelper output;

        public SystemActivitiesConformanceTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public void Every_listed_line_of_the_slice_is_in_the_framework_assembly()
        {
            string framework = Path.Combine(TestSettings.NetFrameworkReferenceAssemblies, "System.Activities.dll");
            string slice = typeof(System.Activities.Activity).Assembly.Location;
            Assert.True(File.Exists(framework), "Missing .NET Framework reference assembly: " + framework);

            string[] baseline = ApiLister.List(framework).ToArray();
            List<string> ours = ApiLister.List(slice);
            List<string> offending = BaselineComparer.NotInBaseline(ours, baseline);
            output.WriteLine($"System.Activities slice: {ours.Count} lines listed, {ours.Count - offending.Count} match.");

            Assert.True(ours.Count >= 40, "The slice lists only " + ours.Count + " lines.");
            Assert.True(offending.Count == 0, BaselineComparer.Report(offending, baseline, "System.Activities (net10.0)"));
        }

        [Fact]
        public void Slice_has_the_framework_assembly_identity()
        {
            System.Reflection.AssemblyName name = typeof(System.Activities.Activity).Assembly.GetName();

            Assert.Equal("System.Activities", name.Name);
            Assert.Equal(new System.Version(4, 0, 0, 0), name.Version);
            Assert.Equal(TestSettings.MicrosoftToken, System.Convert.ToHexString(name.GetPublicKeyToken()).ToLowerInvariant());
        }
    }
}
