using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class PackSettings : PackagingSettings
    {
        [CommandOption("--output <FOLDER>")]
        [Description("Folder the two zips are written to. Default: ./out.")]
        public string Output { get; set; }

        public override ValidationResult Validate() => ValidatePaths(("--output", Output));
    }
}
