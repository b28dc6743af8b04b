using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Registration
{
    /// <summary>What <see cref="ProcessFlowSteps.Add"/> wrote.</summary>
    public sealed class ProcessFlowStepsResult
    {
        public List<string> Written { get; } = new List<string>();
        public List<string> Unchanged { get; } = new List<string>();
    }

    /// <summary>
    /// Covers a business process flow an administrator adds on opportunity (its own table, its own deal lookup,
    /// normally bpf_opportunityid): every CrmCollab step registered on the out-of-box Opportunity Sales Process table
    /// is written again for the new table, with the deal lookup renamed in filtering attributes and images, ids
    /// derived from the table name (running it twice writes the same files), and the steps added to the solution's
    /// root components. Then `pack` ships them like the others.
    /// </summary>
    public static class ProcessFlowSteps
    {
        public const string Template = "opportunitysalesprocess", TemplateLookup = "opportunityid", DefaultLookup = "bpf_opportunityid";

        private static readonly Regex LogicalName = new Regex("^[a-z][a-z0-9_]{1,63}$", RegexOptions.CultureInvariant);

        /// <exception cref="ArgumentException">A sentence an administrator can act on.</exception>
        public static ProcessFlowStepsResult Add(string solutionFolder, string table, string lookup = DefaultLookup)
        {
            table = (table ?? "").Trim().ToLowerInvariant();
            lookup = string.IsNullOrWhiteSpace(lookup) ? DefaultLookup : lookup.Trim().ToLowerInvariant();
            if (!LogicalName.IsMatch(table))
                throw new ArgumentException($"'{table}' is not a table's logical name: use the business process flow's table name as Dataverse shows it (for example new_customsalesprocess).");
            if (!LogicalName.IsMatch(lookup))
                throw new ArgumentException($"'{lookup}' is not a column's logical name: use the flow table's lookup to the opportunity (usually bpf_opportunityid).");
            // The plug-ins read the deal of a flow an administrator made from bpf_opportunityid, the lookup Dataverse
            // gives every such flow on the opportunity: steps renamed to another column would find no deal and hold nothing.
            if (lookup != DefaultLookup)
                throw new ArgumentException($"CrmCollab reads the deal of a business process flow made on the opportunity from {DefaultLookup}, the lookup " +
                    $"Dataverse creates on every such flow table; '{lookup}' would leave the flow's stage moves unchecked. Leave --lookup out (or give {DefaultLookup}).");
            if (table == Template || table == "leadtoopportunitysalesprocess")
                throw new ArgumentException($"{table} is an out-of-box flow: CrmCollab already ships its steps.");
            string steps = Path.Combine(solutionFolder, "SdkMessageProcessingSteps");
            string manifest = Path.Combine(solutionFolder, "Other", "Solution.xml");
            if (!Directory.Exists(steps) || !File.Exists(manifest))
                throw new ArgumentException($"{solutionFolder} is not an unpacked CrmCollab solution (no SdkMessageProcessingSteps/ or Other/Solution.xml).");

            // A table the solution ships (account, opportunity, ours) without the flow's deal lookup is no flow table: steps
            // copied onto it would name a column it lacks, and the solution would no longer validate or load.
            string shipped = Directory.Exists(Path.Combine(solutionFolder, "Entities"))
                ? Directory.GetDirectories(Path.Combine(solutionFolder, "Entities")).FirstOrDefault(d => string.Equals(Path.GetFileName(d), table, StringComparison.OrdinalIgnoreCase))
                : null;
            if (shipped != null && !(File.Exists(Path.Combine(shipped, "Entity.xml")) && File.ReadAllText(Path.Combine(shipped, "Entity.xml")).Contains(">" + lookup + "<")))
                throw new ArgumentException($"{table} is a table this solution ships, not a business process flow (it has no {lookup}): give the flow's own table, " +
                                            "as Dataverse shows it under Processes (for example new_customsalesprocess).");
            // Everything is read and checked before anything is written: a broken file changes nothing in the folder.
            var templates = Directory.GetFiles(steps, "*.xml").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => Load(f, solutionFolder))
                .Where(d => (string)d.Root.Element("PrimaryEntity") == Template).ToList();
            if (templates.Count == 0)
                throw new ArgumentException($"No step is registered on {Template} in {solutionFolder}: nothing to copy for {table}.");
            XDocument manifestDoc = Load(manifest, solutionFolder);
            if (manifestDoc.Descendants("RootComponents").Count() != 1 || manifestDoc.Descendants("SolutionManifest").Count() != 1)
                throw new InvalidDataException($"{Path.Combine("Other", "Solution.xml")} in {solutionFolder} has no single SolutionManifest with RootComponents: restore it, then run bpf add again.");

            var result = new ProcessFlowStepsResult();
            var ids = new List<Guid>();
            var writes = new List<KeyValuePair<string, string>>();
            foreach (XDocument template in templates)
            {
                XDocument copy = Copy(template, table, lookup);
                Guid id = Guid.Parse((string)copy.Root.Attribute("SdkMessageProcessingStepId"));
                ids.Add(id);
                string path = Path.Combine(steps, "{" + id + "}.xml");
                string text = Serialize(copy);
                if (File.Exists(path) && File.ReadAllText(path) == text) result.Unchanged.Add(path);
                else
                {
                    writes.Add(new KeyValuePair<string, string>(path, text));
                    result.Written.Add(path);
                }
            }
            bool rootsChanged = AddRootComponents(manifestDoc, ids);
            if (AddDependencies(manifestDoc, table, ids) || rootsChanged) writes.Add(new KeyValuePair<string, string>(manifest, Serialize(manifestDoc)));
            // Every step with its root component and dependency, or none: a step without them fails validation.
            StagedFiles.Write(writes.Select(w => new KeyValuePair<string, byte[]>(w.Key, Utf8.GetBytes(w.Value))).ToList());
            return result;
        }

        /// <summary>A solution file, or a sentence naming it when it is not well-formed XML.</summary>
        private static XDocument Load(string path, string solutionFolder)
        {
            try
            {
                return XDocument.Load(path, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvalidDataException($"{Path.GetRelativePath(solutionFolder, path)} in {solutionFolder} is not well-formed XML (line {e.LineNumber}): " +
                                               "restore it (from source control or an unpack), then run bpf add again; nothing was written.");
            }
        }

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private static XDocument Copy(XDocument template, string table, string lookup)
        {
            var copy = new XDocument(template);
            XElement step = copy.Root;
            string name = ((string)step.Attribute("Name")).Replace(" of " + Template, " of " + table);
            step.SetAttributeValue("Name", name);
            step.SetAttributeValue("SdkMessageProcessingStepId", "{" + StableId("step:" + name + ":" + (string)step.Element("Stage")) + "}");
            step.Element("PrimaryEntity").Value = table;
            XElement filtering = step.Element("FilteringAttributes");
            if (filtering != null) filtering.Value = Rename(filtering.Value, lookup);
            foreach (XElement image in step.Descendants("SdkMessageProcessingStepImage"))
            {
                image.Element("Attributes").Value = Rename(image.Element("Attributes").Value, lookup);
                image.Element("SdkMessageProcessingStepImageId").Value =
                    "{" + StableId("image:" + name + ":" + (string)image.Element("EntityAlias")) + "}";
            }
            return copy;
        }

        private static string Rename(string columns, string lookup) =>
            string.Join(",", columns.Split(',').Select(c => c.Trim() == TemplateLookup ? lookup : c.Trim()));

        private static bool AddRootComponents(XDocument doc, IEnumerable<Guid> ids)
        {
            XElement roots = doc.Descendants("RootComponents").Single();
            var present = new HashSet<string>(roots.Elements("RootComponent").Select(r => ((string)r.Attribute("id") ?? "").ToLowerInvariant()));
            XElement last = roots.Elements("RootComponent").LastOrDefault(r => (string)r.Attribute("type") == "92") ?? roots.Elements().Last();
            bool changed = false;
            foreach (Guid id in ids)
            {
                string text = "{" + id + "}";
                if (present.Contains(text)) continue;
                var component = new XElement("RootComponent", new XAttribute("type", "92"), new XAttribute("id", text), new XAttribute("behavior", "0"));
                last.AddAfterSelf(component);
                last.AddAfterSelf(new XText(Indent(last)));
                last = component;
                changed = true;
            }
            return changed;
        }

        /// <summary>
        /// The flow's table belongs to the administrator's own solution, not to ours: the manifest declares it as a
        /// missing dependency of each copied step (as an export does), so the import checks the table exists first.
        /// </summary>
        private static bool AddDependencies(XDocument doc, string table, IEnumerable<Guid> ids)
        {
            XElement solutionManifest = doc.Descendants("SolutionManifest").Single();
            XElement missing = solutionManifest.Element("MissingDependencies");
            if (missing == null) solutionManifest.Add(missing = new XElement("MissingDependencies"));
            var present = new HashSet<string>(missing.Elements("MissingDependency")
                .Select(d => ((string)d.Element("Dependent")?.Attribute("id") ?? "").ToLowerInvariant()));
            bool changed = false;
            foreach (Guid id in ids)
            {
                string text = "{" + id + "}";
                if (present.Contains(text)) continue;
                missing.Add(new XElement("MissingDependency",
                    new XElement("Required", new XAttribute("type", "1"), new XAttribute("schemaName", table), new XAttribute("solution", "Active")),
                    new XElement("Dependent", new XAttribute("type", "92"), new XAttribute("id", text))));
                changed = true;
            }
            return changed;
        }

        /// <summary>The tables a solution folder's manifest declares it depends on without shipping them.</summary>
        public static ISet<string> DependencyTables(XDocument manifest) =>
            new HashSet<string>(manifest.Descendants("MissingDependency").Select(d => d.Element("Required"))
                .Where(r => r != null && (string)r.Attribute("type") == "1")
                .Select(r => ((string)r.Attribute("schemaName") ?? "").ToLowerInvariant()), StringComparer.Ordinal);

        private static string Indent(XElement element) =>
            element.PreviousNode is XText text && text.Value.Contains("\n") ? text.Value : "\n      ";

        private static string Serialize(XDocument doc) =>
            doc.Declaration + (doc.Declaration != null ? "\n" : "") + doc.Root.ToString(SaveOptions.DisableFormatting) + "\n";

        /// <summary>The same id in every run for the same name (MD5 of the name), so the command is repeatable.</summary>
        public static Guid StableId(string name)
        {
            using (var md5 = MD5.Create()) return new Guid(md5.ComputeHash(Encoding.UTF8.GetBytes(name)));
        }
    }
}
