using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>What the plugins cost Dataverse per user action, and the two budgets the suite holds itself to.</summary>
    public sealed class PlatformSection
    {
        public List<CostFigure> Actions { get; set; }
        /// <summary>The most the opportunity guard (the gate) read on one move through the gate (into Propose); budget <see cref="GateReadsBudget"/>.</summary>
        public int GateReadsMax { get; set; }

        /// <summary>The stage's data requirements, the rules, the account's industry (only when a rule looks at it), the reviews.</summary>
        public const int GateReadsBudget = 4;
        public double? HandoffReadsPerTaskMax { get; set; }
        public double? HandoffWritesPerTaskMax { get; set; }
    }
}
