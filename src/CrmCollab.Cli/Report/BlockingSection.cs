using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>Who is blocking deals: now, over the run, and the longest-held deals.</summary>
    public sealed class BlockingSection
    {
        public BlockingView Now { get; set; }
        public BlockingView OverRun { get; set; }
        public List<BlockedDeal> Longest { get; set; }
    }
}
