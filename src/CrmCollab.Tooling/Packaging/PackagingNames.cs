using System;
using System.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>The names Dataverse gives files when it exports a solution.</summary>
    public static class PackagingNames
    {
        public const string SolutionXml = "solution.xml";
        public const string CustomizationsXml = "customizations.xml";
        public const string ContentTypesXml = "[Content_Types].xml";

        /// <summary>CrmCollab_1_0_0_0.zip / CrmCollab_1_0_0_0_managed.zip.</summary>
        public static string ZipName(string uniqueName, string version, bool managed) =>
            $"{uniqueName}_{version.Replace('.', '_')}{(managed ? "_managed" : "")}.zip";

        /// <summary>Exports drop the dots of the assembly name: CrmCollab.Plugins → CrmCollabPlugins.</summary>
        public static string NoDots(string name) => name.Replace(".", "");

        /// <summary>Upper-case GUID without braces, as in export folder and file names.</summary>
        public static string Upper(Guid id) => id.ToString("D").ToUpperInvariant();

        /// <summary>Zip folder of a plugin assembly: PluginAssemblies/CrmCollabPlugins-BAAD7F3D-…/ .</summary>
        public static string AssemblyZipFolder(string assemblyName, Guid id) => $"PluginAssemblies/{NoDots(assemblyName)}-{Upper(id)}";

        public static string AssemblyZipPath(string assemblyName, Guid id) =>
            $"{AssemblyZipFolder(assemblyName, id)}/{NoDots(assemblyName)}.dll";

        /// <summary>This repository's unpacked layout keeps the dots: PluginAssemblies/CrmCollab.Plugins-BAAD7F3D-…/ .</summary>
        public static string AssemblySourceFolder(string assemblyName, Guid id) => $"PluginAssemblies/{assemblyName}-{Upper(id)}";

        /// <summary>Zip part of a web resource: its name without '/' and '.', then its id (WebResources/crmc_scriptsformjs1A2B…).</summary>
        public static string WebResourceZipPath(string name, Guid id) =>
            "WebResources/" + new string(name.Where(c => c != '/' && c != '.').ToArray()) + Upper(id);

        /// <summary>The simple name of an assembly full name ("CrmCollab.Plugins, Version=…" → "CrmCollab.Plugins").</summary>
        public static string SimpleName(string fullName) => fullName?.Split(',')[0].Trim();

        public static Guid? ParseGuid(string text) =>
            Guid.TryParse(text?.Trim().Trim('{', '}'), out var id) ? id : (Guid?)null;
    }
}
