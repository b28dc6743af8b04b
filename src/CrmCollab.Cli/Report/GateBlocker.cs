using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Cli.Report
{
    /// <summary>One review holding a deal at the gate: its function, its owner (a person, or none) and where it stands.</summary>
    public sealed class GateBlocker
    {
        public BusinessFunction Function { get; set; }
        public Guid? ReviewerId { get; set; }
        public ReviewDecision Decision { get; set; }
    }
}
