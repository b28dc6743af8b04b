using System;
using System.IO;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>What the packaging commands share: configuration (smoke reads it too), the built DLL, the checks' context.</summary>
    internal static class PackagingCommandSupport
    {
        public static PacConfig Config(ParsedOptions options) => UserFacingException.From(() => PacConfig.Load(RepoPaths.Resolve(options.Get("config"))));

        /// <summary>--dll, else the net462 build of pac.config's plugin project in this CLI's configuration.</summary>
        public static string Dll(ParsedOptions options, PacConfig config) =>
            options.Get("dll") is string dll ? RepoPaths.Resolve(dll) : RepoPaths.PluginDll(config);

        public static ValidationContext Context(ParsedOptions options, PacConfig config) => new ValidationContext
        {
            Config = config,
            SchemaDirectory = Path.Combine(RepoPaths.Root, "schemas"),
            PluginDll = Dll(options, config),
        };

        /// <summary>Prints a report: the checks that ran, then one line per error.</summary>
        public static int Print(ValidationReport report, string what)
        {
            if (report.Ok)
            {
                Console.WriteLine($"{what}: valid ({string.Join(", ", report.Checks)}).");
                return 0;
            }
            foreach (string error in report.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"{what}: {report.Errors.Count} problem(s).");
            return 1;
        }
    }
}
