using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>Build facts the csproj bakes into the test assembly (AssemblyMetadata), and the paths derived from them.</summary>
    internal static class TestSettings
    {
        public const string MicrosoftToken = "31bf3856ad364e35";

        public static readonly string[] SurfaceAssemblies = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };
        public static readonly string[] TargetFrameworks = { "net462", "net10.0" };

        public static string RepoRoot => Metadata("RepoRoot");
        public static string Configuration => Metadata("Configuration");
        public static string NetFrameworkReferenceAssemblies => Metadata("NetFrameworkReferenceAssemblies");

        public static string BaselineDir => Path.Combine(RepoRoot, "api-baseline");

        /// <summary>src/Sdk/&lt;Asm&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;Asm&gt;.dll</summary>
        public static string SurfacePath(string assembly, string tfm) =>
            Path.Combine(RepoRoot, "src", "Sdk", assembly, "bin", Configuration, tfm, assembly + ".dll");

        public static string PluginPath(string tfm) =>
            Path.Combine(RepoRoot, "src", "CrmCollab.Plugins", "bin", Configuration, tfm, "CrmCollab.Plugins.dll");

        /// <summary>Baseline lines without the `# ` header.</summary>
        public static string[] BaselineLines(string assembly) =>
            File.ReadAllLines(Path.Combine(BaselineDir, assembly + ".api.txt")).Where(l => !l.StartsWith("# ", StringComparison.Ordinal)).ToArray();

        public static byte[] MicrosoftPublicKey() =>
            Convert.FromHexString(File.ReadAllText(Path.Combine(BaselineDir, "microsoft-31bf3856ad364e35.publickey.hex")).Trim());

        /// <summary>The last 8 bytes of the key blob's SHA-1, reversed, as lowercase hex.</summary>
        public static string Token(byte[] publicKey)
        {
            byte[] hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            return Convert.ToHexString(hash[^8..].Reverse().ToArray()).ToLowerInvariant();
        }

        private static string Metadata(string key)
        {
            string value = typeof(TestSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value;
            if (string.IsNullOrEmpty(value)) throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the test assembly.");
            return value;
        }
    }
}
