using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// Packs the split files of an unpacked solution folder back into one customizations.xml, as SolutionPackager
    /// does on pack (entities with their SavedQueries, roles, relationships, global choices, plugin assemblies and
    /// steps), and validates it against Microsoft's CustomizationsSolution.xsd.
    /// </summary>
    internal static class CustomizationsAssembler
    {
        public const string SchemaDir = "/work/shared/dataverse-schemas";

        public static string SchemaFile => Path.Combine(SchemaDir, "CustomizationsSolution.xsd");

        public static bool SchemaAvailable => File.Exists(SchemaFile);

        public static XDocument Assemble(string root)
        {
            var doc = XDocument.Load(Path.Combine(root, "Other/Customizations.xml"));
            var x = doc.Root;

            foreach (var dir in SortedDirectories(Path.Combine(root, "Entities")))
            {
                var entity = Root(Path.Combine(dir, "Entity.xml"));
                var views = Sorted(Path.Combine(dir, "SavedQueries"), "*.xml").Select(Root).ToList();
                if (views.Count > 0)
                    entity.Add(new XElement("SavedQueries", views)); // each file holds one <savedqueries> block
                x.Element("Entities").Add(entity);
            }
            Fill(x.Element("Roles"), Sorted(Path.Combine(root, "Roles"), "*.xml").Select(Root));
            Fill(x.Element("EntityRelationships"), Sorted(Path.Combine(root, "Other/Relationships"), "*.xml")
                .SelectMany(f => Root(f).Elements("EntityRelationship")));
            Fill(x.Element("optionsets"), Sorted(Path.Combine(root, "OptionSets"), "*.xml").Select(Root));

            var assemblies = Sorted(Path.Combine(root, "PluginAssemblies"), "*.dll.data.xml", recursive: true).Select(Root).ToList();
            var steps = Sorted(Path.Combine(root, "SdkMessageProcessingSteps"), "*.xml").Select(Root).ToList();
            var after = x.Element("CustomControls");
            if (steps.Count > 0) after.AddAfterSelf(new XElement("SdkMessageProcessingSteps", steps));
            if (assemblies.Count > 0) after.AddAfterSelf(new XElement("SolutionPluginAssemblies", assemblies));
            return doc;
        }

        /// <summary>Schema errors (and warnings) of a customizations.xml; empty when it is valid.</summary>
        public static List<string> Validate(XDocument doc)
        {
            var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // the XSD includes siblings
            schemas.Add(null, SchemaFile);
            schemas.Compile();
            var errors = new List<string>();
            doc.Validate(schemas, (sender, e) =>
            {
                var where = sender is XObject o && o.Parent != null
                    ? " at " + string.Join("/", o.Parent.AncestorsAndSelf().Reverse().Select(Describe))
                    : "";
                errors.Add($"{e.Severity}: {e.Message}{where}");
            });
            return errors;
        }

        private static string Describe(XElement e)
        {
            var name = (string)e.Attribute("Name") ?? (string)e.Attribute("PhysicalName") ?? (string)e.Attribute("name");
            return name == null ? e.Name.LocalName : $"{e.Name.LocalName}[{name}]";
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

        private static IEnumerable<string> Sorted(string dir, string pattern, bool recursive = false)
        {
            if (!Directory.Exists(dir)) return Enumerable.Empty<string>();
            var files = Directory.GetFiles(dir, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
            System.Array.Sort(files, System.StringComparer.Ordinal);
            return files;
        }

        private static IEnumerable<string> SortedDirectories(string dir)
        {
            if (!Directory.Exists(dir)) return Enumerable.Empty<string>();
            var dirs = Directory.GetDirectories(dir);
            System.Array.Sort(dirs, System.StringComparer.Ordinal);
            return dirs;
        }
    }
}
