using System.IO;
using System.Threading;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Checks a solution folder (against the built DLL) or a packed zip: customizations.xml against Microsoft's
    /// XSD, solution.xml's structure and identity, root components, registration consistency, engine load, and
    /// for a folder the round trip through pack and unpack.
    /// </summary>
    public sealed class ValidateCommand : Command<ValidateSettings>
    {
        public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
        {
            PacConfig config = PackagingCommandSupport.Config(settings.Config);
            ValidationContext validation = PackagingCommandSupport.Context(settings, config);
            if (settings.Zip != null)
            {
                string path = CliPath.ExistingFile(settings.Zip, null, "zip");
                return PackagingCommandSupport.Print(SolutionValidator.ValidateZip(path, validation), Path.GetFileName(path));
            }
            string folder = PackagingCommandSupport.SolutionFolder(settings.Solution);
            return PackagingCommandSupport.Print(SolutionValidator.ValidateFolder(folder, validation), folder);
        }
    }
}
