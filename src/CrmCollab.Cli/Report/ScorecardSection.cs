using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    public sealed class ScorecardSection
    {
        public int IndividualWeightPercent { get; set; }
        /// <summary>The KPIs every person shares, computed over the whole organisation.</summary>
        public List<KpiScore> Collective { get; set; }
        public double? CollectiveScore { get; set; }
        public List<Scorecard> People { get; set; }
    }
}
