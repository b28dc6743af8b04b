using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>Which function is late: reviews and handoffs by function, by person and (handoffs) by template.</summary>
    public sealed class LatenessSection
    {
        public List<GroupFigure> ReviewsByFunction { get; set; }
        public List<GroupFigure> ReviewsByReviewer { get; set; }
        public List<GroupFigure> HandoffsByFunction { get; set; }
        public List<GroupFigure> HandoffsByTemplate { get; set; }
        public List<GroupFigure> HandoffsByOwner { get; set; }
    }
}
