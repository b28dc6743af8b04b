using System;
using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// What the run observed that the records alone do not keep: refused gate moves (rolled back, so never saved), the
    /// platform cost of each action, and the backlog at each weekly snapshot.
    /// </summary>
    public sealed class RunLog
    {
        public Dictionary<Guid, GateBlock> OpenBlocks { get; } = new Dictionary<Guid, GateBlock>();
        public List<GateBlock> Blocks { get; } = new List<GateBlock>();
        public List<ActionCost> Costs { get; } = new List<ActionCost>();
        public List<BacklogSnapshot> Snapshots { get; } = new List<BacklogSnapshot>();
        public DateTime StartedOn { get; set; }
        public DateTime EndedOn { get; set; }

        public void EndBlock(Guid dealId, DateTime on, string outcome)
        {
            if (!OpenBlocks.Remove(dealId, out GateBlock block)) return;
            block.EndedOn = on;
            block.Outcome = outcome;
        }
    }
}
