using System.IO;
using System.Linq;
using System.Reflection;
using CrmCollab.Tooling;

namespace CrmCollab.Cli
{
    /// <summary>The repository crmcollab was built from: where the default inputs (solution/, pac.config, setup/, the
    /// built plugin DLL) are read when an option is left out.</summary>
    public static class RepoPaths
    {
        public static string Root => Metadata("RepoRoot");

        private static string Configuration => Metadata("Configuration");

        /// <summary>A default input: a path inside the repository.</summary>
        public static string Default(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

        public static string PluginDll(PacConfig config) =>
            Path.Combine(Root, Path.GetDirectoryName(config.PluginAssembly.Project), "bin", Configuration,
                config.PluginAssembly.TargetFramework, config.PluginAssembly.Name + ".dll");

        private static string Metadata(string key) => typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value;
    }
}
