namespace CrmCollab.Cli.Report
{
    /// <summary>One KPI on a person's scorecard: value, target, attainment (0 to 1, capped) and its colour.</summary>
    public sealed class KpiScore
    {
        public string Kpi { get; set; }
        public double? Value { get; set; }
        public double Target { get; set; }
        public double? Attainment { get; set; }
        public string Status { get; set; }
    }
}
