using System.Linq;

namespace CrmCollab.Cli.Report
{
    /// <summary>What each kind of user action cost the platform in plugin calls (median and max per action), and the
    /// gate's and the handoffs' budgets as measured.</summary>
    public static class CostAnalysis
    {
        public static PlatformSection Build(RunLog log)
        {
            var wins = log.Costs.Where(c => c.HandoffTasks > 0).ToList();
            return new PlatformSection
            {
                Actions = log.Costs.GroupBy(c => c.Action).OrderBy(g => g.Key, System.StringComparer.Ordinal).Select(g => new CostFigure
                {
                    Action = g.Key,
                    Count = g.Count(),
                    ReadsMedian = Figures.Median(g.Select(c => (double)c.Reads)) ?? 0,
                    ReadsMax = g.Max(c => c.Reads),
                    WritesMedian = Figures.Median(g.Select(c => (double)c.Writes)) ?? 0,
                    WritesMax = g.Max(c => c.Writes),
                }).ToList(),
                GateReadsMax = log.Costs.Where(c => c.Action == Simulation.ActionMeter.ThroughGate).Select(c => c.GateReads).DefaultIfEmpty(0).Max(),
                HandoffReadsPerTaskMax = wins.Count == 0 ? (double?)null : Figures.Rate(wins.Max(c => (double)c.HandoffReads / c.HandoffTasks)),
                HandoffWritesPerTaskMax = wins.Count == 0 ? (double?)null : Figures.Rate(wins.Max(c => (double)c.HandoffWrites / c.HandoffTasks)),
            };
        }
    }
}
