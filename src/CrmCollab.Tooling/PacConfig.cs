using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmCollab.Tooling
{
    /// <summary>
    /// pac.config: the solution and publisher identity every tool reads, and the named environments (URLs only:
    /// credentials never live in the repository).
    /// </summary>
    public sealed class PacConfig
    {
        [JsonProperty("solution", Required = Required.Always)]
        public SolutionIdentity Solution { get; set; }

        [JsonProperty("publisher", Required = Required.Always)]
        public PublisherIdentity Publisher { get; set; }

        [JsonProperty("pluginAssembly", Required = Required.Always)]
        public PluginAssemblySettings PluginAssembly { get; set; }

        [JsonProperty("environments")]
        public Dictionary<string, EnvironmentSettings> Environments { get; set; } = new Dictionary<string, EnvironmentSettings>();

        public static PacConfig Load(string path)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new PacConfigException($"pac.config not found at '{path}'. Run the command from the repository root or pass --config.");
            PacConfig config;
            try
            {
                config = Setup.SetupJson.Parse(path, "project configuration", typeof(PacConfig), RefuseSecrets).ToObject<PacConfig>();
            }
            catch (InvalidDataException e)
            {
                throw new PacConfigException(e.Message);
            }
            config.Validate();
            return config;
        }

        /// <summary>Every problem at once, so an admin fixes the file in one go.</summary>
        public void Validate()
        {
            var problems = new List<string>();
            if (!Regex.IsMatch(Solution?.UniqueName ?? "", "^[A-Za-z_][A-Za-z0-9_]*$"))
                problems.Add("solution.uniqueName must be letters, digits or '_' and not start with a digit");
            if (!Version.TryParse(Solution?.Version ?? "", out Version version) || version.Revision < 0)
                problems.Add("solution.version must have four parts, e.g. 1.0.0.0");
            if (!Regex.IsMatch(Publisher?.CustomizationPrefix ?? "", "^[a-z][a-z0-9]{1,7}$") || (Publisher?.CustomizationPrefix ?? "").StartsWith("mscrm", StringComparison.Ordinal))
                problems.Add("publisher.customizationPrefix must be 2 to 8 lower-case letters or digits, start with a letter and not be 'mscrm'");
            if (Publisher == null || Publisher.CustomizationOptionValuePrefix < 10000 || Publisher.CustomizationOptionValuePrefix > 99999)
                problems.Add("publisher.customizationOptionValuePrefix must be between 10000 and 99999");
            if (string.IsNullOrWhiteSpace(Publisher?.UniqueName))
                problems.Add("publisher.uniqueName is required");
            foreach (var environment in Environments ?? new Dictionary<string, EnvironmentSettings>())
            {
                if (!Uri.TryCreate(environment.Value?.Url, UriKind.Absolute, out Uri url) || url.Scheme != Uri.UriSchemeHttps)
                    problems.Add($"environments.{environment.Key}.url must be an https URL");
            }
            if (problems.Count > 0)
                throw new PacConfigException("pac.config is not valid: " + string.Join("; ", problems) + ".");
        }

        /// <summary>The first option value of our choices: prefix × 10,000 (10000 → 100000000).</summary>
        public int FirstOptionValue => Publisher.CustomizationOptionValuePrefix * 10000;

        private static void RefuseSecrets(JToken json)
        {
            string[] forbidden = { "password", "secret", "clientsecret", "token", "connectionstring", "key" };
            var hit = (json as JContainer)?.Descendants().OfType<JProperty>()
                .FirstOrDefault(p => forbidden.Contains(p.Name.ToLowerInvariant()));
            if (hit != null)
                throw new PacConfigException(
                    $"pac.config must not hold credentials ('{hit.Path}'). Keep secrets in your pipeline's secret store and only URLs here.");
        }
    }

    public sealed class SolutionIdentity
    {
        [JsonProperty("uniqueName", Required = Required.Always)] public string UniqueName { get; set; }
        [JsonProperty("displayName", Required = Required.Always)] public string DisplayName { get; set; }
        [JsonProperty("description")] public string Description { get; set; }
        [JsonProperty("version", Required = Required.Always)] public string Version { get; set; }
        [JsonProperty("languageCode")] public int LanguageCode { get; set; } = 1033;
    }

    public sealed class PublisherIdentity
    {
        [JsonProperty("uniqueName", Required = Required.Always)] public string UniqueName { get; set; }
        [JsonProperty("displayName", Required = Required.Always)] public string DisplayName { get; set; }
        [JsonProperty("description")] public string Description { get; set; }
        [JsonProperty("customizationPrefix", Required = Required.Always)] public string CustomizationPrefix { get; set; }
        [JsonProperty("customizationOptionValuePrefix", Required = Required.Always)] public int CustomizationOptionValuePrefix { get; set; }
    }

    public sealed class PluginAssemblySettings
    {
        [JsonProperty("name", Required = Required.Always)] public string Name { get; set; }
        [JsonProperty("project", Required = Required.Always)] public string Project { get; set; }
        [JsonProperty("targetFramework")] public string TargetFramework { get; set; } = "net462";
        [JsonProperty("isolationMode")] public string IsolationMode { get; set; } = "Sandbox";
    }

    public sealed class EnvironmentSettings
    {
        [JsonProperty("url", Required = Required.Always)] public string Url { get; set; }
    }

    public sealed class PacConfigException : Exception
    {
        public PacConfigException(string message) : base(message) { }
    }
}
