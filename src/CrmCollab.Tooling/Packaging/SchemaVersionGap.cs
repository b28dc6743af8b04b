using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Microsoft's newest published schema (9.0.0.2090) is older than current Dataverse, so a maker's export carries
    /// parts it does not declare. Those parts are carried through by pack and unpack untouched; schema validation
    /// runs on a copy without them, so everything the schema does know is still checked.
    /// </summary>
    public static class SchemaVersionGap
    {
        /// <summary>Root attributes modern exports write (the schema allows only xmlns:xsi).</summary>
        private static readonly string[] RootAttributes = { "OrganizationVersion", "OrganizationSchemaType", "CRMServerServiceabilityVersion" };

        /// <summary>Elements newer exports add inside components the schema knows (schemas/README.md lists them).</summary>
        private static readonly Dictionary<string, string[]> NewerElements = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["attribute"] = new[] { "AutoNumberFormat", "IsRetrieveAuditEnabled", "IsRetrieveMultipleAuditEnabled" },
            ["Role"] = new[] { "IsAutoAssigned", "IsInherited", "Summaryofcoretablepermissions" },
            ["AppModule"] = new[] { "statecode", "statuscode", "NavigationType", "appsettings", "OptimizedFor" },
            ["AppModuleSiteMap"] = new[] { "EnableCollapsibleGroups", "ShowHome", "ShowPinned", "ShowRecents" },
        };

        /// <summary>Form attributes newer exports write.</summary>
        private static readonly string[] NewerFormAttributes = { "headerdensity" };

        /// <summary>Root sections of customizations.xml the schema does not declare (canvas apps, entity image
        /// configurations, …): component types this packer carries without reading.</summary>
        public static IEnumerable<string> UnknownSections(XElement root) =>
            root.Elements().Select(e => e.Name.LocalName).Where(n => !CustomizationsWriter.SectionOrder.Contains(n));

        /// <summary>A copy of <paramref name="customizations"/> with only what schema 9.0.0.2090 declares.</summary>
        public static XDocument Within2090(XDocument customizations)
        {
            var copy = new XDocument(customizations);
            var root = copy.Root;
            if (root == null) return copy;
            foreach (var name in RootAttributes) root.Attribute(name)?.Remove();
            foreach (var section in root.Elements().Where(e => !CustomizationsWriter.SectionOrder.Contains(e.Name.LocalName)).ToList())
                section.Remove();
            foreach (var (parent, names) in NewerElements)
                foreach (var owner in root.Descendants(parent))
                    owner.Elements().Where(e => names.Contains(e.Name.LocalName)).Remove();
            foreach (var form in root.Descendants("form"))
                foreach (var name in NewerFormAttributes) form.Attribute(name)?.Remove();
            foreach (var ordinal in root.Descendants().Attributes("ordinalvalue").ToList()) ordinal.Remove();
            return copy;
        }
    }
}
