using System;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// An amount in the organisation's base currency, as a rule's minimum amount is stated: Dataverse's formula for a
    /// money column's base value, the value divided by the exchange rate of the record's currency (units of that
    /// currency per one unit of the base currency). A deal in a currency worth more than the base reaches a threshold
    /// with a smaller number, and one in a currency worth less needs a bigger one.
    /// </summary>
    public static class BaseAmount
    {
        /// <param name="exchangeRate">The currency's rate; null when the deal names no currency (its amount is then
        /// taken as it is).</param>
        public static decimal? Of(decimal? amount, decimal? exchangeRate)
        {
            if (amount == null || exchangeRate == null || exchangeRate.Value <= 0m) return amount;
            return Math.Round(amount.Value / exchangeRate.Value, 4, MidpointRounding.AwayFromZero);
        }
    }
}
