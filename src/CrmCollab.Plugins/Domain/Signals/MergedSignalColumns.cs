using System;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>
    /// A merge moves the merged-away account's field signals to the account that stays, so what an account says about its
    /// signals comes with them: its "Last signal on" is the date of its latest signal, whichever of the two accounts it was
    /// raised on, and a churn-risk signal still waiting keeps it marked (<see cref="ChurnMarkRules"/>: nobody clears the
    /// mark over an unacknowledged churn-risk signal, a merge neither). What the merge's own content chose otherwise is
    /// put right after it.
    /// </summary>
    public static class MergedSignalColumns
    {
        /// <summary>The date the account that stays carries: the later of the two accounts' dates (null when neither has one).</summary>
        public static DateTime? LastSignalOn(DateTime? kept, DateTime? mergedAway) =>
            kept == null ? mergedAway : mergedAway == null ? kept : kept.Value >= mergedAway.Value ? kept : mergedAway;

        /// <summary>
        /// Whether the account that stays carries the churn-risk mark after the merge: it does when the merge left it marked,
        /// or when the merged-away account was marked and a churn-risk signal about the account that stays (those that came
        /// over among them) still waits to be acknowledged; read only then.
        /// </summary>
        /// <param name="markedAfterMerge">The mark of the account that stays as the merge left it (its own, or the content's).</param>
        /// <param name="mergedAwayMarked">The merged-away account was marked (it was, while a churn-risk signal about it waited).</param>
        public static bool Marked(bool markedAfterMerge, bool mergedAwayMarked, Func<bool> hasUnacknowledgedChurnSignal) =>
            markedAfterMerge || mergedAwayMarked && hasUnacknowledgedChurnSignal();
    }
}
