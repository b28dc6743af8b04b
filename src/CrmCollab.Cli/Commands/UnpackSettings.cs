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
        [Description("Target folder; must not exist or be empty unless --allow-write. Default: ./out/unpacked/<zip name>.")]
        public string Folder { get; set; }

        [CommandOption("--allow-write")]
        [Description("Unpack over an existing folder, adding and replacing files (as pac solution unpack --allowWrite).")]
        public bool AllowWrite { get; set; }

        [CommandOption("--allow-delete")]
        [Description("With --allow-write, also delete files the package no longer has (as pac's --allowDelete).")]
        public bool AllowDelete { get; set; }

        public override ValidationResult Validate() =>
            CliPath.First(CliPath.NotEmpty("--zip", Zip, "give the solution zip to unpack"), CliPath.NotBlank(("--folder", Folder)));
    }
}
