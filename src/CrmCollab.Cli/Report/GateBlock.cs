using System;
using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>A deal stopped at the feasibility gate: from the first refused move until it passed, was lost, or now.</summary>
    public sealed class GateBlock
    {
        public Guid DealId { get; set; }
        public DateTime StartedOn { get; set; }
        public DateTime? EndedOn { get; set; }
        /// <summary>passed, lost, or null while still blocked.</summary>
        public string Outcome { get; set; }
        public int Attempts { get; set; }
        /// <summary>The reviews that were not approved at the first refusal, each by function and owner.</summary>
        public List<GateBlocker> Blockers { get; } = new List<GateBlocker>();
    }
}
