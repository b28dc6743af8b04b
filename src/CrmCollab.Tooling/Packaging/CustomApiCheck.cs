using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling.Assemblies;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// customapis/: each API read by the engine's own reader (so validate refuses what the loader refuses, one line per
    /// API), and its plug-in type a public IPlugin of the built DLL, not a workflow activity. Microsoft publishes no
    /// schema for these files (none in the SDK's schemas), so the rules are those of "Create a custom API with solution files".
    /// </summary>
    public static class CustomApiCheck
    {
        public static List<string> Check(SolutionFolder folder, BuiltAssembly dll, MetadataCatalog catalog)
        {
            var errors = new List<string>();
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (dir, api, error) in Read(folder, catalog))
            {
                if (error != null) { errors.Add(error); continue; }
                var file = $"{CustomApiReader.Folder}/{api.UniqueName}/customapi.xml";
                if (names.TryGetValue(api.UniqueName, out var first))
                    errors.Add($"{file}: custom API '{api.UniqueName}' is defined twice (also {first}; message names ignore case)");
                else names[api.UniqueName] = file;
                if (dll == null || api.PluginTypeName == null) continue;
                if (dll.WorkflowActivityTypes.Contains(api.PluginTypeName))
                    errors.Add($"{file}: plug-in type '{api.PluginTypeName}' is a CodeActivity of {dll.Identity.Name}.dll: a custom API runs an IPlugin type");
                else if (!dll.PluginTypes.Contains(api.PluginTypeName))
                    errors.Add($"{file}: plug-in type '{api.PluginTypeName}' is not a public IPlugin of {dll.Identity.Name}.dll (build it, or give the plugintypeid of one)");
            }
            return errors;
        }

        /// <summary>The plug-in types the folder's custom APIs run (by their plugintypeid), whatever else is wrong with them.</summary>
        public static HashSet<string> PluginTypeNames(SolutionFolder folder)
        {
            var types = RegisteredTypes(folder);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var api in folder.CustomApis.Where(f => f.Path.EndsWith("/customapi.xml", StringComparison.Ordinal)))
            {
                try
                {
                    var id = XDocument.Load(new MemoryStream(api.Bytes)).Root?.Element("plugintypeid")?.Element("plugintypeid")?.Value;
                    if (Guid.TryParse(id?.Trim(), out var guid) && types.TryGetValue(guid, out var type)) names.Add(type.Name);
                }
                catch (System.Xml.XmlException)
                {
                    // refused by Check
                }
            }
            return names;
        }

        private static IEnumerable<(string Dir, CustomApiDefinition Api, string Error)> Read(SolutionFolder folder, MetadataCatalog catalog)
        {
            var root = Path.Combine(folder.Root, CustomApiReader.Folder);
            if (!Directory.Exists(root)) yield break;
            var publisher = folder.Manifest.Root.Element("SolutionManifest")?.Element("Publisher");
            var prefix = publisher == null ? null : XmlFiles.Text(publisher, "CustomizationPrefix");
            var types = RegisteredTypes(folder);
            Func<string, string> tableName = catalog == null ? null : name => catalog.Table(name.ToLowerInvariant()) != null ? name.ToLowerInvariant() : null;
            var dirs = Directory.GetDirectories(root);
            Array.Sort(dirs, StringComparer.Ordinal);
            foreach (var dir in dirs)
            {
                CustomApiDefinition api = null;
                string error = null;
                try
                {
                    api = CustomApiReader.Read(folder.Root, dir, prefix, types, tableName);
                }
                catch (SolutionLoadException e)
                {
                    error = e.Message;
                }
                yield return (dir, api, error);
            }
        }

        /// <summary>The PluginTypes of the folder's assembly data xml, by PluginTypeId.</summary>
        private static Dictionary<Guid, RegisteredPluginType> RegisteredTypes(SolutionFolder folder)
        {
            var types = new Dictionary<Guid, RegisteredPluginType>();
            foreach (var asm in folder.Assemblies)
                foreach (var type in asm.Root.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
                {
                    var name = XmlFiles.Attr(type, "Name") ?? ((string)type.Attribute("AssemblyQualifiedName"))?.Split(',')[0].Trim();
                    if (PackagingNames.ParseGuid((string)type.Attribute("PluginTypeId")) is Guid id && name != null)
                        types[id] = new RegisteredPluginType(name, type.Element("WorkflowActivityGroupName") != null);
                }
            return types;
        }
    }
}
