using System;
using System.IO;
using System.Linq;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling.Assemblies;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>Where the checks find what they compare against.</summary>
    public sealed class ValidationContext
    {
        public PacConfig Config { get; set; }
        /// <summary>schemas/ (Microsoft's XSDs, copied into the repository).</summary>
        public string SchemaDirectory { get; set; }
        /// <summary>The built plugin DLL a folder is checked against (a zip carries its own).</summary>
        public string PluginDll { get; set; }
    }

    /// <summary>Runs every check on a solution folder or on a packed zip.</summary>
    public static class SolutionValidator
    {
        public static ValidationReport ValidateFolder(string path, ValidationContext context)
        {
            var report = new ValidationReport();
            SolutionFolder folder;
            try
            {
                folder = SolutionFolder.Read(path);
            }
            catch (PackagingException e)
            {
                report.Ran("read", new[] { e.Message });
                return report;
            }
            BuiltDll dll = null;
            try
            {
                dll = BuiltDll.Read(context.PluginDll);
            }
            catch (PackagingException e)
            {
                report.Ran("plugin DLL", new[] { e.Message });
            }
            Common(folder, dll?.Metadata, context, report, managed: 0);
            if (dll != null)
            {
                report.Ran("customizations.xml schema", Safe(() => Schema(CustomizationsWriter.Assemble(folder, dll.Identity), context.SchemaDirectory)));
                report.Ran("round trip", Safe(() => RoundTrip.Check(folder, dll)));
            }
            return report;
        }

        public static ValidationReport ValidateZip(string zipPath, ValidationContext context)
        {
            var report = new ValidationReport();
            if (!File.Exists(zipPath)) { report.Ran("read", new[] { $"{zipPath}: zip not found" }); return report; }
            var temp = Path.Combine(Path.GetTempPath(), "crmc-validate-" + Guid.NewGuid().ToString("N"));
            try
            {
                var bytes = File.ReadAllBytes(zipPath);
                var entries = DeterministicZip.Read(bytes);
                report.Ran("package parts", ZipCheck.Parts(entries));
                var parts = entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                if (parts.TryGetValue(PackagingNames.CustomizationsXml, out var customizations))
                    report.Ran("customizations.xml schema", Safe(() => Schema(XmlFiles.Parse(customizations, PackagingNames.CustomizationsXml), context.SchemaDirectory)));
                Unpacker.Unpack(bytes, temp);
                var folder = SolutionFolder.Read(temp);
                var dllFile = Directory.GetFiles(temp, "*.dll", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                var built = dllFile == null ? null : BuiltAssembly.Read(dllFile);
                if (built == null) report.Ran("plugin DLL", new[] { $"{zipPath}: the package holds no plugin assembly DLL" });
                else if (PluginFramework.Problem(built) is string problem) report.Ran("plugin DLL", new[] { problem });
                Common(folder, built, context, report, managed: null, manifestFile: PackagingNames.SolutionXml);
            }
            catch (Exception e) when (e is PackagingException || e is InvalidDataException)
            {
                report.Ran("read", new[] { $"{Path.GetFileName(zipPath)}: {e.Message}" });
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }
            return report;
        }

        private static void Common(SolutionFolder folder, BuiltAssembly built, ValidationContext context, ValidationReport report,
            int? managed, string manifestFile = "Other/Solution.xml")
        {
            report.Ran("engine load", Safe(() =>
            {
                try
                {
                    SolutionLoader.Load(folder.Root);
                }
                catch (SolutionLoadException e) when (e.File.StartsWith(CustomApiReader.Folder + "/", StringComparison.Ordinal))
                {
                    // the custom APIs check names it (with every other API's problem): one line, not two
                }
                return Array.Empty<string>();
            }));
            report.Ran("solution.xml structure", ManifestCheck.Check(folder.Manifest, context.Config, manifestFile, managed));
            report.Ran("root components", ManifestCheck.RootComponents(folder, manifestFile));
            report.Ran("forms", FormCheck.Check(folder));
            report.Ran("web resources", folder.WebResources.Where(w => w.Content == null)
                .Select(w => $"{w.ContentPath}: web resource content is missing (build the web resources first)")
                .Concat(folder.WebResources.Where(w => XmlFiles.Text(w.Data.Root, "FileName") is string f && f != "/WebResources/" + w.Name)
                    .Select(w => $"{w.Data.Path}: FileName must be '/WebResources/{w.Name}' (where the folder keeps the content; pack writes the export name)")));
            if (built == null)
            {
                report.Ran("custom APIs", CustomApiCheck.Check(folder, null, null));
                return;
            }
            var catalog = RegistrationCheck.Metadata(folder, out var metadataError);
            if (metadataError != null) report.Ran("metadata", new[] { metadataError });
            report.Ran("registration", RegistrationCheck.Check(folder, built, catalog));
            report.Ran("custom APIs", CustomApiCheck.Check(folder, built, catalog));
        }

        /// <summary>customizations.xml against CustomizationsSolution.xsd, and its charts' data descriptions against theirs.</summary>
        private static System.Collections.Generic.IEnumerable<string> Schema(System.Xml.Linq.XDocument customizations, string schemaDirectory) =>
            SchemaCheck.Validate(customizations, schemaDirectory).Concat(SchemaCheck.ValidateCharts(customizations, schemaDirectory));

        private static System.Collections.Generic.IEnumerable<string> Safe(Func<System.Collections.Generic.IEnumerable<string>> check)
        {
            try
            {
                return check().ToList();
            }
            catch (Exception e) when (e is PackagingException || e is SolutionLoadException)
            {
                return new[] { e is SolutionLoadException ? "engine: " + e.Message : e.Message };
            }
        }
    }
}
