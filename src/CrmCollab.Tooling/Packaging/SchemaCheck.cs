using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Validates a customizations.xml against Microsoft's CustomizationsSolution.xsd (9.0.0.2090), from the copy
    /// kept in the repository (schemas/), with .NET's XmlSchemaSet.
    /// </summary>
    public static class SchemaCheck
    {
        public const string SchemaFile = "CustomizationsSolution.xsd";

        private static readonly ConcurrentDictionary<string, XmlSchemaSet> Compiled = new ConcurrentDictionary<string, XmlSchemaSet>();

        /// <summary>The compiled schema set of a schema folder (compiled once per folder).</summary>
        public static XmlSchemaSet Schemas(string schemaDirectory) =>
            Compiled.GetOrAdd(Path.GetFullPath(schemaDirectory), dir =>
            {
                var file = Path.Combine(dir, SchemaFile);
                if (!File.Exists(file)) throw new PackagingException($"{file}: schema not found (schemas/ holds Microsoft's XSDs)");
                var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // the XSD includes its siblings
                set.Add(null, file);
                set.Compile();
                return set;
            });

        /// <summary>Schema errors and warnings, each with the path of the offending element; empty when valid.</summary>
        public static List<string> Validate(XDocument customizations, string schemaDirectory)
        {
            customizations = SchemaVersionGap.Within2090(customizations);
            var schemas = Schemas(schemaDirectory);
            var errors = new List<string>();
            lock (schemas) // validation reads the compiled set; one at a time keeps it simple and safe
            {
                customizations.Validate(schemas, (sender, e) =>
                {
                    var where = sender is XObject o
                        ? " at " + string.Join("/", (o as XElement ?? o.Parent)?.AncestorsAndSelf().Reverse().Select(Describe) ?? Enumerable.Empty<string>())
                        : "";
                    errors.Add($"customizations.xml: schema {e.Severity.ToString().ToLowerInvariant()}: {e.Message}{where}");
                });
            }
            return errors;
        }

        public const string ChartSchemaFile = "VisualizationDataDescription.xsd";

        /// <summary>Each chart's &lt;datadefinition&gt; (untyped in CustomizationsSolution.xsd) against Microsoft's
        /// VisualizationDataDescription.xsd; the FetchXML inside it is left to <see cref="Validate"/>.</summary>
        public static List<string> ValidateCharts(XDocument customizations, string schemaDirectory)
        {
            var schemas = Compiled.GetOrAdd(Path.GetFullPath(schemaDirectory) + "|" + ChartSchemaFile, key =>
            {
                var file = Path.Combine(schemaDirectory, ChartSchemaFile);
                if (!File.Exists(file)) throw new PackagingException($"{file}: schema not found (schemas/ holds Microsoft's XSDs)");
                var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
                set.Add(null, file);
                set.Compile();
                return set;
            });
            var errors = new List<string>();
            foreach (var chart in customizations.Descendants("visualization"))
            {
                var definition = chart.Element("datadescription")?.Element("datadefinition");
                if (definition == null) continue;
                var id = chart.Element("savedqueryvisualizationid")?.Value.Trim();
                var copy = new XDocument(new XElement(definition));
                foreach (var fetch in copy.Descendants("fetch").ToList()) fetch.RemoveNodes(); // FetchXML: checked in customizations.xml
                lock (schemas)
                {
                    copy.Validate(schemas, (sender, e) =>
                    {
                        var where = sender is XObject o ? string.Join("/", ((o as XElement) ?? o.Parent)?.AncestorsAndSelf().Reverse().Select(x => x.Name.LocalName) ?? Enumerable.Empty<string>()) : "";
                        errors.Add($"customizations.xml: chart {id}: schema {e.Severity.ToString().ToLowerInvariant()} ({ChartSchemaFile}): {e.Message} at {where}");
                    });
                }
            }
            return errors;
        }

        private static string Describe(XElement e)
        {
            var name = (string)e.Attribute("Name") ?? (string)e.Attribute("name") ?? (string)e.Attribute("SdkMessageProcessingStepId");
            if (name == null && e.Name.LocalName == "Entity") name = e.Element("Name")?.Value;
            return name == null ? e.Name.LocalName : $"{e.Name.LocalName}[{name}]";
        }
    }
}
