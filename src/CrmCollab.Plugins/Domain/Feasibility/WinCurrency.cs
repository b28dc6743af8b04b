using System;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A win's actual revenue is an amount of the opportunity close, so it is in the close's own currency (Dataverse keeps
    /// one currency per row, for all its money columns; opportunityclose is among the tables with a transaction
    /// currency), and a close nobody gives a currency gets its creator's default currency (Personal Options). The gate
    /// weighs the actual revenue as the deal's price (<see cref="WinPrice"/>), in the deal's currency, and the deal's
    /// actual revenue is in the deal's. How the platform carries a close's amount in another currency onto the deal is
    /// not documented, so a win is always recorded in its deal's currency: the close takes the deal's when it names none
    /// (or records no revenue), and an actual revenue in another currency is refused. Never converted: the rep typed the
    /// number the customer agreed to.
    /// </summary>
    public static class WinCurrency
    {
        /// <summary>The close takes its deal's currency: it names none, or records no actual revenue.</summary>
        public static bool TakesDealsCurrency(bool namesCurrency, bool recordsRevenue) => DealCurrency.IsTaken(namesCurrency, recordsRevenue);

        /// <param name="recordsRevenue">The close records an actual revenue.</param>
        /// <param name="closeCurrency">The currency the close names.</param>
        /// <param name="dealCurrency">The deal's currency.</param>
        /// <param name="closeCurrencyName">Asked only to word a refusal.</param>
        /// <param name="dealCurrencyName">Asked only to word a refusal; null when the deal has no currency.</param>
        public static Refusal Check(bool recordsRevenue, Guid? closeCurrency, Guid? dealCurrency,
            Func<string> closeCurrencyName, Func<string> dealCurrencyName)
        {
            if (!recordsRevenue || closeCurrency == dealCurrency) return null;
            string close = DealCurrency.Named(closeCurrencyName());
            if (dealCurrency == null)
                return new Refusal(RefusalCodes.WinCurrency,
                    $"This win gives its actual revenue in {close}, but the deal has no currency, and a won deal's actual revenue is read as the deal's amounts are. " +
                    "Enter the actual revenue as the deal's and leave the close's currency empty, then close the deal as won again.");
            string deal = DealCurrency.Named(dealCurrencyName());
            return new Refusal(RefusalCodes.WinCurrency,
                $"This win gives its actual revenue in {close}, but the deal is in {deal}, and a won deal's actual revenue is in the deal's currency. " +
                $"Enter the actual revenue in {deal} (set the close's currency to {deal}, or leave it empty), then close the deal as won again.");
        }
    }
}
