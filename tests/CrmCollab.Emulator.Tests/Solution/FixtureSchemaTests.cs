using System.IO;
using System.Linq;
using System.Reflection;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// Assembles customizations.xml from the fixture's split files with the packer (Tooling) and validates it
    /// against Microsoft's CustomizationsSolution.xsd (9.0.0.2090, copied into schemas/), so the fixtures use the
    /// real element names and order.
    /// </summary>
    public class FixtureSchemaTests
    {
        private static readonly string RepoRoot = SolutionFixture.RepoRoot;

        [Fact]
        public void Fixture_assembles_into_schema_valid_customizations()
        {
            var doc = CustomizationsWriter.Assemble(SolutionFolder.Read(SolutionFixture.Path()));
            Assert.NotEmpty(doc.Root.Element("SolutionPluginAssemblies").Elements());
            Assert.NotEmpty(doc.Root.Element("SdkMessageProcessingSteps").Elements());

            var errors = SchemaCheck.Validate(doc, Path.Combine(RepoRoot, "schemas"));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
