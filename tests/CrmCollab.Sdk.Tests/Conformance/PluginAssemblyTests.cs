using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// The deployable net462 plugin assembly, as Dataverse will see it: it must bind to the real SDK
    /// (Microsoft's identity), depend on nothing the sandbox lacks, and be strong-name signed with our own key.
    /// </summary>
    public class PluginAssemblyTests
    {
        private static readonly string[] SdkAssemblies = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };

        // .NET Framework assemblies present on the Dataverse sandbox. netstandard is deliberately absent: a reference
        // to it means a netstandard library was pulled in, and only the SDK may ship alongside the plugin.
        private static readonly string[] FrameworkAssemblies =
        {
            "mscorlib", "System", "System.Core", "System.Runtime.Serialization", "System.ServiceModel", "System.Activities",
            "System.Xml", "System.Xml.Linq", "System.Data", "System.IdentityModel", "System.Net.Http", "System.Web",
        };

        private static string PluginPath
        {
            get
            {
                string path = TestSettings.PluginPath("net462");
                Assert.True(File.Exists(path), $"Plugin assembly not built: {path}");
                return path;
            }
        }

        [Fact]
        public void References_the_sdk_with_Microsofts_identity_and_nothing_else()
        {
            using var stream = File.OpenRead(PluginPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var references = md.AssemblyReferences.Select(md.GetAssemblyReference).ToList();
            var names = references.Select(r => md.GetString(r.Name)).ToList();

            Assert.Contains("Microsoft.Xrm.Sdk", names);
            foreach (AssemblyReference r in references.Where(r => SdkAssemblies.Contains(md.GetString(r.Name))))
            {
                string name = md.GetString(r.Name);
                Assert.Equal(new Version(9, 0, 0, 0), r.Version);
                Assert.True(md.GetString(r.Culture).Length == 0, $"{name} reference is not culture-neutral");
                Assert.Equal(TestSettings.MicrosoftToken, ReferenceToken(md, r));
            }

            var unexpected = names.Where(n => !SdkAssemblies.Contains(n) && !FrameworkAssemblies.Contains(n)).ToList();
            Assert.True(unexpected.Count == 0, "The plugin references assemblies the sandbox does not have: " + string.Join(", ", unexpected));
        }

        [Fact]
        public void Is_strong_name_signed_with_its_own_key()
        {
            using var stream = File.OpenRead(PluginPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            byte[] key = md.GetBlobBytes(md.GetAssemblyDefinition().PublicKey);
            Assert.NotEmpty(key);
            Assert.NotEqual(TestSettings.MicrosoftToken, TestSettings.Token(key));

            CorHeader cor = pe.PEHeaders.CorHeader;
            Assert.True((cor.Flags & CorFlags.StrongNameSigned) != 0, "CorFlags.StrongNameSigned is not set");
            DirectoryEntry signature = cor.StrongNameSignatureDirectory;
            Assert.True(signature.Size > 0, "No strong-name signature directory");
            // A public-signed or delay-signed assembly leaves the signature zeroed; a really signed one does not.
            PEMemoryBlock block = pe.GetSectionData(signature.RelativeVirtualAddress);
            byte[] bytes = block.GetContent(0, signature.Size).ToArray();
            Assert.True(bytes.Any(b => b != 0), "The strong-name signature is all zeros (public- or delay-signed)");
        }

        // An AssemblyRef carries either the token or (flag PublicKey) the full key.
        private static string ReferenceToken(MetadataReader md, AssemblyReference r)
        {
            byte[] blob = md.GetBlobBytes(r.PublicKeyOrToken);
            bool fullKey = (r.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0;
            return fullKey ? TestSettings.Token(blob) : Convert.ToHexString(blob).ToLowerInvariant();
        }
    }
}
