using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// An account's industry decides which feasibility rules apply to its deals, and its industry, territory, size and
    /// parent account decide who reviews them and receives their handoffs (routing rules, the parent chain's dedicated
    /// owners). The salesperson owns the account and the deals its gate holds, so while the account has open deals those
    /// columns are changed by a CrmCollab Administrator only: otherwise a rep could clear the industry a rule asks a
    /// review for, move the deal past the gate and win it, then put the industry back, or pick a friendlier reviewer.
    /// A lost deal counts too: any salesperson may reopen it, and its reopen asks the reviews the account's segment
    /// needs then, so the rep could otherwise lose the deal, change the account, and reopen it past those reviews.
    /// </summary>
    public static class AccountSegmentRules
    {
        /// <summary>Null when the save may go on; the reads are made only when the save really changes a segment column.</summary>
        /// <param name="changed">What the save changes among the segment columns, as a reader names them ("industry").</param>
        /// <param name="mayChange">Whoever saves is a CrmCollab Administrator (or CrmCollab's own server code).</param>
        /// <param name="openDeals">How many open deals the change concerns (the account's, and for a new parent the ones below it).</param>
        /// <param name="lostDeals">How many lost deals it concerns (asked only when no open deal does); null: none counted.</param>
        public static Refusal Check(IReadOnlyList<string> changed, Func<bool> mayChange, Func<int> openDeals, Func<int> lostDeals = null)
        {
            if (changed == null || changed.Count == 0 || mayChange()) return null;
            string what = string.Join(", ", changed);
            string decides = changed.Count == 1 ? "decides" : "decide";
            int deals = openDeals();
            if (deals > 0)
            {
                string which = deals == 1 ? "an open deal" : $"{deals} open deals";
                return new Refusal(RefusalCodes.AccountSegmentAdminOnly,
                    $"This account has {which}, and its {what} {decides} which feasibility reviews {(deals == 1 ? "it needs" : "they need")} " +
                    $"and who reviews them, so only a CrmCollab Administrator changes it while {(deals == 1 ? "the deal is" : "they are")} open. " + Remedy);
            }
            int lost = lostDeals == null ? 0 : lostDeals();
            if (lost == 0) return null;
            string those = lost == 1 ? "a lost deal, which its salesperson may reopen," : $"{lost} lost deals, which their salespeople may reopen,";
            string it = lost == 1 ? "it needs" : "they need";
            return new Refusal(RefusalCodes.AccountSegmentAdminOnly,
                $"This account has {those} and its {what} {decides} which feasibility reviews {it} and who reviews them, " +
                $"so only a CrmCollab Administrator changes it while {(lost == 1 ? "the deal" : "they")} may be reopened. " + Remedy);
        }

        /// <summary>
        /// An account deleted while accounts below it have open (or lost) deals: the platform clears their Parent Account
        /// (account_parent_account: Delete RemoveLink), which changes who reviews those deals, as a save of their parent would
        /// (<see cref="Check"/>). Null when the delete may go on; the reads are made in that order, each only when needed.
        /// </summary>
        public static Refusal CheckParentDeleted(Func<bool> mayChange, Func<int> openDeals, Func<int> lostDeals)
        {
            int deals = openDeals();
            int lost = deals > 0 ? 0 : lostDeals();
            if ((deals == 0 && lost == 0) || mayChange()) return null;
            string which = deals > 0 ? (deals == 1 ? "an open deal" : $"{deals} open deals")
                : lost == 1 ? "a lost deal, which its salesperson may reopen" : $"{lost} lost deals, which their salespeople may reopen";
            return new Refusal(RefusalCodes.AccountSegmentAdminOnly,
                $"The accounts below this one have {which}: deleting it leaves them without their parent account, which decides who reviews " +
                "their deals and receives their handoffs, so only a CrmCollab Administrator deletes it. " +
                "Deactivate it instead, or ask your CrmCollab administrator to delete it.");
        }

        private const string Remedy = "Leave it out of the change and save again, or ask your CrmCollab administrator to correct it.";
    }
}
