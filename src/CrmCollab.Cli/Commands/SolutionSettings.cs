using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>What every command that boots or checks the solution takes: the unpacked solution folder.</summary>
    public class SolutionSettings : CommandSettings
    {
        [CommandOption("--solution <FOLDER>")]
        [Description("Unpacked solution folder. Default: solution/ of the repository.")]
        public string Solution { get; set; }

        public override ValidationResult Validate() => CliPath.NotBlank(("--solution", Solution));
    }
}
