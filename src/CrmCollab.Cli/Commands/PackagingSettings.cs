using System.ComponentModel;
using System.Linq;
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

        public override ValidationResult Validate() => ValidatePaths();

        /// <summary>Every path option of pack and validate, plus the command's own, refused when given empty.</summary>
        protected ValidationResult ValidatePaths(params (string Option, string Value)[] own) =>
            CliPath.NotBlank(new[] { ("--solution", Solution), ("--config", Config), ("--dll", Dll) }.Concat(own).ToArray());
    }
}
