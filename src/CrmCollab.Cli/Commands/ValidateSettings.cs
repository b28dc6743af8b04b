using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class ValidateSettings : PackagingSettings
    {
        [CommandOption("--zip <FILE>")]
        [Description("Check this solution zip instead of the folder.")]
        public string Zip { get; set; }

        public override ValidationResult Validate() => ValidatePaths(("--zip", Zip));
    }
}
