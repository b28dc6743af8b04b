using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>One week of the run (Monday to Sunday, from its start): what was decided, closed and raised that week.</summary>
    public sealed class WeekFigure
    {
        public int Week { get; set; }
        public string Starts { get; set; }
        public double? ReviewTurnaroundMedianHours { get; set; }
        public int ReviewsDecided { get; set; }
        public Dictionary<string, double?> HandoffsOnTimeRate { get; set; }
        public int HandoffsCompleted { get; set; }
        public int SignalsRaised { get; set; }
        public int SignalsAcknowledged { get; set; }
    }
}
