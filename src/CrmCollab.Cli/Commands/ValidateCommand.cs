using System.Collections.Generic;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Checks a solution folder (against the built DLL) or a packed zip: customizations.xml against Microsoft's
    /// XSD, solution.xml's structure and identity, root components, registration consistency, engine load, and
    /// for a folder the round trip through pack and unpack.
    /// </summary>
    public sealed class ValidateCommand : ICommand
    {
        public string Name => "validate";
        public string Summary => "check solution/ (or a solution zip) before it ships";

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("solution", "unpacked solution folder", "solution"),
            new OptionSpec("zip", "check this solution zip instead of the folder"),
            new OptionSpec("config", "project configuration", "pac.config"),
            new OptionSpec("dll", "built plugin DLL a folder is checked against (default: the net462 build)"),
        };

        public string Help() => CommandLine.Help(Name, Summary, Options);

        public int Run(ParsedOptions options)
        {
            PacConfig config = PackagingCommandSupport.Config(options);
            ValidationContext context = PackagingCommandSupport.Context(options, config);
            if (options.Get("zip") is string zip)
            {
                string path = RepoPaths.Resolve(zip);
                return PackagingCommandSupport.Print(SolutionValidator.ValidateZip(path, context), System.IO.Path.GetFileName(path));
            }
            string folder = RepoPaths.SolutionFolder(options.Get("solution"));
            return PackagingCommandSupport.Print(SolutionValidator.ValidateFolder(folder, context), folder);
        }
    }
}
