using System;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>What the packaging commands share: configuration (smoke reads it too), the built DLL, the checks' context.</summary>
    internal static class PackagingCommandSupport
    {
        public static PacConfig Config(string typed) =>
            UserFacingException.From(() => PacConfig.Load(CliPath.ExistingFile(typed, "pac.config", "project configuration")));

        /// <summary>--dll as typed, else the net462 build of pac.config's plugin project in this CLI's configuration.</summary>
        public static string Dll(string typed, PacConfig config) =>
            typed != null ? CliPath.ExistingFile(typed, null, "built plugin DLL") : RepoPaths.PluginDll(config);

        public static ValidationContext Context(PackagingSettings settings, PacConfig config) => new ValidationContext
        {
            Config = config,
            SchemaDirectory = RepoPaths.Default("schemas"),
            PluginDll = Dll(settings.Dll, config),
        };

        public static string SolutionFolder(string typed) => CliPath.ExistingFolder(typed, "solution", "solution folder");

        /// <summary>Prints a report: the checks that ran, then one line per error.</summary>
        public static int Print(ValidationReport report, string what)
        {
            if (report.Ok)
            {
                Console.WriteLine($"{what}: valid ({string.Join(", ", report.Checks)}).");
                return ExitCodes.Ok;
            }
            foreach (string error in report.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"{what}: {report.Errors.Count} problem(s).");
            return ExitCodes.Failed;
        }
    }
}
