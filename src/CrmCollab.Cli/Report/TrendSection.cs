using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>Is it getting better: weekly figures and the backlog counted each Monday during the run.</summary>
    public sealed class TrendSection
    {
        public List<WeekFigure> Weeks { get; set; }
        public List<BacklogSnapshot> Backlog { get; set; }
    }
}
