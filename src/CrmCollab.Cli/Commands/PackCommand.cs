using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Packs solution/ and the built plugin DLL into CrmCollab_&lt;version&gt;.zip and CrmCollab_&lt;version&gt;_managed.zip,
    /// after every check passes. Builds nothing: the DLL must already be built.
    /// </summary>
    public sealed class PackCommand : Command<PackSettings>
    {
        public override int Execute(CommandContext context, PackSettings settings, CancellationToken cancellationToken)
        {
            PacConfig config = PackagingCommandSupport.Config(settings.Config);
            string folderPath = PackagingCommandSupport.SolutionFolder(settings.Solution);
            ValidationContext validation = PackagingCommandSupport.Context(settings, config);
            string output = CliPath.PlannedOutput(settings.Output);
            OutputFiles.CheckFree(output, new[] { true, false }.Select(managed =>
                PackagingNames.ZipName(config.Solution.UniqueName, config.Solution.Version, managed))); // before the checks, not after
            BuiltDll dll = UserFacingException.From(() => BuiltDll.Read(validation.PluginDll));

            ValidationReport report = SolutionValidator.ValidateFolder(folderPath, validation);
            if (!report.Ok) return PackagingCommandSupport.Print(report, "pack refused, the solution is not valid");

            SolutionFolder folder = UserFacingException.From(() => SolutionFolder.Read(folderPath));
            PackResult result = UserFacingException.From(() => SolutionPacker.Pack(folder, dll));
            var zips = new[] { (result.ManagedName, result.Managed), (result.UnmanagedName, result.Unmanaged) };
            IReadOnlyList<string> paths = OutputFiles.Write(output, zips);
            for (int i = 0; i < zips.Length; i++)
                Console.WriteLine($"{paths[i]}  {zips[i].Item2.Length} bytes  sha256 {Convert.ToHexString(SHA256.HashData(zips[i].Item2)).ToLowerInvariant()}");
            Console.WriteLine($"Plugin assembly: {dll.Identity.FullName}");
            return ExitCodes.Ok;
        }
    }
}
