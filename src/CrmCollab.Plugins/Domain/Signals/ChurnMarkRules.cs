using System;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>
    /// An account's churn-risk mark tells its salesperson, and the views built on it, that the field sees the customer
    /// leaving. CrmCollab's intake sets it when a churn-risk signal is raised. By hand, only the account's salesperson (its
    /// owner, or a member of its owning team) or a CrmCollab Administrator sets or clears it, and nobody clears it while a
    /// churn-risk signal about the account waits to be acknowledged: the mark would be gone before anyone had read why
    /// it was there. A merge may give the account that stays the merged-away account's mark.
    /// </summary>
    public static class ChurnMarkRules
    {
        /// <summary>Null when the save may go on; the reads are made only when the save changes the mark by hand.</summary>
        /// <param name="written">The save sends the column.</param>
        /// <param name="sent">The mark sent (null: cleared).</param>
        /// <param name="current">The account's mark now (null on Create).</param>
        /// <param name="byIntake">The save is the signal intake's own.</param>
        /// <param name="mergedAwayMark">In a merge, reads the merged-away account's mark; null when the save is no merge.</param>
        /// <param name="isSalespersonOrAdministrator">Whether whoever saves is the account's salesperson or a CrmCollab Administrator.</param>
        /// <param name="hasUnacknowledgedChurnSignal">Whether a churn-risk signal about the account is still to be acknowledged.</param>
        public static Refusal Check(bool written, bool? sent, bool? current, bool byIntake, Func<bool?> mergedAwayMark,
            Func<bool> isSalespersonOrAdministrator, Func<bool> hasUnacknowledgedChurnSignal)
        {
            bool marked = sent == true, wasMarked = current == true;
            if (!written || byIntake || marked == wasMarked) return null;
            // A merge may bring the merged-away account's mark over (its signals move with it); clearing goes by the rules.
            if (mergedAwayMark != null && marked && mergedAwayMark() == true) return null;
            if (!isSalespersonOrAdministrator())
                return new Refusal(RefusalCodes.AccountChurnMark, marked
                    ? "Only the account's salesperson marks it at churn risk. Raise a churn-risk field signal instead: it reaches " +
                      "the salesperson and marks the account."
                    : "Only the account's salesperson clears its churn-risk mark, once the risk is handled. Ask them, or leave the " +
                      "mark out of the change and save again.");
            if (!marked && hasUnacknowledgedChurnSignal())
                return new Refusal(RefusalCodes.AccountChurnMark,
                    "A churn-risk signal about this account is still to be acknowledged. Acknowledge it first, then clear the mark.");
            return null;
        }
    }
}
