using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class DataPackSettings : SolutionSettings
    {
        [CommandOption("--setup <FOLDER>")]
        [Description("Folder with handoff-templates.json and feasibility-rules.json. Default: setup/ of the repository.")]
        public string Setup { get; set; }

        [CommandOption("--output <FILE>")]
        [Description("Zip to write. Default: ./out/CrmCollab_ReferenceData.zip.")]
        public string Output { get; set; }

        public override ValidationResult Validate() => CliPath.NotBlank(("--solution", Solution), ("--setup", Setup), ("--output", Output));
    }
}
