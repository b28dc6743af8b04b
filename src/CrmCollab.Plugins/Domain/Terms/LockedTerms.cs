using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// After the win the agreed terms are frozen: the record is the contract's source of truth, and only an
    /// approved amendment may change it.
    /// </summary>
    public static class LockedTerms
    {
        /// <summary>
        /// Always locked once Won (the amount and its currency, the discount, the requested delivery and the payment terms:
        /// what the handoffs' agreed terms carry; the price list, which prices the deal's catalogue lines, locked with
        /// them; and the Revenue switch, which would have the platform calculate the amount from the products in place of the
        /// agreed one, a save that sends no amount); admins may add more through the crmc_LockedTermsColumns variable.
        /// </summary>
        public static readonly IReadOnlyList<string> DefaultColumns = new[]
        {
            Data.Opportunity.EstimatedValue, Data.Opportunity.TransactionCurrencyId, Data.Opportunity.DiscountPercent,
            Data.Opportunity.RequestedDelivery, Data.Opportunity.PaymentTerms, Data.Opportunity.PriceLevelId,
            Data.Opportunity.IsRevenueSystemCalculated,
        };

        public static IReadOnlyList<string> Columns(string environmentVariableValue) =>
            DefaultColumns.Concat(CommaList.Parse(environmentVariableValue)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        /// <summary>
        /// What the platform's Win and Lose write on the deal they close, in their own Update of it (the actual revenue and
        /// the actual close date): recorded by the close, not changed by a client, so a lock of them (an administrator's
        /// crmc_LockedTermsColumns) never refuses the win, the re-win of a reopened deal or the loss of one won once. Only
        /// Win and Lose close a deal (the platform refuses a client's Update to Won or Lost), so an Update moving the deal
        /// from Open to Won or Lost is theirs; every other save of these columns meets the lock.
        /// </summary>
        public static IReadOnlyList<string> WrittenByClose(int? stateBefore, int? stateAfter) =>
            stateBefore == DealLifecycle.Open && (stateAfter == DealLifecycle.Won || stateAfter == DealLifecycle.Lost)
                ? new[] { Data.Opportunity.ActualValue, Data.Opportunity.ActualCloseDate }
                : Array.Empty<string>();

        /// <summary>The locked columns a change touches, in the order they are locked.</summary>
        public static IReadOnlyList<string> Violations(IEnumerable<string> lockedColumns, IEnumerable<string> changedColumns)
        {
            var changed = new HashSet<string>(changedColumns, StringComparer.OrdinalIgnoreCase);
            return lockedColumns.Where(changed.Contains).ToArray();
        }

        /// <summary>Whether an amendment can propose a new value of the deal's <paramref name="column"/> (<see cref="Data.AmendmentRow.Proposals"/>).</summary>
        public static bool Amendable(string column) => Data.AmendmentRow.Proposals.Values.Contains(column, StringComparer.OrdinalIgnoreCase);

        /// <param name="violatedLabels">The locked columns the change touches, by label.</param>
        /// <param name="notAmendableLabels">Those of them no amendment proposes (the currency, the price list, what an
        /// administrator adds): the sentence does not send the salesperson to raise an amendment that cannot change them.</param>
        /// <param name="reopened">The deal was won and is reopened (or lost since): an amendment is raised only once it is won
        /// again (<see cref="AmendmentRules.DealReopened"/>), so the sentence says that rather than "raise an amendment" now.</param>
        public static string RefusalMessage(IEnumerable<string> violatedLabels, IEnumerable<string> notAmendableLabels = null, bool reopened = false)
        {
            var all = violatedLabels.ToList();
            var kept = (notAmendableLabels ?? Enumerable.Empty<string>()).ToList();
            string head = reopened
                ? $"This opportunity was won and has been reopened: the terms it was won on stay locked ({string.Join(", ", all)}). "
                : $"The agreed terms of a won opportunity are locked ({string.Join(", ", all)}). ";
            string raise = reopened
                ? "An amendment changes them only while the deal is won: win it again, then raise an amendment with the new values and a reason."
                : "Raise an amendment with the new values and a reason; once approved, CrmCollab applies it to the deal and its open handoffs.";
            if (kept.Count == 0) return head + raise;
            string stays = "An amendment changes the amount, discount, requested delivery or payment terms only: " +
                $"{string.Join(", ", kept)} {(kept.Count == 1 ? "stays" : "stay")} as the deal was won.";
            return kept.Count == all.Count ? head + stays : head + stays + " For the others, " + char.ToLowerInvariant(raise[0]) + raise.Substring(1);
        }

        /// <summary>
        /// The columns of a product line that are the won deal's agreed products: the line's own terms as the reviews weigh
        /// them (<see cref="Feasibility.ProductLineTerms.Columns"/>: product, unit, quantity, price, manual discount,
        /// description), whether the product and price are written in, its tax, its place on the order and its totals (Amount
        /// and Extended Amount, which a client may update: OpportunityProduct table reference). A column left out here is one
        /// a save could change on a won deal unseen (before, the unit: 5 pallets for 5 units; the totals: 480 due became 48).
        /// </summary>
        public static readonly IReadOnlyList<string> ProductLineColumns = Feasibility.ProductLineTerms.Columns
            .Concat(new[] { Feasibility.ProductLineTerms.WriteIn, Feasibility.ProductLineTerms.PriceOverridden, "tax", "lineitemnumber", "baseamount", "extendedamount" }).ToArray();

        /// <summary>What the salesperson can do: an amendment proposes no product line (<see cref="Data.AmendmentRow.Proposals"/>).</summary>
        public const string ProductsRefusal =
            "The products of a won opportunity are part of its agreed terms and stay as they were won: no line is added, changed or removed. " +
            "An amendment changes the deal's amount, discount, requested delivery or payment terms, not its products; sell an added product on a new opportunity.";

        /// <summary>
        /// A product line added to, changed on, removed from or moved onto or off a deal that was won (even if reopened).
        /// A line saved again with the values it has (<paramref name="changesTheLine"/> false: an integration re-saving
        /// every line) changes none of the agreed terms and passes.
        /// </summary>
        public static Refusal CheckProducts(bool dealWasWon, bool changesTheLine = true) =>
            dealWasWon && changesTheLine ? new Refusal(RefusalCodes.ProductsLocked, ProductsRefusal) : null;
    }
}
