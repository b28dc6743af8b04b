using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class UnpackSettings : CommandSettings
    {
        [CommandOption("--zip <FILE>", true)]
        [Description("Solution zip to unpack (required).")]
        public string Zip { get; set; }

        [CommandOption("--folder <FOLDER>")]
        [Description("Target folder; must not exist or be empty. Default: ./out/unpacked/<zip name>.")]
        public string Folder { get; set; }

        public override ValidationResult Validate() => CliPath.NotBlank(("--zip", Zip), ("--folder", Folder));
    }
}
