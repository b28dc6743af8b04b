using System;
using System.IO;
using System.Linq;
using CrmCollab.Tooling;
using Xunit;

namespace CrmCollab.Tooling.Tests
{
    public class PacConfigTests
    {
        private static string RepoRoot => Packaging.PackagingFixture.RepoRoot;

        private static string Write(string json)
        {
            string path = Path.Combine(Path.GetTempPath(), $"pac-{Guid.NewGuid():N}.config");
            File.WriteAllText(path, json);
            return path;
        }

        private const string Valid = @"{
  ""solution"": { ""uniqueName"": ""CrmCollab"", ""displayName"": ""CrmCollab"", ""version"": ""1.2.3.4"" },
  ""publisher"": { ""uniqueName"": ""crmcollab"", ""displayName"": ""CrmCollab"", ""customizationPrefix"": ""crmc"", ""customizationOptionValuePrefix"": 10000 },
  ""pluginAssembly"": { ""name"": ""CrmCollab.Plugins"", ""project"": ""src/CrmCollab.Plugins/CrmCollab.Plugins.csproj"" },
  ""environments"": { ""dev"": { ""url"": ""https://org.crm.dynamics.com"" } }
}";

        [Fact]
        public void The_shipped_pac_config_names_the_crmc_publisher_and_the_CrmCollab_solution()
        {
            PacConfig config = PacConfig.Load(Path.Combine(RepoRoot, "pac.config"));

            Assert.Equal("CrmCollab", config.Solution.UniqueName);
            Assert.Equal("crmcollab", config.Publisher.UniqueName);
            Assert.Equal("crmc", config.Publisher.CustomizationPrefix);
            Assert.Equal(100000000, config.FirstOptionValue);
            Assert.All(config.Environments.Values, e => Assert.StartsWith("https://", e.Url));
        }

        [Fact]
        public void A_valid_file_loads_its_fields()
        {
            PacConfig config = PacConfig.Load(Write(Valid));

            Assert.Equal("1.2.3.4", config.Solution.Version);
            Assert.Equal("https://org.crm.dynamics.com", config.Environments["dev"].Url);
            Assert.Equal("net462", config.PluginAssembly.TargetFramework);
        }

        [Fact]
        public void Credentials_are_refused_with_the_path_of_the_offending_field()
        {
            string json = Valid.Replace(@"""url"": ""https://org.crm.dynamics.com""",
                @"""url"": ""https://org.crm.dynamics.com"", ""clientSecret"": ""s3cr3t""");

            var error = Assert.Throws<PacConfigException>(() => PacConfig.Load(Write(json)));

            Assert.Contains("environments.dev.clientSecret", error.Message);
            Assert.Contains("must not hold credentials", error.Message);
        }

        [Fact]
        public void Every_problem_is_reported_at_once()
        {
            string json = Valid.Replace("1.2.3.4", "1.2").Replace(@"""crmc""", @"""CRM-C""")
                .Replace("https://org.crm.dynamics.com", "http://org");

            var error = Assert.Throws<PacConfigException>(() => PacConfig.Load(Write(json)));

            Assert.Contains("solution.version", error.Message);
            Assert.Contains("customizationPrefix", error.Message);
            Assert.Contains("environments.dev.url", error.Message);
        }

        [Fact]
        public void A_missing_file_or_broken_json_says_what_to_do()
        {
            var missing = Assert.Throws<PacConfigException>(() => PacConfig.Load("/nonexistent/pac.config"));
            Assert.Contains("not found", missing.Message);

            var broken = Assert.Throws<PacConfigException>(() => PacConfig.Load(Write("{ \"solution\": ")));
            Assert.Contains("not valid JSON", broken.Message);
        }
    }
}
