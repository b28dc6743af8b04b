using System;
using System.Collections.Generic;
using System.IO;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>Unpacks an exported (or packed) solution zip into the folder layout of solution/ (logic: UnpackTarget).</summary>
    public sealed class UnpackCommand : ICommand
    {
        public string Name => "unpack";
        public string Summary => "turn a solution zip back into the folder layout";

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("zip", "solution zip to unpack (required)"),
            new OptionSpec("folder", "target folder; must not exist or be empty unless --allow-write (default: out/unpacked/<zip name>)"),
            new OptionSpec("allow-write", "unpack over an existing folder, adding and replacing files (pac's --allowWrite)", isFlag: true),
            new OptionSpec("allow-delete", "with --allow-write, also delete files the package no longer has (pac's --allowDelete)", isFlag: true),
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
            var outcome = UserFacingException.From(() =>
                UnpackTarget.Unpack(File.ReadAllBytes(zip), folder, options.Flag("allow-write"), options.Flag("allow-delete")));
            Console.WriteLine($"Unpacked {Path.GetFileName(zip)} into {folder}: {outcome.Written} written, {outcome.Unchanged} unchanged, " +
                              $"{outcome.Deleted} deleted" + (outcome.Kept.Count > 0 ? $", {outcome.Kept.Count} kept (not in the package; --allow-delete removes them)" : "") + ".");
            return 0;
        }
    }
}
