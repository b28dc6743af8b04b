using System;
using System.IO;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>What pack, unpack and validate share: configuration, the built DLL, the checks' context.</summary>
    internal static class PackagingCommandSupport
    {
        public static PacConfig Config(ParsedOptions options) => Load(() => PacConfig.Load(RepoPaths.Resolve(options.Get("config"))));

        /// <summary>--dll, else the net462 build of pac.config's plugin project in this CLI's configuration.</summary>
        public static string Dll(ParsedOptions options, PacConfig config) =>
            options.Get("dll") is string dll ? RepoPaths.Resolve(dll) : RepoPaths.PluginDll(config);

        public static ValidationContext Context(ParsedOptions options, PacConfig config) => new ValidationContext
        {
            Config = config,
            SchemaDirectory = Path.Combine(RepoPaths.Root, "schemas"),
            PluginDll = Dll(options, config),
        };

        public static string Folder(ParsedOptions options)
        {
            string folder = RepoPaths.Resolve(options.Get("solution"));
            if (!Directory.Exists(folder)) throw new UserFacingException($"solution folder not found: {folder}");
            return folder;
        }

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

        public static T Load<T>(Func<T> load)
        {
            try
            {
                return load();
            }
            catch (Exception e) when (e is PacConfigException || e is PackagingException || e is FileNotFoundException || e is InvalidDataException)
            {
                throw new UserFacingException(e.Message);
            }
        }
    }
}
