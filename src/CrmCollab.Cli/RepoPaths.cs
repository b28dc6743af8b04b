using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CrmCollab.Tooling;

namespace CrmCollab.Cli
{
    /// <summary>Where things are: relative paths resolve against the current folder, else the repository root.</summary>
    public static class RepoPaths
    {
        public static string Root => typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value;

        private static string Configuration => typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value;

        public static string Resolve(string path)
        {
            if (Path.IsPathRooted(path)) return path;
            string local = Path.GetFullPath(path);
            return File.Exists(local) || Directory.Exists(local) ? local : Path.Combine(Root, path);
        }

        /// <summary>A solution folder option, resolved; a missing folder is one line for the user.</summary>
        public static string SolutionFolder(string path)
        {
            string folder = Resolve(path);
            if (!Directory.Exists(folder)) throw new UserFacingException($"solution folder not found: {folder}");
            return folder;
        }

        public static string PluginDll(PacConfig config) =>
            Path.Combine(Root, Path.GetDirectoryName(config.PluginAssembly.Project), "bin", Configuration,
                config.PluginAssembly.TargetFramework, config.PluginAssembly.Name + ".dll");
    }
}
