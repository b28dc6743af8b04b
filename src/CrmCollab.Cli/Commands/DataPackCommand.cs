using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using CrmCollab.Tooling.Setup;

namespace CrmCollab.Cli.Commands
{
    /// <summary>crmcollab data pack: setup/'s reference data as a Configuration Migration package (logic: Tooling.Setup.DataPackage).</summary>
    public sealed class DataPackCommand : ICommand
    {
        public string Name => "data pack";
        public string Summary => "write the reference data (handoff templates, example rules) as a data package for pac data import";

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("setup", "folder with handoff-templates.json and feasibility-rules.json", "setup"),
            new OptionSpec("solution", "solution folder whose tables type the data", "solution"),
            new OptionSpec("output", "zip to write", "out/CrmCollab_ReferenceData.zip"),
        };

        public string Help() => CommandLine.Help(Name, Summary, Options);

        public int Run(ParsedOptions options)
        {
            string output = RepoPaths.Resolve(options.Get("output"));
            byte[] zip = UserFacingException.From(() => DataPackage.Pack(RepoPaths.Resolve(options.Get("setup")), RepoPaths.SolutionFolder(options.Get("solution"))));
            Directory.CreateDirectory(Path.GetDirectoryName(output));
            File.WriteAllBytes(output, zip);
            Console.WriteLine($"{output}  sha256 {Convert.ToHexString(SHA256.HashData(zip)).ToLowerInvariant()}");
            Console.WriteLine($"Import it after the solution: pac data import --data {output}");
            return 0;
        }
    }
}
