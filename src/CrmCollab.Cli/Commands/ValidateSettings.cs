using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class ValidateSettings : PackagingSettings
    {
        [CommandOption("--zip <FILE>")]
        [Description("Check this solution zip, with the plugin DLL it carries, instead of the folder (so not with --solution or --dll).")]
        public string Zip { get; set; }

        public override ValidationResult Validate()
        {
            // A zip is checked with the DLL it carries and its own content: a folder or DLL given with it would be ignored.
            string ignored = Zip == null ? null : Solution != null ? "--solution" : Dll != null ? "--dll" : null;
            if (ignored != null)
                return ValidationResult.Error($"{ignored} cannot go with --zip: a zip is checked with the plugin DLL it carries, a folder against --dll. " +
                                              "Give --zip alone, or --solution (and --dll) without it.");
            return ValidatePaths(("--zip", Zip));
        }
    }
}
