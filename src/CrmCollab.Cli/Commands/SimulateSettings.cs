using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    public sealed class SimulateSettings : SolutionSettings
    {
        [CommandOption("--deals <COUNT>")]
        [Description("How many opportunities to play, 1 to 1,000,000.")]
        [DefaultValue("500")]
        public string Deals { get; set; }

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the organisation and of every choice people make (0 or more): the same seed gives the same figures.")]
        [DefaultValue("42")]
        public string Seed { get; set; }

        [CommandOption("--templates <FILE>")]
        [Description("Default handoff templates. Default: setup/handoff-templates.json of the repository.")]
        public string Templates { get; set; }

        [CommandOption("--targets <FILE>")]
        [Description("KPI targets (red/amber/green) and the individual/collective weighting. Default: setup/report-targets.json of the repository.")]
        public string Targets { get; set; }

        [CommandOption("--individual-weight <PERCENT>")]
        [Description("Weight of individual KPIs in each person's score, 0 to 100; the rest is collective. Default: the targets file's (50).")]
        public string IndividualWeight { get; set; }

        [CommandOption("--output <FOLDER>")]
        [Description("Folder for simulation-report.html and simulation-report.json. Default: ./out.")]
        public string Output { get; set; }

        [CommandOption("--quiet")]
        [Description("No progress bar (for logs and CI).")]
        public bool Quiet { get; set; }

        [CommandOption("--cost-breakdown")]
        [Description("Also show where the play's time and memory go, by request, plug-in step and call (written to cost-breakdown.json).")]
        public bool CostBreakdown { get; set; }

        public int DealCount => WholeNumber.Read(Deals);

        public int SeedValue => WholeNumber.Read(Seed);

        public int? IndividualWeightPercent => IndividualWeight == null ? (int?)null : WholeNumber.Read(IndividualWeight);

        public override ValidationResult Validate()
        {
            if (!WholeNumber.TryRead(Deals, 1, 1_000_000, out _)) return ValidationResult.Error($"--deals must be a whole number from 1 to 1,000,000 (got '{Deals}').");
            if (!WholeNumber.TryRead(Seed, 0, int.MaxValue, out _)) return ValidationResult.Error($"--seed must be a whole number, 0 or more (got '{Seed}').");
            if (IndividualWeight != null && !WholeNumber.TryRead(IndividualWeight, 0, 100, out _))
                return ValidationResult.Error($"--individual-weight must be a whole percentage from 0 to 100 (got '{IndividualWeight}').");
            return CliPath.NotBlank(("--solution", Solution), ("--templates", Templates), ("--targets", Targets), ("--output", Output));
        }
    }
}
