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
    /// </summary>
    public static class AccountSegmentRules
    {
        /// <summary>Null when the save may go on; the reads are made only when the save really changes a segment column.</summary>
        /// <param name="changed">What the save changes among the segment columns, as a reader names them ("industry").</param>
        /// <param name="mayChange">Whoever saves is a CrmCollab Administrator (or CrmCollab's own server code).</param>
        /// <param name="openDeals">How many open deals the change concerns (the account's, and for a new parent the ones below it).</param>
        public static Refusal Check(IReadOnlyList<string> changed, Func<bool> mayChange, Func<int> openDeals)
        {
            if (changed == null || changed.Count == 0 || mayChange()) return null;
            int deals = openDeals();
            if (deals == 0) return null;
            string what = string.Join(", ", changed);
            string which = deals == 1 ? "an open deal" : $"{deals} open deals";
            return new Refusal(RefusalCodes.AccountSegmentAdminOnly,
                $"This account has {which}, and its {what} {(changed.Count == 1 ? "decides" : "decide")} which feasibility reviews they need and who reviews them, " +
                "so only a CrmCollab Administrator changes it while they are open. Leave it out of the change and save again, " +
                "or ask your CrmCollab administrator to correct it.");
        }
    }
}
