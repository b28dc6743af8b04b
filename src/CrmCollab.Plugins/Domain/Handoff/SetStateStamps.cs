using System;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>The server's stamp a SetState of a handoff still needs once it is done (no Update step may have written it on the way).</summary>
    public enum SetStateStamp
    {
        None,
        /// <summary>Completed: its actual end and whether it closed on time.</summary>
        Completion,
        /// <summary>Canceled: its actual end.</summary>
        Cancellation,
        /// <summary>Reopened: no actual end, not closed on time.</summary>
        ClearEnd,
    }

    /// <summary>
    /// No page says a SetState runs the Update steps that stamp a handoff's close (<see cref="HandoffRules"/>), so a step
    /// after it writes what none wrote. A close is stamped when its actual end is still the one it had before the SetState:
    /// empty for an open handoff, and the cancellation's date for a canceled one completed after all — that date is not
    /// when the work was done, and the lateness figures read the actual end as the completion date.
    /// </summary>
    public static class SetStateStamps
    {
        /// <param name="before">The state before the SetState; null when unknown (then only an empty actual end is stamped).</param>
        /// <param name="after">The state it set.</param>
        /// <param name="endBefore">The actual end before the SetState.</param>
        /// <param name="endAfter">The actual end after it (an Update step on the way may have written it).</param>
        public static SetStateStamp Needed(HandoffState? before, HandoffState after, DateTime? endBefore, DateTime? endAfter)
        {
            if (after == HandoffState.Open) return endAfter != null ? SetStateStamp.ClearEnd : SetStateStamp.None;
            SetStateStamp close = after == HandoffState.Completed ? SetStateStamp.Completion : SetStateStamp.Cancellation;
            if (endAfter == null) return close;
            // Moved from another closed state with no Update step on the way: its end is still that state's.
            return before.HasValue && before.Value != HandoffState.Open && before.Value != after && endAfter == endBefore ? close : SetStateStamp.None;
        }
    }
}
