using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// Assembles customizations.xml from the fixture's split files, as a packer would, and validates it against
    /// Microsoft's CustomizationsSolution.xsd (9.0.0.2090), so the fixtures use the real element names and order.
    /// </summary>
    public class FixtureSchemaTests
    {
        private const string SchemaDir = "/work/shared/dataverse-schemas";

        [Fact]
        public void Fixture_assembles_into_schema_valid_customizations()
        {
            var xsd = Path.Combine(SchemaDir, "CustomizationsSolution.xsd");
            if (!File.Exists(xsd)) return; // schemas are a shared checkout, absent on some machines

            var root = SolutionFixture.Path();
            var doc = XDocument.Load(Path.Combine(root, "Other/Customizations.xml"));
            var x = doc.Root;
            Fill(x.Element("Entities"), Directory.GetFiles(Path.Combine(root, "Entities"), "Entity.xml", SearchOption.AllDirectories).Select(Root));
            Fill(x.Element("Roles"), Directory.GetFiles(Path.Combine(root, "Roles"), "*.xml").Select(Root));
            Fill(x.Element("EntityRelationships"), Directory.GetFiles(Path.Combine(root, "Other/Relationships"), "*.xml")
                .SelectMany(f => Root(f).Elements("EntityRelationship")));
            Fill(x.Element("optionsets"), Directory.GetFiles(Path.Combine(root, "OptionSets"), "*.xml").Select(Root));
            var assemblies = new XElement("SolutionPluginAssemblies",
                Directory.GetFiles(Path.Combine(root, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories).Select(Root));
            var steps = new XElement("SdkMessageProcessingSteps",
                Directory.GetFiles(Path.Combine(root, "SdkMessageProcessingSteps"), "*.xml").Select(Root));
            x.Element("CustomControls").AddAfterSelf(assemblies, steps);

            var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // the XSD includes siblings
            schemas.Add(null, xsd);
            schemas.Compile();
            var errors = new List<string>();
            doc.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        private static XElement Root(string file)
        {
            var root = XDocument.Load(file).Root;
            root.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            return root;
        }

        private static void Fill(XElement section, IEnumerable<XElement> items)
        {
            foreach (var item in items) section.Add(item);
        }
    }
}
