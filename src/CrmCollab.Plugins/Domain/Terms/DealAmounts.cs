namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>A deal's value and discount make sense: a negative custom deal would skip every amount rule.</summary>
    public static class DealAmounts
    {
        /// <param name="amount">Est. Revenue sent (null: not sent).</param>
        /// <param name="discountPercent">Discount (%) sent (null: not sent).</param>
        public static Refusal Check(decimal? amount, decimal? discountPercent)
        {
            if (amount < 0)
                return new Refusal(RefusalCodes.NegativeAmount, "Est. Revenue cannot be negative. Enter the deal's value as a positive amount.");
            if (discountPercent < 0 || discountPercent > 100)
                return new Refusal(RefusalCodes.NegativeAmount, "Discount (%) must be between 0 and 100.");
            return null;
        }
    }
}
