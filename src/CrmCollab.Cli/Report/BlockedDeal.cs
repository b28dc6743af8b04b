namespace CrmCollab.Cli.Report
{
    /// <summary>A deal held at the gate: by what, for how long, worth how much, and how it ended (null: still held).</summary>
    public sealed class BlockedDeal
    {
        public string Deal { get; set; }
        public string Salesperson { get; set; }
        public string BlockingFunction { get; set; }
        public string Reviewer { get; set; }
        public double AgeDays { get; set; }
        public double Value { get; set; }
        public string Outcome { get; set; }
    }
}
