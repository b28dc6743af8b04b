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
            string folder = options.Get("folder") is string f
                ? Path.GetFullPath(f)
                : Path.Combine(RepoPaths.Root, "out", "unpacked", Path.GetFileNameWithoutExtension(zip));
            if (Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length > 0)
                throw new UserFacingException($"target folder is not empty: {folder}");
            UserFacingException.From(() =>
            {
                Unpacker.Unpack(File.ReadAllBytes(zip), folder);
                return 0;
            });
            Console.WriteLine($"Unpacked {Path.GetFileName(zip)} into {folder}");
            return 0;
        }
    }
}
