using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>What the plugins cost Dataverse per user action, and the two budgets the suite holds itself to.</summary>
    public sealed class PlatformSection
    {
        public List<CostFigure> Actions { get; set; }
        /// <summary>The most the gate's steps read on one move through the gate (into Propose).</summary>
        public int GateReadsMax { get; set; }
        public double? HandoffReadsPerTaskMax { get; set; }
        public double? HandoffWritesPerTaskMax { get; set; }
    }
}
