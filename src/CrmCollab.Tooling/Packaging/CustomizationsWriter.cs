using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>The identity of the built plugin DLL, written into the registration (never hard-coded).</summary>
    public sealed class AssemblyIdentity
    {
        public AssemblyIdentity(string name, string fullName, string version)
        {
            Name = name;
            FullName = fullName;
            Version = version;
        }

        public string Name { get; }
        /// <summary>"CrmCollab.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=534ad6c2c2602fb2".</summary>
        public string FullName { get; }
        public string Version { get; }

        public static AssemblyIdentity Of(Assemblies.BuiltAssembly dll) =>
            new AssemblyIdentity(dll.Identity.Name, dll.Identity.FullName, dll.Identity.Version.ToString());
    }

    /// <summary>
    /// Packs the split files of a solution folder into one customizations.xml, as SolutionPackager does, in the
    /// order of Microsoft's CustomizationsSolution.xsd.
    /// </summary>
    public static class CustomizationsWriter
    {
        /// <summary>Root sections in the XSD's sequence (ImportExportXml).</summary>
        public static readonly IReadOnlyList<string> SectionOrder = new[]
        {
            "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig",
            "RelationshipRoles", "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings",
            "optionsets", "Reports", "RoutingRules", "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas",
            "ChannelAccessProfiles", "ChannelAccessProfileRules", "Dashboards", "InteractionCentricDashboards", "Dialogs",
            "WebResources", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "ServiceEndpoints",
            "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources", "Languages",
            "GlobalSearchConfigurations", "StoredProcedures",
        };

        /// <summary>customizations.xml of a folder. With <paramref name="dll"/>, the assembly's FullName, its types'
        /// assembly-qualified names, workflow activity group names and the steps' PluginTypeName are taken from it.</summary>
        public static XDocument Assemble(SolutionFolder folder, AssemblyIdentity dll = null)
        {
            var doc = new XDocument(folder.Customizations);
            var root = doc.Root;

            foreach (var entity in folder.Entities)
                Section(root, "Entities").Add(EntityWithViews(entity));
            Fill(root, "Roles", folder.Roles.Select(r => XmlFiles.Detached(r.Root)));
            Fill(root, "EntityRelationships", folder.Relationships.SelectMany(f => f.Root.Elements("EntityRelationship")).Select(XmlFiles.Detached));
            Fill(root, "optionsets", folder.OptionSets.Select(o => XmlFiles.Detached(o.Root)));
            Fill(root, "Dashboards", folder.Dashboards.Select(d => XmlFiles.Detached(d.Root)));
            Fill(root, "WebResources", folder.WebResources.Select(WebResource));
            Fill(root, "SolutionPluginAssemblies", folder.Assemblies.Select(a => Assembly(a, dll)));
            Fill(root, "SdkMessageProcessingSteps", folder.Steps.Select(s => Step(s, dll)));
            Fill(root, "AppModuleSiteMaps", folder.SiteMaps.Select(m => XmlFiles.Detached(m.Root)));
            Fill(root, "AppModules", folder.AppModules.Select(a => XmlFiles.Detached(a.Root)));

            var ordered = root.Elements().OrderBy(e => Rank(e.Name.LocalName)).ToList(); // stable
            root.RemoveNodes();
            root.Add(ordered);
            return doc;
        }

        private static int Rank(string section)
        {
            int i = 0;
            foreach (var name in SectionOrder)
            {
                if (name == section) return i;
                i++;
            }
            return int.MaxValue;
        }

        private static XElement Section(XElement root, string name)
        {
            var section = root.Element(name);
            if (section == null)
            {
                section = new XElement(name);
                root.Add(section);
            }
            return section;
        }

        private static void Fill(XElement root, string name, IEnumerable<XElement> items)
        {
            var list = items.ToList();
            if (list.Count == 0) return; // absent sections stay absent, as in exports
            Section(root, name).Add(list);
        }

        /// <summary>Entity.xml plus its FormXml/&lt;type&gt;/{id}.xml files (one &lt;forms type="…"&gt; per type) and its
        /// SavedQueries/{id}.xml files, merged into one &lt;savedqueries&gt; block placed where exports put it (after FormXml).</summary>
        private static XElement EntityWithViews(EntityPart part)
        {
            var entity = XmlFiles.Detached(part.Entity.Root);
            if (part.Forms.Count > 0)
            {
                var formXml = entity.Element("FormXml");
                if (formXml == null)
                {
                    formXml = new XElement("FormXml");
                    (entity.Element("EntityInfo") ?? entity.Element("Name"))?.AddAfterSelf(formXml);
                    if (formXml.Parent == null) entity.Add(formXml);
                }
                foreach (var group in part.Forms.GroupBy(f => f.Type))
                    formXml.Add(new XElement("forms", new XAttribute("type", group.Key),
                        group.SelectMany(f => f.File.Root.Elements("systemform")).Select(XmlFiles.Detached)));
            }
            var views = part.Views.SelectMany(v => v.Root.Elements("savedquery")).Select(XmlFiles.Detached).ToList();
            if (views.Count > 0)
                After(entity, new XElement("SavedQueries", new XElement("savedqueries", views)), "FormXml", "EntityInfo", "Name");
            if (part.Charts.Count > 0)
                After(entity, new XElement("Visualizations", part.Charts.Select(c => XmlFiles.Detached(c.Root))), "SavedQueries", "FormXml", "EntityInfo", "Name");
            return entity;
        }

        /// <summary>Adds <paramref name="element"/> after the first of <paramref name="anchors"/> present, else last.</summary>
        private static void After(XElement parent, XElement element, params string[] anchors)
        {
            var anchor = anchors.Select(a => parent.Element(a)).FirstOrDefault(a => a != null);
            if (anchor != null) anchor.AddAfterSelf(element);
            else parent.Add(element);
        }

        private static XElement WebResource(WebResourcePart part)
        {
            var data = XmlFiles.Detached(part.Data.Root);
            var fileName = "/" + PackagingNames.WebResourceZipPath(part.Name, part.Id);
            var element = data.Element("FileName");
            if (element != null) element.Value = fileName;
            else data.Add(new XElement("FileName", fileName));
            return data;
        }

        private static XElement Assembly(SolutionFile file, AssemblyIdentity dll)
        {
            var asm = XmlFiles.Detached(file.Root);
            var name = PackagingNames.SimpleName((string)asm.Attribute("FullName"));
            var id = AssemblyId(file);
            var rewrite = dll != null && string.Equals(name, dll.Name, StringComparison.Ordinal);
            if (rewrite) asm.SetAttributeValue("FullName", dll.FullName);
            if (id.HasValue && name != null)
            {
                var fileName = asm.Element("FileName");
                var value = "/" + PackagingNames.AssemblyZipPath(name, id.Value);
                if (fileName != null) fileName.Value = value;
            }
            if (!rewrite) return asm;
            foreach (var type in asm.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
            {
                var typeName = ((string)type.Attribute("AssemblyQualifiedName"))?.Split(',')[0].Trim();
                if (typeName != null) type.SetAttributeValue("AssemblyQualifiedName", typeName + ", " + dll.FullName);
                var group = type.Element("WorkflowActivityGroupName");
                if (group != null) group.Value = $"{dll.Name} ({dll.Version})";
            }
            return asm;
        }

        /// <summary>The assembly's id: its PluginAssemblyId attribute, else the GUID ending its folder name.</summary>
        public static Guid? AssemblyId(SolutionFile file)
        {
            var id = PackagingNames.ParseGuid((string)file.Root.Attribute("PluginAssemblyId"));
            if (id.HasValue) return id;
            var folder = file.Path.Split('/').Reverse().Skip(1).FirstOrDefault() ?? "";
            return folder.Length >= 36 ? PackagingNames.ParseGuid(folder.Substring(folder.Length - 36)) : null;
        }

        private static XElement Step(SolutionFile file, AssemblyIdentity dll)
        {
            var step = XmlFiles.Detached(file.Root);
            var typeName = step.Element("PluginTypeName");
            if (dll != null && typeName != null)
            {
                var parts = typeName.Value.Split(new[] { ',' }, 2);
                if (parts.Length == 2 && PackagingNames.SimpleName(parts[1]) == dll.Name)
                    typeName.Value = parts[0].Trim() + ", " + dll.FullName;
            }
            return step;
        }
    }
}
