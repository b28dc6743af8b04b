using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>The repository's solution/, the built net462 DLL, and disposable copies of the folder to break.</summary>
    internal static class PackagingFixture
    {
        private static string Meta(string key) => typeof(PackagingFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;

        public static string RepoRoot => Meta("RepoRoot");
        public static string Solution => Path.Combine(RepoRoot, "solution");
        public static string Schemas => Path.Combine(RepoRoot, "schemas");
        public static PacConfig Config => PacConfig.Load(Path.Combine(RepoRoot, "pac.config"));

        public static string Dll => Path.Combine(RepoRoot, "src", "CrmCollab.Plugins", "bin", Meta("Configuration"), "net462", "CrmCollab.Plugins.dll");

        private static readonly Lazy<BuiltDll> Built = new Lazy<BuiltDll>(() => BuiltDll.Read(Dll));
        public static BuiltDll BuiltDll => Built.Value;

        private static readonly Lazy<PackResult> Packed = new Lazy<PackResult>(() => SolutionPacker.Pack(SolutionFolder.Read(Solution), BuiltDll));
        /// <summary>The zips of the repository's solution/ (packed once per test run).</summary>
        public static PackResult Pack => Packed.Value;

        public static ValidationContext Context(string dll = null) => new ValidationContext
        {
            Config = Config,
            SchemaDirectory = Schemas,
            PluginDll = dll ?? Dll,
        };

        public static Dictionary<string, byte[]> Entries(byte[] zip) =>
            DeterministicZip.Read(zip).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

        public static XDocument Xml(byte[] zip, string part) => XmlFiles.Parse(Entries(zip)[part], part);

        /// <summary>A temporary copy of solution/ (or another folder); delete with <see cref="Delete"/>.</summary>
        public static string Copy(string source = null)
        {
            source ??= Solution;
            var target = Path.Combine(Path.GetTempPath(), "crmc-pack-test-" + Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to));
                File.Copy(file, to);
            }
            return target;
        }

        public static string TempFolder() => Path.Combine(Path.GetTempPath(), "crmc-pack-test-" + Guid.NewGuid().ToString("N"));

        public static void Delete(string folder)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }

        /// <summary>The step file of a step name in a folder.</summary>
        public static string StepFile(string folder, string name) =>
            Directory.GetFiles(Path.Combine(folder, "SdkMessageProcessingSteps"), "*.xml")
                .Single(f => (string)XDocument.Load(f).Root.Attribute("Name") == name);

        public static void Edit(string file, Action<XDocument> edit)
        {
            var doc = XDocument.Load(file);
            edit(doc);
            doc.Save(file);
        }
    }
}
