using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// Where one opportunity close stands among its deal's closes (Win, Lose, or a close recorded by hand), when the
    /// asynchronous job of that close runs: maybe after later closes of the same deal were made.
    /// </summary>
    public sealed class CloseSequence
    {
        /// <summary>Another close of the deal was created after this one: its own job speaks for the deal now. Closes
        /// created in the same instant do not supersede each other (a run that hands off skips what exists).</summary>
        public bool Superseded { get; private set; }

        /// <summary>When the deal's previous close (the latest other one made at or before this one) was created, if any.</summary>
        public DateTime? PreviousOn { get; private set; }

        /// <summary>
        /// A canceled handoff is this win's work again when it was canceled before the deal's previous close (the loss
        /// after its handoffs were canceled): a handoff canceled since then — while the deal was won — stays canceled.
        /// </summary>
        /// <param name="canceledOn">When the handoff was canceled (the date CrmCollab stamps at the cancellation; for a handoff
        /// canceled before that stamp existed, its last change, which a later write such as the deal's reassignment moves).</param>
        public bool ReopensCanceled(DateTime? canceledOn) => PreviousOn != null && canceledOn != null && canceledOn.Value <= PreviousOn.Value;

        /// <param name="closes">Every close of the deal: its id and when it was created.</param>
        /// <param name="closeId">The close whose job runs.</param>
        public static CloseSequence Of(IEnumerable<KeyValuePair<Guid, DateTime>> closes, Guid closeId)
        {
            var all = new List<KeyValuePair<Guid, DateTime>>(closes);
            DateTime? mine = null;
            foreach (var close in all) if (close.Key == closeId) mine = close.Value;
            var sequence = new CloseSequence();
            if (mine == null) return sequence; // not visible (deleted since): nothing to compare with
            foreach (var close in all)
            {
                if (close.Key == closeId) continue;
                if (close.Value > mine.Value) sequence.Superseded = true;
                else if (sequence.PreviousOn == null || close.Value > sequence.PreviousOn.Value) sequence.PreviousOn = close.Value;
            }
            return sequence;
        }
    }
}
