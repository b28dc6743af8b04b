using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>Deals held at the gate, by the function and the reviewer holding them: count, median wait, value held.</summary>
    public sealed class BlockingView
    {
        public int Deals { get; set; }
        public double ValueHeld { get; set; }
        public double? MedianWaitHours { get; set; }
        public List<GroupFigure> ByFunction { get; set; }
        public List<GroupFigure> ByReviewer { get; set; }
    }
}
