using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>One XML file of the folder: its path relative to the solution folder (forward slashes) and root.</summary>
    public sealed class SolutionFile
    {
        public SolutionFile(string path, XElement root) { Path = path; Root = root; }
        public string Path { get; }
        public XElement Root { get; }
    }

    public sealed class EntityPart
    {
        public string Folder { get; set; }
        public SolutionFile Entity { get; set; }
        /// <summary>SavedQueries/{id}.xml files, each a &lt;savedqueries&gt; root.</summary>
        public List<SolutionFile> Views { get; } = new List<SolutionFile>();
        /// <summary>FormXml/&lt;type&gt;/{id}.xml files (each a &lt;forms&gt; root holding one systemform), by form type.</summary>
        public List<(string Type, SolutionFile File)> Forms { get; } = new List<(string, SolutionFile)>();
        /// <summary>Visualizations/{id}.xml files (system charts), each a &lt;visualization&gt; root.</summary>
        public List<SolutionFile> Charts { get; } = new List<SolutionFile>();
    }

    public sealed class WebResourcePart
    {
        public SolutionFile Data { get; set; }
        public string Name { get; set; }
        public Guid Id { get; set; }
        /// <summary>WebResources/&lt;name&gt;; null when the built content is missing.</summary>
        public string ContentPath { get; set; }
        public byte[] Content { get; set; }
    }

    /// <summary>A file copied as it is (environment variable definitions and values, and every part of a component
    /// type this packer does not know, so that a maker's export survives unpack → pack untouched).</summary>
    public sealed class RawFile
    {
        public RawFile(string path, byte[] bytes) { Path = path; Bytes = bytes; }
        public string Path { get; }
        public byte[] Bytes { get; }
    }

    /// <summary>
    /// An unpacked solution folder in the SolutionPackager layout, read into its parts, each in a stable
    /// (ordinal) order so that what is built from it is deterministic.
    /// </summary>
    public sealed class SolutionFolder
    {
        private SolutionFolder() { }

        public string Root { get; private set; }
        public XDocument Manifest { get; private set; }
        public XDocument Customizations { get; private set; }
        public List<EntityPart> Entities { get; } = new List<EntityPart>();
        public List<SolutionFile> Roles { get; } = new List<SolutionFile>();
        public List<SolutionFile> Relationships { get; } = new List<SolutionFile>();
        public List<SolutionFile> OptionSets { get; } = new List<SolutionFile>();
        public List<SolutionFile> Assemblies { get; } = new List<SolutionFile>();
        public List<SolutionFile> Steps { get; } = new List<SolutionFile>();
        public List<WebResourcePart> WebResources { get; } = new List<WebResourcePart>();
        public List<RawFile> EnvironmentVariables { get; } = new List<RawFile>();
        /// <summary>customapis/&lt;unique name&gt;/customapi.xml with its request parameter and response property files, as
        /// exports ship them (not inside customizations.xml), copied byte for byte.</summary>
        public List<RawFile> CustomApis { get; } = new List<RawFile>();
        /// <summary>Dashboards/{id}.xml (system dashboards), each a &lt;Dashboard&gt; root.</summary>
        public List<SolutionFile> Dashboards { get; } = new List<SolutionFile>();
        /// <summary>AppModules/&lt;unique name&gt;/AppModule.xml (model-driven apps).</summary>
        public List<SolutionFile> AppModules { get; } = new List<SolutionFile>();
        /// <summary>AppModuleSiteMaps/&lt;unique name&gt;/AppModuleSiteMap.xml (the apps' site maps).</summary>
        public List<SolutionFile> SiteMaps { get; } = new List<SolutionFile>();
        /// <summary>Files of component types this packer does not read, carried into the package byte for byte.</summary>
        public List<RawFile> Carried { get; } = new List<RawFile>();

        public static SolutionFolder Read(string root)
        {
            if (!Directory.Exists(root)) throw new PackagingException($"{root}: solution folder not found");
            var f = new SolutionFolder { Root = System.IO.Path.GetFullPath(root) };
            f.Manifest = f.Required("Other/Solution.xml", "ImportExportXml");
            f.Customizations = f.Required("Other/Customizations.xml", "ImportExportXml");

            foreach (var dir in f.Dirs("Entities"))
            {
                var folder = System.IO.Path.GetFileName(dir);
                var part = new EntityPart { Folder = folder, Entity = f.File($"Entities/{folder}/Entity.xml", "Entity") };
                foreach (var view in f.Files($"Entities/{folder}/SavedQueries", "*.xml"))
                    part.Views.Add(f.File(view, "savedqueries"));
                foreach (var typeDir in f.Dirs($"Entities/{folder}/FormXml"))
                {
                    var type = System.IO.Path.GetFileName(typeDir);
                    // {id}_managed.xml variants (SolutionPackager's managed forms) are not part of this layout.
                    foreach (var form in f.Files($"Entities/{folder}/FormXml/{type}", "*.xml").Where(p => !p.EndsWith("_managed.xml", StringComparison.Ordinal)))
                        part.Forms.Add((type, f.File(form, "forms")));
                }
                part.Charts.AddRange(f.Files($"Entities/{folder}/Visualizations", "*.xml").Select(p => f.File(p, "visualization")));
                f.Entities.Add(part);
            }
            f.Roles.AddRange(f.Files("Roles", "*.xml").Select(p => f.File(p, "Role")));
            f.Relationships.AddRange(f.Files("Other/Relationships", "*.xml").Select(p => f.File(p, "EntityRelationships")));
            f.OptionSets.AddRange(f.Files("OptionSets", "*.xml").Select(p => f.File(p, "optionset")));
            f.Assemblies.AddRange(f.Files("PluginAssemblies", "*.dll.data.xml", recursive: true).Select(p => f.File(p, "PluginAssembly")));
            f.Steps.AddRange(f.Files("SdkMessageProcessingSteps", "*.xml").Select(p => f.File(p, "SdkMessageProcessingStep")));
            foreach (var data in f.Files("WebResources", "*.data.xml", recursive: true))
                f.WebResources.Add(f.ReadWebResource(data));
            foreach (var file in f.Files("environmentvariabledefinitions", "*", recursive: true))
                f.EnvironmentVariables.Add(new RawFile(file, System.IO.File.ReadAllBytes(f.Full(file))));
            foreach (var file in f.Files(CrmCollab.Emulator.Solution.CustomApiReader.Folder, "*", recursive: true))
                f.CustomApis.Add(new RawFile(file, System.IO.File.ReadAllBytes(f.Full(file))));
            f.Dashboards.AddRange(f.Files("Dashboards", "*.xml").Select(p => f.File(p, "Dashboard")));
            f.AppModules.AddRange(f.Files("AppModules", "AppModule.xml", recursive: true).Select(p => f.File(p, "AppModule")));
            f.SiteMaps.AddRange(f.Files("AppModuleSiteMaps", "AppModuleSiteMap.xml", recursive: true).Select(p => f.File(p, "AppModuleSiteMap")));
            f.ReadCarried();
            return f;
        }

        private WebResourcePart ReadWebResource(string dataPath)
        {
            var data = File(dataPath, "WebResource");
            var name = XmlFiles.Text(data.Root, "Name") ?? throw new PackagingException($"{dataPath}: <WebResource> lacks <Name>");
            var id = PackagingNames.ParseGuid(XmlFiles.Text(data.Root, "WebResourceId"))
                     ?? throw new PackagingException($"{dataPath}: <WebResource> lacks a valid <WebResourceId>");
            var content = dataPath.Substring(0, dataPath.Length - ".data.xml".Length);
            return new WebResourcePart
            {
                Data = data,
                Name = name,
                Id = id,
                ContentPath = content,
                Content = System.IO.File.Exists(Full(content)) ? System.IO.File.ReadAllBytes(Full(content)) : null,
            };
        }

        public string Full(string relative) => System.IO.Path.Combine(Root, relative);

        /// <summary>Every file no reader above claimed (plugin DLLs aside: the packer takes the built one).</summary>
        private void ReadCarried()
        {
            var claimed = new HashSet<string>(StringComparer.Ordinal) { "Other/Solution.xml", "Other/Customizations.xml" };
            foreach (var e in Entities)
            {
                claimed.Add(e.Entity.Path);
                claimed.UnionWith(e.Views.Select(v => v.Path));
                claimed.UnionWith(e.Forms.Select(v => v.File.Path));
                claimed.UnionWith(e.Charts.Select(v => v.Path));
            }
            foreach (var list in new[] { Roles, Relationships, OptionSets, Assemblies, Steps, Dashboards, AppModules, SiteMaps })
                claimed.UnionWith(list.Select(x => x.Path));
            claimed.UnionWith(EnvironmentVariables.Select(v => v.Path));
            claimed.UnionWith(CustomApis.Select(v => v.Path));
            foreach (var w in WebResources)
            {
                claimed.Add(w.Data.Path);
                claimed.Add(w.ContentPath);
            }
            foreach (var file in Files("", "*", recursive: true))
            {
                if (claimed.Contains(file)) continue;
                if (file.StartsWith("PluginAssemblies/", StringComparison.Ordinal) && file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                if (file.StartsWith("Other/Relationships.xml", StringComparison.Ordinal)) continue; // index, rebuilt by unpack
                if (file.StartsWith("Entities/", StringComparison.Ordinal) && file.EndsWith("_managed.xml", StringComparison.Ordinal)) continue;
                Carried.Add(new RawFile(file, System.IO.File.ReadAllBytes(Full(file))));
            }
        }

        private XDocument Required(string relative, string expectedRoot)
        {
            if (!System.IO.File.Exists(Full(relative))) throw new PackagingException($"{relative}: required file is missing");
            var doc = XmlFiles.Load(Full(relative), relative);
            Expect(doc.Root, relative, expectedRoot);
            return doc;
        }

        private SolutionFile File(string relative, string expectedRoot)
        {
            if (!System.IO.File.Exists(Full(relative))) throw new PackagingException($"{relative}: required file is missing");
            var root = XmlFiles.Load(Full(relative), relative).Root;
            Expect(root, relative, expectedRoot);
            return new SolutionFile(relative, root);
        }

        private static void Expect(XElement root, string relative, string expected)
        {
            if (root.Name.LocalName != expected)
                throw new PackagingException($"{relative}: root element is <{root.Name.LocalName}>, expected <{expected}>");
        }

        private IEnumerable<string> Dirs(string relative)
        {
            var dir = Full(relative);
            if (!Directory.Exists(dir)) return Array.Empty<string>();
            var dirs = Directory.GetDirectories(dir);
            Array.Sort(dirs, StringComparer.Ordinal);
            return dirs;
        }

        /// <summary>Relative paths (forward slashes) of matching files, sorted ordinally.</summary>
        private IEnumerable<string> Files(string relative, string pattern, bool recursive = false)
        {
            var dir = relative.Length == 0 ? Root : Full(relative);
            if (!Directory.Exists(dir)) return Array.Empty<string>();
            var files = Directory.GetFiles(dir, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Select(p => System.IO.Path.GetRelativePath(Root, p).Replace('\\', '/'))
                .ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
    }
}
