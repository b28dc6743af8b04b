using System.Collections.Generic;

namespace CrmCollab.Cli.Report
{
    /// <summary>Which accounts need attention, and what the field raised, by function and kind.</summary>
    public sealed class AttentionSection
    {
        public List<AccountAttention> ChurnRisk { get; set; }
        public List<GroupFigure> SignalsByFunctionAndKind { get; set; }
    }
}
