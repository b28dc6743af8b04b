using System.Globalization;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The price a deal is won at. A Win records its actual revenue on the opportunity close (the price the customer
    /// actually agreed to, per Microsoft's help on closing an opportunity; the opportunity's actual revenue defaults to
    /// the estimated revenue when none is given), and the rules and
    /// the reviews weighed the estimated revenue. So at the win: the rules weigh the larger of the two (a deal estimated
    /// under a rule's minimum but won above it needs that rule's reviews; a smaller actual revenue never drops a review
    /// the estimate requires), and an actual revenue other than the estimate is a change of the amount, which re-opens
    /// the approvals that watched it, as saving the estimated revenue would.
    /// </summary>
    public static class WinPrice
    {
        /// <summary>The amount the rules weigh at the win, in the deal's currency.</summary>
        public static decimal? Weighed(decimal? estimatedRevenue, decimal? actualRevenue) =>
            actualRevenue.HasValue && (!estimatedRevenue.HasValue || actualRevenue.Value > estimatedRevenue.Value) ? actualRevenue : estimatedRevenue;

        /// <summary>Does the win record another price than the estimated revenue the reviews were asked on?</summary>
        public static bool Differs(decimal? estimatedRevenue, decimal? actualRevenue) =>
            actualRevenue.HasValue && actualRevenue.Value != (estimatedRevenue ?? 0m);

        /// <summary>The gate's refusal of a win at another price, with what to do: the same code, one sentence more.</summary>
        public static Refusal Explain(Refusal gate, decimal? estimatedRevenue, decimal actualRevenue)
        {
            if (gate == null) return null;
            string estimate = estimatedRevenue.HasValue ? "the estimated revenue of " + Amount(estimatedRevenue.Value) : "no estimated revenue";
            return new Refusal(gate.Code, gate.Text + $" The win records an actual revenue of {Amount(actualRevenue)}, and its reviews were asked on " +
                $"{estimate}: save the deal's estimated revenue at the price it is won at, wait for the reviews of that price, then close it as won.");
        }

        private static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
