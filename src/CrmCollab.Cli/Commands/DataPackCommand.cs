using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling.Setup;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>crmcollab data pack: setup/'s reference data as a Configuration Migration package (logic: Tooling.Setup.DataPackage).</summary>
    public sealed class DataPackCommand : Command<DataPackSettings>
    {
        public override int Execute(CommandContext context, DataPackSettings settings, CancellationToken cancellationToken)
        {
            string setup = CliPath.ExistingFolder(settings.Setup, "setup", "setup folder");
            string solution = PackagingCommandSupport.SolutionFolder(settings.Solution);
            string output = Path.GetFullPath(settings.Output ?? Path.Combine("out", "CrmCollab_ReferenceData.zip"));
            if (Directory.Exists(output)) throw new UsageException($"--output is a folder, not a zip file: {output}");
            CliPath.PlannedOutput(Path.GetDirectoryName(output)); // no file in the way, before the work
            byte[] zip = UserFacingException.From(() =>
            {
                try
                {
                    return DataPackage.Pack(setup, solution);
                }
                catch (SolutionLoadException e)
                {
                    throw new UserFacingException($"The solution folder {solution} cannot be loaded: {e.Message}; restore it, or run " +
                                                  $"'crmcollab validate --solution {solution}' for every problem.");
                }
            });
            string folder = CliPath.Output(Path.GetDirectoryName(output)); // created only once the package is made
            OutputFiles.Write(folder, new[] { (Path.GetFileName(output), zip) });
            Console.WriteLine($"{output}  sha256 {Convert.ToHexString(SHA256.HashData(zip)).ToLowerInvariant()}");
            Console.WriteLine($"Import it after the solution: pac data import --data {output}");
            return ExitCodes.Ok;
        }
    }
}
