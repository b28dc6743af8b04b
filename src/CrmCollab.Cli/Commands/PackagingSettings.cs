using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>pack and validate: the solution folder, the project configuration and the built plugin DLL.</summary>
    public class PackagingSettings : SolutionSettings
    {
        [CommandOption("--config <FILE>")]
        [Description("Project configuration. Default: pac.config of the repository.")]
        public string Config { get; set; }

        [CommandOption("--dll <FILE>")]
        [Description("Built plugin DLL. Default: the net462 build of pac.config's plugin project, in this tool's configuration.")]
        public string Dll { get; set; }

        public override ValidationResult Validate() => CliPath.NotBlank(("--solution", Solution), ("--config", Config), ("--dll", Dll));
    }
}
