using System;
using System.IO;
using CrmCollab.Tooling.Setup;
using Newtonsoft.Json;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// What each KPI should reach and how a person's score is weighted (setup/report-targets.json). A KPI is green at or
    /// past its target, amber within <see cref="AmberMargin"/> of it (as a share of the target), red beyond.
    /// </summary>
    public sealed class ReportTargets
    {
        [JsonProperty("individualWeightPercent")] public int IndividualWeightPercent { get; set; } = 50;
        [JsonProperty("amberMargin")] public double AmberMargin { get; set; } = 0.1;
        [JsonProperty("targets")] public KpiTargets Targets { get; set; } = new KpiTargets();

        /// <exception cref="InvalidDataException">A sentence naming the file, the key and what to change.</exception>
        public static ReportTargets Load(string path)
        {
            ReportTargets targets = SetupJson.Read<ReportTargets>(path, "targets file");
            string problem = targets.Problem();
            if (problem.Length > 0) throw new InvalidDataException($"The targets file {path} cannot be used: {problem}.");
            return targets;
        }

        /// <summary>attainment = value / target (higher is better), capped at 1; null without a value. A lower-is-better
        /// figure (the review turnaround) is coloured from its value and target (<see cref="StatusOf"/>), not from a ratio.</summary>
        public static double? Attainment(double? value, double target)
        {
            if (!value.HasValue) return null;
            return target <= 0 ? 1 : Math.Min(1, value.Value / target);
        }

        /// <summary>
        /// The colour of a value against its target, as the page states it: green meets the target, amber misses it by at
        /// most <see cref="AmberMargin"/> of the target (at least target × (1 − margin), or at most target × (1 + margin)
        /// when lower is better: a median of 26.5 h misses 24 h by more than 10 %), red beyond; "none" without a value.
        /// </summary>
        public string StatusOf(double? value, double target, bool lowerIsBetter = false)
        {
            if (!value.HasValue) return "none";
            double miss = lowerIsBetter ? value.Value - target : target - value.Value;
            double tolerance = 1e-9 * Math.Max(1, Math.Abs(target));
            return miss <= tolerance ? "green" : miss <= AmberMargin * target + tolerance ? "amber" : "red";
        }

        /// <summary>The colour of an attainment (value / target, higher is better): the same bands as <see cref="StatusOf"/>.</summary>
        public string Status(double? attainment) => StatusOf(attainment, 1);

        private string Problem()
        {
            if (IndividualWeightPercent < 0 || IndividualWeightPercent > 100) return "individualWeightPercent must be from 0 to 100";
            if (AmberMargin < 0 || AmberMargin >= 1) return "amberMargin must be from 0 to less than 1";
            if (Targets == null) return "targets is null: give the KPI targets or leave the key out for the defaults";
            return Targets.Problem() ?? "";
        }
    }
}
