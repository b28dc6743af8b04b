using System;

namespace CrmCollab.Cli.Report
{
    /// <summary>The open work at one moment, counted as a manager's live views would show it then.</summary>
    public sealed class BacklogSnapshot
    {
        public DateTime At { get; set; }
        public int ReviewsPending { get; set; }
        public int ReviewsOverdue { get; set; }
        public int HandoffsOpen { get; set; }
        public int HandoffsOverdue { get; set; }
        public int SignalsUnacknowledged { get; set; }
        public int DealsBlocked { get; set; }
    }
}
