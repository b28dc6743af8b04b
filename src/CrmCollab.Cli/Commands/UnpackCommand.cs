using System;
using System.Collections.Generic;
using System.IO;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>Unpacks an exported (or packed) solution zip into the folder layout of solution/.</summary>
    public sealed class UnpackCommand : ICommand
    {
        public string Name => "unpack";
        public string Summary => "turn a solution zip back into the folder layout";

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("zip", "solution zip to unpack (required)"),
            new OptionSpec("folder", "target folder; must not exist or be empty (default: out/unpacked/<zip name>)"),
        };

        public string Help() => CommandLine.Help(Name, Summary, Options);

        public int Run(ParsedOptions options)
        {
            string zip = options.Get("zip") ?? throw new CommandLineException("--zip is required.");
            zip = RepoPaths.Resolve(zip);
            if (!File.Exists(zip)) throw new UserFacingException($"zip not found: {zip}");
            string folder = Path.TrimEndingDirectorySeparator(options.Get("folder") is string f
                ? Path.GetFullPath(f)
                : Path.Combine(RepoPaths.Root, "out", "unpacked", Path.GetFileNameWithoutExtension(zip)));
            if (Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length > 0)
                throw new UserFacingException($"target folder is not empty: {folder}");
            Unpack(File.ReadAllBytes(zip), folder);
            Console.WriteLine($"Unpacked {Path.GetFileName(zip)} into {folder}");
            return 0;
        }

        /// <summary>Unpacks beside the target and moves the result in only when complete: a bad package leaves no
        /// half-filled folder for the user to clean up.</summary>
        private static void Unpack(byte[] archive, string folder)
        {
            string staging = Path.Combine(Path.GetDirectoryName(folder), $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.partial");
            try
            {
                UserFacingException.From(() =>
                {
                    Unpacker.Unpack(archive, staging);
                    return 0;
                });
                if (Directory.Exists(folder)) Directory.Delete(folder); // checked empty above
                Directory.Move(staging, folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UserFacingException($"cannot write {folder}: {e.Message}");
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
        }
    }
}
