namespace CrmCollab.Cli.Report
{
    /// <summary>The shared objectives at the end of the run, each named once (no two figures share a label).</summary>
    public sealed class Headline
    {
        public double? ReviewTurnaroundMedianHours { get; set; }
        public double? ReviewTurnaroundP90Hours { get; set; }
        /// <summary>Reviews whose decision stands (approved, with conditions, rejected).</summary>
        public int ReviewsDecided { get; set; }
        /// <summary>Every decision reviewers took, including those a later change of terms re-opened.</summary>
        public int ReviewDecisionsTaken { get; set; }
        public int ReviewsReopened { get; set; }
        public int ReviewsPendingNow { get; set; }
        public int ReviewsOverdueNow { get; set; }
        public double? HandoffAcceptanceMedianHours { get; set; }
        public int HandoffsOpenNow { get; set; }
        public int HandoffsOverdueNow { get; set; }
        public double? AmendmentsPerWonDeal { get; set; }
        public int DealsWon { get; set; }
        public int DealsLost { get; set; }
        public int DealsOpen { get; set; }
    }
}
