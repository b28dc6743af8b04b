using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// The surface must carry Microsoft's exact identity (name, 9.0.0.0, neutral, Microsoft's public key), so
    /// that assemblies compiled against it reference the real SDK and bind to it on the server.
    /// </summary>
    public class AssemblyIdentityTests
    {
        public static IEnumerable<object[]> Surfaces() => ApiConformanceTests.Surfaces();

        [Theory]
        [MemberData(nameof(Surfaces))]
        public void Surface_has_Microsofts_identity(string assembly, string tfm)
        {
            string path = TestSettings.SurfacePath(assembly, tfm);
            Assert.True(File.Exists(path), $"Surface assembly not built: {path}");
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            AssemblyDefinition def = md.GetAssemblyDefinition();

            Assert.Equal(Path.GetFileNameWithoutExtension(path), md.GetString(def.Name));
            Assert.Equal(new Version(9, 0, 0, 0), def.Version);
            Assert.Equal("", md.GetString(def.Culture)); // neutral
            byte[] key = md.GetBlobBytes(def.PublicKey);
            Assert.Equal(TestSettings.MicrosoftToken, TestSettings.Token(key));
            Assert.Equal(Convert.ToHexString(TestSettings.MicrosoftPublicKey()), Convert.ToHexString(key));
        }

        [Fact]
        public void Token_helper_matches_the_documented_token()
        {
            Assert.Equal("31bf3856ad364e35", TestSettings.Token(TestSettings.MicrosoftPublicKey()));
            Assert.Equal(160, TestSettings.MicrosoftPublicKey().Length);
        }
    }
}
