using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// The collaboration report: who blocks deals, which function is late, whether it improves, which accounts need
    /// attention, each person's shared objectives and what it all cost the platform. Same seed, same figures (but Run).
    /// JSON: camelCase keys, functions and kinds as labels, numbers rounded for reading (schemas/simulation-report.schema.json).
    /// </summary>
    public sealed class CollaborationReport
    {
        public int Seed { get; set; }
        public int Deals { get; set; }
        public string PeriodStart { get; set; }
        public string PeriodEnd { get; set; }
        public ReportTargets Targets { get; set; }
        public Headline Headline { get; set; }
        public BlockingSection Blocking { get; set; }
        public LatenessSection Lateness { get; set; }
        public TrendSection Trend { get; set; }
        public AttentionSection Attention { get; set; }
        public ScorecardSection Scorecards { get; set; }
        public PlatformSection Platform { get; set; }
        public List<GroupFigure> ReviewTurnaroundHistogram { get; set; }
        public IReadOnlyDictionary<string, int> Counts { get; set; }
        public IReadOnlyDictionary<string, int> Refusals { get; set; }
        public int AsyncFailures { get; set; }
        public RunFacts Run { get; set; }
    }
}
