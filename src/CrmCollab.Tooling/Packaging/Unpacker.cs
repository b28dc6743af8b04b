using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Turns an exported solution zip back into the folder layout (the inverse of <see cref="SolutionPacker"/>):
    /// each entity, view, role, relationship group, choice, assembly, step and web resource in its own file.
    /// The plugin DLL is written next to its data xml, as SolutionPackager does.
    /// </summary>
    public static class Unpacker
    {
        /// <summary>Sections whose items are split into files; what remains is written as Other/Customizations.xml.</summary>
        private static readonly string[] EmptiedAsOpenClose = { "Entities", "Roles" };

        public static void Unpack(byte[] archive, string target)
        {
            List<KeyValuePair<string, byte[]>> entries;
            try
            {
                entries = DeterministicZip.Read(archive);
            }
            catch (InvalidDataException e)
            {
                throw new PackagingException(e.Message);
            }
            var parts = entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            byte[] Part(string name) => parts.TryGetValue(name, out var bytes) ? bytes
                : throw new PackagingException($"{name}: missing from the package");

            var manifest = XmlFiles.Parse(Part(PackagingNames.SolutionXml), PackagingNames.SolutionXml);
            XmlFiles.Write(Path.Combine(target, "Other", "Solution.xml"), manifest);

            var customizations = XmlFiles.Parse(Part(PackagingNames.CustomizationsXml), PackagingNames.CustomizationsXml);
            var root = customizations.Root;
            var used = new HashSet<string>(StringComparer.Ordinal) { PackagingNames.SolutionXml, PackagingNames.CustomizationsXml, PackagingNames.ContentTypesXml };

            foreach (var entity in Items(root, "Entities", "Entity"))
                WriteEntity(entity, target);
            foreach (var role in Items(root, "Roles", "Role"))
                Write(target, $"Roles/{Required(role.Attribute("name")?.Value, "Role name")}.xml", role);
            WriteRelationships(Items(root, "EntityRelationships", "EntityRelationship").ToList(), target);
            foreach (var set in Items(root, "optionsets", "optionset"))
                Write(target, $"OptionSets/{Required(set.Attribute("Name")?.Value, "optionset Name")}.xml", set);
            foreach (var asm in Items(root, "SolutionPluginAssemblies", "PluginAssembly"))
                WriteAssembly(asm, target, parts, used);
            foreach (var step in Items(root, "SdkMessageProcessingSteps", "SdkMessageProcessingStep"))
                Write(target, $"SdkMessageProcessingSteps/{Required(step.Attribute("SdkMessageProcessingStepId")?.Value, "SdkMessageProcessingStepId")}.xml", step);
            foreach (var resource in Items(root, "WebResources", "WebResource"))
                WriteWebResource(resource, target, parts, used);
            foreach (var dashboard in Items(root, "Dashboards", "Dashboard"))
                Write(target, $"Dashboards/{Required(XmlFiles.Text(dashboard, "FormId"), "Dashboard FormId")}.xml", dashboard);
            foreach (var siteMap in Items(root, "AppModuleSiteMaps", "AppModuleSiteMap"))
                Write(target, $"AppModuleSiteMaps/{Required(XmlFiles.Text(siteMap, "SiteMapUniqueName"), "SiteMapUniqueName")}/AppModuleSiteMap.xml", siteMap);
            foreach (var app in Items(root, "AppModules", "AppModule"))
                Write(target, $"AppModules/{Required(XmlFiles.Text(app, "UniqueName"), "AppModule UniqueName")}/AppModule.xml", app);

            foreach (var name in new[] { "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "WebResources" })
                root.Element(name)?.Remove();
            foreach (var name in new[] { "Dashboards", "AppModuleSiteMaps", "AppModules" })
                root.Element(name)?.RemoveNodes(); // left as <AppModules />, as SolutionPackager leaves them
            foreach (var name in new[] { "Entities", "Roles", "EntityRelationships", "optionsets" })
            {
                var section = root.Element(name);
                if (section == null) continue;
                section.RemoveNodes();
                if (EmptiedAsOpenClose.Contains(name)) section.Value = ""; // <Entities></Entities>, as SolutionPackager leaves it
            }
            XmlFiles.Write(Path.Combine(target, "Other", "Customizations.xml"), customizations);

            foreach (var (name, bytes) in entries.Where(e => !used.Contains(e.Key)))
            {
                var path = Inside(target, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                File.WriteAllBytes(path, bytes); // environment variables, custom APIs and anything else, as they are
            }
        }

        private static IEnumerable<XElement> Items(XElement root, string section, string item) =>
            root.Element(section)?.Elements(item).ToList() ?? new List<XElement>();

        private static string Required(string value, string what) =>
            string.IsNullOrWhiteSpace(value) ? throw new PackagingException($"{PackagingNames.CustomizationsXml}: an item lacks its {what}") : value.Trim();

        private static void Write(string target, string relative, XElement element) =>
            XmlFiles.Write(Inside(target, relative), XmlFiles.AsFileRoot(element));

        /// <summary>Where a part goes. Part names and the item names that make file names come from the package, so a
        /// name that would land outside the target ("../", a rooted path) is refused rather than written.</summary>
        private static string Inside(string target, string relative)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new PackagingException($"{relative}: part escapes the target folder");
            return path;
        }

        private static void WriteEntity(XElement entity, string target)
        {
            var copy = XmlFiles.Detached(entity);
            var name = Required(copy.Element("Name")?.Value, "Entity Name");
            var saved = copy.Element("SavedQueries");
            saved?.Remove();
            var charts = copy.Element("Visualizations");
            charts?.Remove();
            var forms = copy.Element("FormXml")?.Elements("forms").ToList() ?? new List<XElement>();
            copy.Element("FormXml")?.RemoveNodes(); // Entity.xml keeps an empty <FormXml />
            foreach (var group in forms)
                foreach (var form in group.Elements("systemform"))
                {
                    var type = Required((string)group.Attribute("type"), "forms type");
                    var id = Required(form.Element("formid")?.Value, "formid");
                    Write(target, $"Entities/{name}/FormXml/{type}/{id}.xml", new XElement("forms", XmlFiles.Detached(form)));
                }
            Write(target, $"Entities/{name}/Entity.xml", copy);
            foreach (var view in saved?.Elements("savedqueries").Elements("savedquery") ?? Enumerable.Empty<XElement>())
            {
                var id = Required(view.Element("savedqueryid")?.Value, "savedqueryid");
                Write(target, $"Entities/{name}/SavedQueries/{id}.xml", new XElement("savedqueries", XmlFiles.Detached(view)));
            }
            foreach (var chart in charts?.Elements("visualization") ?? Enumerable.Empty<XElement>())
                Write(target, $"Entities/{name}/Visualizations/{Required(XmlFiles.Text(chart, "savedqueryvisualizationid"), "savedqueryvisualizationid")}.xml", chart);
        }

        /// <summary>Other/Relationships/&lt;referenced table&gt;.xml per group, and the Other/Relationships.xml index.</summary>
        private static void WriteRelationships(List<XElement> relationships, string target)
        {
            foreach (var group in relationships.GroupBy(r => XmlFiles.Text(r, "ReferencedEntityName") ?? XmlFiles.Text(r, "FirstEntityName") ?? "Other"))
                Write(target, $"Other/Relationships/{group.Key}.xml", new XElement("EntityRelationships", group.Select(XmlFiles.Detached)));
            var index = relationships.Select(r => (string)r.Attribute("Name")).Where(n => n != null)
                .OrderBy(n => n, StringComparer.Ordinal).Select(n => new XElement("EntityRelationship", new XAttribute("Name", n)));
            Write(target, "Other/Relationships.xml", new XElement("EntityRelationships", index));
        }

        private static void WriteAssembly(XElement asm, string target, Dictionary<string, byte[]> parts, HashSet<string> used)
        {
            var copy = XmlFiles.Detached(asm);
            var name = PackagingNames.SimpleName(Required((string)copy.Attribute("FullName"), "PluginAssembly FullName"));
            var fileName = XmlFiles.Text(copy, "FileName")?.TrimStart('/');
            var folderInZip = fileName == null ? "" : fileName.Substring(0, Math.Max(0, fileName.LastIndexOf('/')));
            var id = PackagingNames.ParseGuid((string)copy.Attribute("PluginAssemblyId"))
                     ?? (folderInZip.Length >= 36 ? PackagingNames.ParseGuid(folderInZip.Substring(folderInZip.Length - 36)) : null)
                     ?? throw new PackagingException($"{PackagingNames.CustomizationsXml}: assembly '{name}' has no id");
            var folder = PackagingNames.AssemblySourceFolder(name, id);
            if (copy.Element("FileName") != null) copy.Element("FileName").Value = $"/{folder}/{name}.dll";
            Write(target, $"{folder}/{name}.dll.data.xml", copy);
            if (fileName != null && parts.TryGetValue(fileName, out var dll))
            {
                File.WriteAllBytes(Inside(target, $"{folder}/{name}.dll"), dll);
                used.Add(fileName);
            }
        }

        private static void WriteWebResource(XElement resource, string target, Dictionary<string, byte[]> parts, HashSet<string> used)
        {
            var name = Required(XmlFiles.Text(resource, "Name"), "WebResource Name");
            var fileName = XmlFiles.Text(resource, "FileName")?.TrimStart('/');
            var copy = XmlFiles.Detached(resource);
            if (copy.Element("FileName") != null) copy.Element("FileName").Value = "/WebResources/" + name; // where the folder keeps it
            Write(target, $"WebResources/{name}.data.xml", copy);
            if (fileName == null || !parts.TryGetValue(fileName, out var content))
                throw new PackagingException($"{PackagingNames.CustomizationsXml}: web resource '{name}' names part '{fileName}', which the package lacks");
            var path = Inside(target, "WebResources/" + name);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllBytes(path, content);
            used.Add(fileName);
        }
    }
}
