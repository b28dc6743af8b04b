namespace CrmCollab.Cli.Report
{
    /// <summary>An account with churn-risk signals nobody has acknowledged yet.</summary>
    public sealed class AccountAttention
    {
        public string Account { get; set; }
        public string Owner { get; set; }
        public int OpenChurnSignals { get; set; }
        public double DaysUnacknowledged { get; set; }
        public string LastSignalOn { get; set; }
    }
}
