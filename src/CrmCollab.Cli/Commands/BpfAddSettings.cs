using System.ComponentModel;
using CrmCollab.Tooling.Registration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class BpfAddSettings : SolutionSettings
    {
        [CommandOption("--table <TABLE>", true)]
        [Description("Logical name of the flow's table, as Dataverse shows it (e.g. new_customsalesprocess). Required.")]
        public string Table { get; set; }

        [CommandOption("--lookup <COLUMN>")]
        [Description("The flow table's lookup to the opportunity: bpf_opportunityid, the one Dataverse creates (the only one accepted).")]
        public string Lookup { get; set; }

        public override ValidationResult Validate() => CliPath.First(
            CliPath.NotEmpty("--table", Table, "give the logical name of the flow's table (for example new_customsalesprocess)"),
            CliPath.NotEmpty("--lookup", Lookup, $"leave it out, the flow's lookup to the opportunity is {ProcessFlowSteps.DefaultLookup}"),
            CliPath.NotBlank(("--solution", Solution)));
    }
}
