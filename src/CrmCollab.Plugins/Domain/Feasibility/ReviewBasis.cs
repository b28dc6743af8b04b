using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What CrmCollab records on a review when it is created: the deal columns whose change re-opens it, its gate stage, its due date.</summary>
    public sealed class ReviewBasis
    {
        public IReadOnlyList<string> RelevantColumns { get; set; }
        public int GateStage { get; set; }
        public DateTime DueDate { get; set; }
    }
}
