using System;

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
            string account = string.IsNullOrWhiteSpace(signalAccountName) ? "another account" : signalAccountName;
            return new Refusal(RefusalCodes.DealLeadOtherAccount,
                $"The originating lead of this deal was raised from a field signal on {account}, and the signal's team is credited " +
                $"when that deal is won: a deal names it only when it is for {account}. Choose {account} as the customer, or " +
                "clear the originating lead.");
        }
    }
}
