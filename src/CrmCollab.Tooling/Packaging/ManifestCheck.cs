using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// solution.xml has no published schema: this checks its structure by hand — the SolutionManifest child
    /// order, the identity against pac.config, the version format, and that RootComponents name every
    /// component of the solution (and nothing else) with a known component type.
    /// </summary>
    public static class ManifestCheck
    {
        public static readonly IReadOnlyList<string> ChildOrder = new[]
        {
            "UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher", "RootComponents", "MissingDependencies",
        };

        private static readonly string[] RootAttributes = { "version", "SolutionPackageVersion", "languagecode", "generatedBy" };

        /// <summary>Component types this packer reads and checks: entity, option set, role, view, chart, form (and
        /// dashboard), site map, web resource, model-driven app, plugin assembly, step, environment variable
        /// definition. Any other type is carried through unchecked (a maker's export may hold more).</summary>
        public static readonly IReadOnlyDictionary<int, string> ComponentTypes = new Dictionary<int, string>
        {
            [1] = "Entity", [9] = "OptionSet", [20] = "Role", [26] = "SavedQuery", [59] = "SavedQueryVisualization",
            [60] = "SystemForm", [61] = "WebResource", [62] = "SiteMap", [80] = "AppModule", [91] = "PluginAssembly",
            [92] = "SdkMessageProcessingStep", [380] = "EnvironmentVariableDefinition",
        };

        /// <param name="managed">the expected &lt;Managed&gt; (0 in the folder), or null for either 0 or 1 (a zip).</param>
        public static List<string> Check(XDocument doc, PacConfig config, string file, int? managed)
        {
            var errors = new List<string>();
            void Fail(string problem) => errors.Add($"{file}: {problem}");

            var root = doc.Root;
            if (root?.Name.LocalName != "ImportExportXml") { Fail("root element must be <ImportExportXml>"); return errors; }
            foreach (var attribute in RootAttributes.Where(a => root.Attribute(a) == null))
                Fail($"<ImportExportXml> lacks the {attribute} attribute");
            if ((string)root.Attribute("languagecode") is string lc && lc != config.Solution.LanguageCode.ToString())
                Fail($"languagecode {lc} differs from pac.config solution.languageCode {config.Solution.LanguageCode}");
            var manifest = root.Element("SolutionManifest");
            if (manifest == null) { Fail("<ImportExportXml> lacks <SolutionManifest>"); return errors; }

            var children = manifest.Elements().Select(e => e.Name.LocalName).ToList();
            if (!children.SequenceEqual(ChildOrder))
                Fail($"<SolutionManifest> children must be {string.Join(", ", ChildOrder)} in this order; found {string.Join(", ", children)}");

            Same(Fail, "UniqueName", XmlFiles.Text(manifest, "UniqueName"), config.Solution.UniqueName, "solution.uniqueName");
            Same(Fail, "LocalizedName", Label(manifest, "LocalizedNames", "LocalizedName"), config.Solution.DisplayName, "solution.displayName");
            Same(Fail, "Description", Label(manifest, "Descriptions", "Description"), config.Solution.Description, "solution.description");
            var version = XmlFiles.Text(manifest, "Version");
            if (version == null || !Regex.IsMatch(version, @"^\d+\.\d+\.\d+\.\d+$"))
                Fail($"Version '{version}' must have four numeric parts, e.g. 1.0.0.0");
            Same(Fail, "Version", version, config.Solution.Version, "solution.version");
            var flag = XmlFiles.Text(manifest, "Managed");
            if (managed.HasValue ? flag != managed.Value.ToString() : flag != "0" && flag != "1")
                Fail($"Managed is '{flag}', expected {(managed.HasValue ? managed.Value.ToString() : "0 or 1")}");

            var publisher = manifest.Element("Publisher");
            if (publisher == null) Fail("<SolutionManifest> lacks <Publisher>");
            else
            {
                Same(Fail, "Publisher UniqueName", XmlFiles.Text(publisher, "UniqueName"), config.Publisher.UniqueName, "publisher.uniqueName");
                Same(Fail, "Publisher LocalizedName", Label(publisher, "LocalizedNames", "LocalizedName"), config.Publisher.DisplayName, "publisher.displayName");
                Same(Fail, "Publisher Description", Label(publisher, "Descriptions", "Description"), config.Publisher.Description, "publisher.description");
                Same(Fail, "CustomizationPrefix", XmlFiles.Text(publisher, "CustomizationPrefix"), config.Publisher.CustomizationPrefix, "publisher.customizationPrefix");
                Same(Fail, "CustomizationOptionValuePrefix", XmlFiles.Text(publisher, "CustomizationOptionValuePrefix"),
                    config.Publisher.CustomizationOptionValuePrefix.ToString(), "publisher.customizationOptionValuePrefix");
            }

            foreach (var component in manifest.Element("RootComponents")?.Elements() ?? Enumerable.Empty<XElement>())
            {
                var type = (string)component.Attribute("type");
                if (component.Name.LocalName != "RootComponent") Fail($"<RootComponents> holds <{component.Name.LocalName}>");
                else if (!int.TryParse(type, out _))
                    Fail($"RootComponent type '{type}' is not a component type number");
                else if (component.Attribute("schemaName") == null && component.Attribute("id") == null)
                    Fail($"RootComponent of type {type} has neither schemaName nor id");
                if (!new[] { "0", "1", "2" }.Contains((string)component.Attribute("behavior")))
                    Fail($"RootComponent {Key(component)} has behavior '{(string)component.Attribute("behavior")}', expected 0, 1 or 2");
            }
            return errors;
        }

        /// <summary>Every component of the folder has a RootComponent, and every RootComponent a component.</summary>
        public static List<string> RootComponents(SolutionFolder folder, string file = "Other/Solution.xml")
        {
            var expected = new List<(int Type, string Key, string Source)>();
            var optional = new List<(int Type, string Key)>();
            foreach (var e in folder.Entities)
                expected.Add((1, XmlFiles.Text(e.Entity.Root, "Name")?.ToLowerInvariant(), e.Entity.Path));
            foreach (var o in folder.OptionSets) expected.Add((9, XmlFiles.Attr(o.Root, "Name"), o.Path));
            foreach (var r in folder.Roles) expected.Add((20, Id(XmlFiles.Attr(r.Root, "id")), r.Path));
            foreach (var w in folder.WebResources) expected.Add((61, w.Name, w.Data.Path));
            foreach (var a in folder.Assemblies) expected.Add((91, Id(CustomizationsWriter.AssemblyId(a)?.ToString()), a.Path));
            foreach (var s in folder.Steps) expected.Add((92, Id(XmlFiles.Attr(s.Root, "SdkMessageProcessingStepId")), s.Path));
            var errors = new List<string>();
            foreach (var v in folder.EnvironmentVariables.Where(v => v.Path.EndsWith("/environmentvariabledefinition.xml", StringComparison.Ordinal)))
            {
                // The package creates the variable under its schemaname; exports name its folder after it.
                var folderName = v.Path.Split('/')[1];
                string schemaName;
                try { schemaName = XmlFiles.Attr(XmlFiles.Parse(v.Bytes, v.Path).Root, "schemaname"); }
                catch (PackagingException e) { errors.Add(e.Message); continue; }
                if (schemaName != folderName)
                    errors.Add($"{v.Path}: schemaname '{schemaName}' differs from its folder '{folderName}' (an export names the folder after the variable)");
                expected.Add((380, schemaName ?? folderName, v.Path));
            }
            foreach (var d in folder.Dashboards) expected.Add((60, Id(XmlFiles.Text(d.Root, "FormId")), d.Path));
            foreach (var a in folder.AppModules) expected.Add((80, XmlFiles.Text(a.Root, "UniqueName"), a.Path));
            foreach (var m in folder.SiteMaps) expected.Add((62, XmlFiles.Text(m.Root, "SiteMapUniqueName"), m.Path));
            var listedTables = TableBehaviours(folder);
            foreach (var e in folder.Entities)
            {
                // A table listed with all its subcomponents (behavior 0) carries its forms, views and charts; one
                // listed without them (behavior 1 or 2, a system table) must list each one it ships.
                var name = XmlFiles.Text(e.Entity.Root, "Name")?.ToLowerInvariant();
                var whole = listedTables.TryGetValue(name ?? "", out var behavior) && behavior == "0";
                foreach (var (type, key, source) in SubComponents(e))
                    if (!whole) expected.Add((type, key, source));
                    else optional.Add((type, key));
            }

            var listed = folder.Manifest.Root.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent")
                .Select(c => (Type: int.TryParse((string)c.Attribute("type"), out var t) ? t : -1, Element: c)).ToList()
                ?? new List<(int, XElement)>();

            foreach (var (type, key, source) in expected)
                if (!listed.Any(l => l.Type == type && Matches(l.Element, type, key)))
                    errors.Add($"{file}: RootComponents lacks type {type} ({ComponentTypes[type]}) '{key}' defined in {source}");
            foreach (var (type, element) in listed.Where(l => ComponentTypes.ContainsKey(l.Type)))
                if (!expected.Any(x => x.Type == type && Matches(element, type, x.Key)) && !optional.Any(x => x.Type == type && Matches(element, type, x.Key)))
                    errors.Add($"{file}: RootComponent {Key(element)} names no component of the solution");
            return errors;
        }

        private static IEnumerable<(int Type, string Key, string Source)> SubComponents(EntityPart e)
        {
            foreach (var (_, form) in e.Forms)
                foreach (var f in form.Root.Elements("systemform")) yield return (60, Id(XmlFiles.Text(f, "formid")), form.Path);
            foreach (var view in e.Views)
                foreach (var v in view.Root.Elements("savedquery")) yield return (26, Id(XmlFiles.Text(v, "savedqueryid")), view.Path);
            foreach (var chart in e.Charts) yield return (59, Id(XmlFiles.Text(chart.Root, "savedqueryvisualizationid")), chart.Path);
        }

        /// <summary>The behavior of each table's RootComponent (0 = with all subcomponents).</summary>
        internal static Dictionary<string, string> TableBehaviours(SolutionFolder folder) =>
            (folder.Manifest.Root.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent") ?? Enumerable.Empty<XElement>())
                .Where(c => (string)c.Attribute("type") == "1" && c.Attribute("schemaName") != null)
                .GroupBy(c => ((string)c.Attribute("schemaName")).ToLowerInvariant())
                .ToDictionary(g => g.Key, g => (string)g.First().Attribute("behavior") ?? "0", StringComparer.Ordinal);

        private static bool Matches(XElement component, int type, string key)
        {
            var schemaName = (string)component.Attribute("schemaName");
            var id = (string)component.Attribute("id");
            if (id != null) return string.Equals(Id(id), key, StringComparison.OrdinalIgnoreCase);
            if (type == 91) return false; // assemblies are listed by id here
            return string.Equals(schemaName, key, type == 1 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        private static string Id(string text) => PackagingNames.ParseGuid(text)?.ToString("D");

        private static string Key(XElement c) =>
            $"type {(string)c.Attribute("type")} {(string)c.Attribute("schemaName") ?? (string)c.Attribute("id")}";

        private static string Label(XElement parent, string list, string item) =>
            XmlFiles.Attr(parent.Element(list)?.Element(item), "description");

        private static void Same(Action<string> fail, string what, string actual, string expected, string setting)
        {
            if (!string.Equals(actual ?? "", expected ?? "", StringComparison.Ordinal))
                fail($"{what} '{actual}' differs from pac.config {setting} '{expected}'");
        }
    }
}
