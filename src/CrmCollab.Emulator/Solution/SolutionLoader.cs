using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>Options the engine may pass alongside the solution folder.</summary>
    public sealed class SolutionLoadOptions
    {
        /// <summary>
        /// Optional JSON side file { "&lt;step id&gt;": "secure configuration" }. Solutions never carry secure
        /// configuration (it lives in sdkmessageprocessingstepsecureconfig, which is not exported).
        /// </summary>
        public string SecureConfigurationFile { get; set; }

        /// <summary>Secure configuration by step id, applied after the side file.</summary>
        public IDictionary<Guid, string> SecureConfigurations { get; } = new Dictionary<Guid, string>();

        /// <summary>
        /// Tables the target organisation already has outside this solution (an administrator's own business process
        /// flow, say), added to the catalog before the solution is read: what a solution's missing dependencies need.
        /// </summary>
        public Action<MetadataCatalog> OrganizationTables { get; set; }
    }

    /// <summary>
    /// Reads an unpacked solution folder (the layout of `pac solution unpack` / SolutionPackager) into a
    /// <see cref="SolutionDefinition"/> whose catalog holds the built-in tables merged with the solution's tables.
    /// </summary>
    public static class SolutionLoader
    {
        public static SolutionDefinition Load(string solutionFolder) => Load(solutionFolder, null);

        public static SolutionDefinition Load(string solutionFolder, SolutionLoadOptions options)
        {
            if (string.IsNullOrEmpty(solutionFolder)) throw new ArgumentNullException(nameof(solutionFolder));
            if (!Directory.Exists(solutionFolder))
                throw new SolutionLoadException(solutionFolder, "solution folder does not exist");

            var state = new LoadState(Path.GetFullPath(solutionFolder));
            BuiltInTables.AddTo(state.Catalog);
            options?.OrganizationTables?.Invoke(state.Catalog);

            ReadManifest(state);
            var customizations = state.Load("Other/Customizations.xml", "ImportExportXml", required: true);

            // Global choices first (columns refer to them), then tables, then the relationships that give
            // lookups their targets. Packed customizations.xml sections are honoured as well as split files.
            foreach (var (file, root) in state.LoadAll("OptionSets", "*.xml", "optionset"))
                OptionSetXmlReader.ReadGlobal(root, file, state);
            foreach (var os in Section(customizations, "optionsets", "optionset"))
                OptionSetXmlReader.ReadGlobal(os, state.CustomizationsFile, state);

            foreach (var dir in state.Directories("Entities"))
            {
                var file = Path.Combine(dir, "Entity.xml");
                if (!File.Exists(file))
                    throw new SolutionLoadException(state.Relative(dir), "entity folder has no Entity.xml");
                EntityXmlReader.Read(state.Load(state.Relative(file), "Entity", required: true), state.Relative(file), state);
            }
            foreach (var entity in Section(customizations, "Entities", "Entity"))
                EntityXmlReader.Read(entity, state.CustomizationsFile, state);

            RelationshipXmlReader.ReadAll(state, customizations);
            foreach (var tableName in state.SolutionTables.Keys)
                CurrencyColumns.Relate(state.Catalog, state.Catalog.Tables[tableName]); // the platform's, unless declared
            EntityXmlReader.CheckLookups(state);
            BuiltInTables.ResolveRelationships(state.Catalog);

            foreach (var (file, root) in state.LoadAll("PluginAssemblies", "*.dll.data.xml", "PluginAssembly", recursive: true))
                PluginAssemblyXmlReader.Read(root, file, state);
            foreach (var asm in Section(customizations, "SolutionPluginAssemblies", "PluginAssembly"))
                PluginAssemblyXmlReader.Read(asm, state.CustomizationsFile, state);

            foreach (var (file, root) in state.LoadAll("SdkMessageProcessingSteps", "*.xml", "SdkMessageProcessingStep"))
                StepXmlReader.Read(root, file, state);
            foreach (var step in Section(customizations, "SdkMessageProcessingSteps", "SdkMessageProcessingStep"))
                StepXmlReader.Read(step, state.CustomizationsFile, state);

            foreach (var (file, root) in state.LoadAll("Roles", "*.xml", "Role"))
                RoleXmlReader.Read(root, file, state);
            foreach (var role in Section(customizations, "Roles", "Role"))
                RoleXmlReader.Read(role, state.CustomizationsFile, state);

            EnvironmentVariableReader.ReadAll(state);
            CustomApiReader.ReadAll(state);
            ApplySecureConfiguration(state, options);
            return state.Definition;
        }

        private static IEnumerable<XElement> Section(XElement root, string section, string item) =>
            root.Element(section)?.Elements(item) ?? Enumerable.Empty<XElement>();

        private static void ReadManifest(LoadState state)
        {
            const string file = "Other/Solution.xml";
            var root = state.Load(file, "ImportExportXml", required: true);
            var manifest = root.Element("SolutionManifest")
                ?? throw SolutionXml.Fail(file, root, "<ImportExportXml> lacks <SolutionManifest>");
            var def = state.Definition;
            def.UniqueName = SolutionXml.Required(manifest, "UniqueName", file);
            def.Version = SolutionXml.Required(manifest, "Version", file);
            var publisher = manifest.Element("Publisher");
            def.PublisherPrefix = publisher == null ? null : SolutionXml.Text(publisher, "CustomizationPrefix");
            // Tables the solution needs but does not ship (type 1 = Entity), e.g. an administrator's own process flow.
            foreach (var required in manifest.Element("MissingDependencies")?.Elements("MissingDependency").Select(d => d.Element("Required"))
                                     ?? Enumerable.Empty<XElement>())
                if (required != null && (string)required.Attribute("type") == "1" && required.Attribute("schemaName") != null)
                    state.DependencyTables.Add(((string)required.Attribute("schemaName")).ToLowerInvariant());
        }

        private static void ApplySecureConfiguration(LoadState state, SolutionLoadOptions options)
        {
            if (options == null) return;
            var configs = new Dictionary<Guid, string>();
            if (!string.IsNullOrEmpty(options.SecureConfigurationFile))
            {
                var path = options.SecureConfigurationFile;
                try
                {
                    using var doc = JsonDocument.Parse(File.ReadAllText(path));
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        if (!Guid.TryParse(p.Name, out var id))
                            throw new SolutionLoadException(path, $"key '{p.Name}' is not a step id (GUID)");
                        configs[id] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                    }
                }
                catch (Exception e) when (e is JsonException || e is IOException || e is InvalidOperationException)
                {
                    throw new SolutionLoadException(path, "secure configuration file is not a JSON object of step id → text: " + e.Message, e);
                }
            }
            foreach (var kv in options.SecureConfigurations) configs[kv.Key] = kv.Value;
            foreach (var kv in configs)
            {
                var step = state.Definition.Steps.Find(s => s.Id == kv.Key)
                    ?? throw new SolutionLoadException(options.SecureConfigurationFile ?? "SecureConfigurations",
                        $"secure configuration for unknown step {kv.Key}");
                step.SecureConfiguration = kv.Value;
            }
        }
    }

    /// <summary>What the readers share while one solution loads.</summary>
    internal sealed class LoadState
    {
        public string Root { get; }
        public SolutionDefinition Definition { get; } = new SolutionDefinition();
        public MetadataCatalog Catalog => Definition.Catalog;
        public string CustomizationsFile => "Other/Customizations.xml";
        /// <summary>Tables created or extended by the solution, with the file that defined them.</summary>
        public Dictionary<string, string> SolutionTables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>Plugin/workflow activity types by full name (from the assemblies' data xml).</summary>
        public HashSet<string> KnownTypes { get; } = new HashSet<string>(StringComparer.Ordinal);
        /// <summary>The same types by PluginTypeId (what a custom API names its plug-in type by).</summary>
        public Dictionary<Guid, RegisteredPluginType> PluginTypeIds { get; } = new Dictionary<Guid, RegisteredPluginType>();
        /// <summary>Tables the manifest lists as missing dependencies (the organisation must already have them).</summary>
        public HashSet<string> DependencyTables { get; } = new HashSet<string>(StringComparer.Ordinal);
        private int _nextObjectTypeCode = 10000; // custom tables get codes from 10000 up, as in Dataverse

        public LoadState(string root) { Root = root; }

        public int NextObjectTypeCode()
        {
            while (Catalog.Tables.Values.Any(t => t.ObjectTypeCode == _nextObjectTypeCode)) _nextObjectTypeCode++;
            return _nextObjectTypeCode++;
        }

        public string Relative(string path) => SolutionXml.Relative(Root, path);

        public XElement Load(string relativeFile, string expectedRoot, bool required)
        {
            var path = Path.Combine(Root, relativeFile);
            if (!File.Exists(path))
            {
                if (required) throw new SolutionLoadException(relativeFile, "required file is missing");
                return null;
            }
            return SolutionXml.LoadRoot(path, relativeFile, expectedRoot);
        }

        /// <summary>Every matching file of a folder, sorted for a deterministic load order.</summary>
        public IEnumerable<(string File, XElement Root)> LoadAll(string folder, string pattern, string expectedRoot,
            bool recursive = false)
        {
            var dir = Path.Combine(Root, folder);
            if (!Directory.Exists(dir)) yield break;
            var files = Directory.GetFiles(dir, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var path in files)
            {
                var file = Relative(path);
                yield return (file, SolutionXml.LoadRoot(path, file, expectedRoot));
            }
        }

        public IEnumerable<string> Directories(string folder)
        {
            var dir = Path.Combine(Root, folder);
            if (!Directory.Exists(dir)) return Array.Empty<string>();
            var dirs = Directory.GetDirectories(dir);
            Array.Sort(dirs, StringComparer.Ordinal);
            return dirs;
        }

        /// <summary>Logical name of a table named by schema or logical name, or null when unknown.</summary>
        public string TableName(string name)
        {
            if (name == null) return null;
            var logical = name.ToLowerInvariant();
            return Catalog.Table(logical) != null ? logical : null;
        }
    }
}
