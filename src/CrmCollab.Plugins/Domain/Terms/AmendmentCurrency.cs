using System;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// An amendment's proposed amount is in the amendment's own currency (Dataverse keeps one currency per row, for all
    /// its money columns), and is applied as it is to the deal's Est. Revenue, which is in the deal's currency. So an
    /// amendment is always in its deal's currency: it takes the deal's when it names none (or proposes no amount), and an
    /// amount in another currency is refused when it is written and again when it is approved (the deal may have been
    /// reopened and its currency changed in between). Never converted: the rep typed the number, the customer agreed to it.
    /// </summary>
    public static class AmendmentCurrency
    {
        /// <summary>
        /// The amendment takes its deal's currency: it names none, or it proposes no amount (a currency nothing is in,
        /// e.g. the form's default, is set to the deal's rather than refused).
        /// </summary>
        public static bool TakesDealsCurrency(bool namesCurrency, bool proposesAmount) => DealCurrency.IsTaken(namesCurrency, proposesAmount);

        /// <param name="proposesAmount">The amendment (as it will be saved) proposes a new Est. Revenue.</param>
        /// <param name="amendmentCurrency">The amendment's currency as it will be saved.</param>
        /// <param name="dealCurrency">The deal's currency now.</param>
        /// <param name="amendmentCurrencyName">Asked only to word a refusal.</param>
        /// <param name="dealCurrencyName">The deal's currency as users read it ("Euro"), asked only to word a refusal; null when it has none.</param>
        /// <param name="approving">The check is the approval's: the amendment is decided on as it is.</param>
        public static Refusal Check(bool proposesAmount, Guid? amendmentCurrency, Guid? dealCurrency,
            Func<string> amendmentCurrencyName, Func<string> dealCurrencyName, bool approving)
        {
            if (!proposesAmount || amendmentCurrency == dealCurrency) return null;
            string proposed = DealCurrency.Named(amendmentCurrencyName());
            if (dealCurrency == null) return WithoutDealCurrency(proposed, approving);
            string deal = DealCurrency.Named(dealCurrencyName());
            if (approving)
                return new Refusal(RefusalCodes.AmendmentCurrency,
                    $"This amendment proposes its amount in {proposed}, but its deal is now in {deal} (its currency changed after the amendment " +
                    $"was raised): applied, the number would be read as {deal}. Reject it with a comment so its author raises the amount again in {deal}.");
            return new Refusal(RefusalCodes.AmendmentCurrency,
                $"This amendment proposes its amount in {proposed}, but its deal was won in {deal}, and the amount replaces the deal's as it is. " +
                $"Enter the new amount in {deal} and set the amendment's currency to {deal} (or leave it empty), then save again.");
        }

        /// <summary>The deal has no currency: its numbers are read as they are, so the amendment names none either.</summary>
        private static Refusal WithoutDealCurrency(string proposed, bool approving) => new Refusal(RefusalCodes.AmendmentCurrency, approving
            ? $"This amendment proposes its amount in {proposed}, but its deal now has no currency (it was changed after the amendment was raised): " +
              "applied, the number would be read as the deal's. Reject it with a comment so its author raises the amount again without a currency."
            : $"This amendment proposes its amount in {proposed}, but its deal has no currency, and the amount replaces the deal's as it is. " +
              "Enter the new amount as the deal's and leave the amendment's currency empty, then save again.");
    }
}
