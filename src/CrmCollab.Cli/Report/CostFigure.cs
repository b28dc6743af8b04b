namespace CrmCollab.Cli.Report
{
    /// <summary>What one kind of user action costs the platform in plugin service calls, per action.</summary>
    public sealed class CostFigure
    {
        public string Action { get; set; }
        public int Count { get; set; }
        public double ReadsMedian { get; set; }
        public int ReadsMax { get; set; }
        public double WritesMedian { get; set; }
        public int WritesMax { get; set; }
    }
}
