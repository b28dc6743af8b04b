using System.Diagnostics;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CrmCollab.Tooling.Tests
{
    /// <summary>
    /// -p:DataverseSdk=NuGet must swap the surface for Microsoft's packages. Restoring them is impossible here, so
    /// this evaluates the plugin project (no restore, no build) and reads the resulting references.
    /// </summary>
    public class DataverseSdkSwitchTests
    {
        private static string RepoRoot => Packaging.PackagingFixture.RepoRoot;

        private static JObject Evaluate(string sdk, string framework)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoRoot,
            };
            foreach (string arg in new[] { "msbuild", Path.Combine("src", "CrmCollab.Plugins", "CrmCollab.Plugins.csproj"),
                         $"-p:DataverseSdk={sdk}", $"-p:TargetFramework={framework}",
                         "-getItem:PackageReference", "-getItem:ProjectReference" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start);
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());
            return JObject.Parse(output);
        }

        private static string[] Identities(JObject items, string kind) =>
            (items["Items"]?[kind] as JArray ?? new JArray()).Select(i => Path.GetFileName((string)i["Identity"])).ToArray();

        [Fact]
        public void By_default_the_plugins_compile_against_the_projects_own_surface()
        {
            JObject items = Evaluate("Surface", "net462");

            Assert.Contains("Microsoft.Xrm.Sdk.csproj", Identities(items, "ProjectReference"));
            Assert.Contains("Microsoft.Crm.Sdk.Proxy.csproj", Identities(items, "ProjectReference"));
            Assert.Contains("Microsoft.Xrm.Sdk.Workflow.csproj", Identities(items, "ProjectReference"));
            Assert.DoesNotContain("Microsoft.CrmSdk.CoreAssemblies", Identities(items, "PackageReference"));
        }

        [Fact]
        public void The_NuGet_switch_uses_microsofts_official_packages_instead()
        {
            JObject items = Evaluate("NuGet", "net462");

            Assert.Contains("Microsoft.CrmSdk.CoreAssemblies", Identities(items, "PackageReference"));
            Assert.Contains("Microsoft.CrmSdk.Workflow", Identities(items, "PackageReference"));
            Assert.DoesNotContain("Microsoft.Xrm.Sdk.csproj", Identities(items, "ProjectReference"));
            Assert.DoesNotContain("Microsoft.Xrm.Sdk.Workflow.csproj", Identities(items, "ProjectReference"));
        }
    }
}
