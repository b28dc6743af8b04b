using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class SmokeSettings : SolutionSettings
    {
        [CommandOption("--config <FILE>")]
        [Description("Project configuration. Default: pac.config of the repository.")]
        public string Config { get; set; }

        [CommandOption("--templates <FILE>")]
        [Description("Default handoff templates. Default: setup/handoff-templates.json of the repository.")]
        public string Templates { get; set; }

        public override ValidationResult Validate() =>
            CliPath.NotBlank(("--solution", Solution), ("--config", Config), ("--templates", Templates));
    }
}
