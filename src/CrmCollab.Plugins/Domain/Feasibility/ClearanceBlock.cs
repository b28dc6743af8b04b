using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>One required function whose review holds an attempt at the gate, and why.</summary>
    public sealed class ClearanceBlock
    {
        public BusinessFunction Function { get; set; }

        /// <summary>A <see cref="ClearanceReasons"/> code.</summary>
        public string Reason { get; set; }

        /// <summary>The function's current review as the gate read it; null when none is on record.</summary>
        public ReviewState Review { get; set; }
    }
}
