using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// A person's shared-objectives scorecard: their own KPIs and the collective ones everyone shares, each side scored
    /// 0 to 100 as the mean attainment of its KPIs, then weighted (individual weight, the rest collective).
    /// </summary>
    public sealed class Scorecard
    {
        public string Person { get; set; }
        public string Role { get; set; }
        public List<KpiScore> Individual { get; set; }
        public double? IndividualScore { get; set; }
        public double? CollectiveScore { get; set; }
        public double? Score { get; set; }
    }
}
