namespace CrmCollab.Cli.Report
{
    /// <summary>Wall-clock facts of this run; kept apart because they differ between runs of the same seed.</summary>
    public sealed class RunFacts
    {
        public double Seconds { get; set; }
        public double PlaySeconds { get; set; }
        public double PeakWorkingSetMb { get; set; }
    }
}
