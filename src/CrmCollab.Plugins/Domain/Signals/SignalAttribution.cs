using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>
    /// Which deals may name a field signal's lead as their originating lead. "Signals that became won deals" and the
    /// raising function's scorecard count a signal through the won deal that names its lead, so a deal may name one only
    /// when it is for the account the signal was raised on; a lead from anywhere else (a web form, a list, a rep's own)
    /// is not CrmCollab's to judge.
    /// </summary>
    public static class SignalAttribution
    {
        /// <param name="signalAccountId">The account of the field signal the lead was raised from; null when no signal raised it.</param>
        /// <param name="signalAccountName">That account's name, for the sentence.</param>
        /// <param name="customerAccountId">The deal's customer when it is an account, as it will be after the change.</param>
        /// <param name="parentAccountId">The deal's Account field (Dataverse fills it for a contact customer), as it will be.</param>
        /// <remarks>
        /// The deal is for its customer when that is an account, else for its Account field: the account its handoffs are
        /// routed to. An Account field naming the signal's account does not make a deal for another customer account the
        /// signal's (before, it did: a Fabrikam deal pointing its Account field at Contoso named Contoso's signal lead).
        /// </remarks>
        public static Refusal CheckOriginatingLead(Guid? signalAccountId, string signalAccountName, Guid? customerAccountId, Guid? parentAccountId)
        {
            Guid? dealAccount = Routing.DealAccount.Of(customerAccountId, parentAccountId);
            if (signalAccountId == null || dealAccount == signalAccountId) return null;
            string account = AccountName(signalAccountName);
            return new Refusal(RefusalCodes.DealLeadOtherAccount,
                $"The originating lead of this deal was raised from a field signal on {account}, and the signal's team is credited " +
                $"when that deal is won: a deal names it only when it is for {account}. Choose {account} as the customer, or " +
                "clear the originating lead.");
        }

        /// <summary>
        /// A merge of two leads moves the merged-away lead's field signals and deals to the lead that stays. A signal's lead
        /// is the one that stays: merged away, its signal would name a lead raised elsewhere, perhaps one deals of another
        /// account name (their win is then refused, <see cref="CheckOriginatingLead"/>). Merged into a signal's lead, the other
        /// lead brings no deal for an account other than the signal's. Whether the platform moves the deals' Originating lead
        /// is documented per relationship only, so the deals are judged as if it does. Null when the merge may go on.
        /// </summary>
        /// <param name="mergedAwaySignalAccountName">The account of a field signal that raised the lead merged away (its name, "" when
        /// it has none); null when no signal raised it.</param>
        /// <param name="keptSignalAccountId">The account of a field signal that raised the lead that stays; null when none did.</param>
        /// <param name="dealsOfMergedAway">The deals naming the lead merged away as their originating lead; read only when the lead
        /// that stays is a signal's.</param>
        public static Refusal CheckLeadMerge(string mergedAwaySignalAccountName, Guid? keptSignalAccountId, string keptSignalAccountName,
            Func<IEnumerable<LeadDeal>> dealsOfMergedAway)
        {
            if (mergedAwaySignalAccountName != null)
                return new Refusal(RefusalCodes.SignalLeadMerge,
                    $"The lead you are merging away was raised from a field signal on {AccountName(mergedAwaySignalAccountName)}, and the signal's team " +
                    "is credited for the deals that lead brings, so it stays the lead: merge the other lead into it (choose it as the record that " +
                    "stays). If both leads were raised from field signals, keep both and disqualify the one not needed.");
            if (keptSignalAccountId == null) return null;
            foreach (LeadDeal deal in dealsOfMergedAway())
            {
                if (Routing.DealAccount.Of(deal.CustomerAccountId, deal.ParentAccountId) == keptSignalAccountId) continue;
                string account = AccountName(keptSignalAccountName);
                string name = string.IsNullOrWhiteSpace(deal.Name) ? "A deal" : "The deal " + deal.Name;
                return new Refusal(RefusalCodes.SignalLeadMerge,
                    $"{name} names the lead you are merging away as its originating lead, and the merge would give it this lead, raised from " +
                    $"a field signal on {account}: a deal names a signal's lead only when it is for {account}. Clear that deal's originating " +
                    $"lead, or choose {account} as its customer, then merge again.");
            }
            return null;
        }

        private static string AccountName(string name) => string.IsNullOrWhiteSpace(name) ? "another account" : name;
    }
}
