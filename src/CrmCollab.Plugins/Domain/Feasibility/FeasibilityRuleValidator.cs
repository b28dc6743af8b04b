using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>Checks an administrator's feasibility rule at save time.</summary>
    public static class FeasibilityRuleValidator
    {
        public const string ProductsToken = "products";

        /// <summary>
        /// The deal columns whose change re-opens reviews (the filtering attributes of MaterialChange's Update step on
        /// opportunity; a test holds the two equal). A relevant column outside them would never re-open its review.
        /// </summary>
        public static readonly IReadOnlyList<string> WatchedColumns = new[]
        {
            Data.Opportunity.EstimatedValue, Data.Opportunity.DiscountPercent, Data.Opportunity.RequestedDelivery,
            Data.Opportunity.PaymentTerms, Data.Opportunity.IsCustomSolution, Data.Opportunity.EstimatedCloseDate, Data.Opportunity.BudgetAmount,
            Data.Opportunity.CustomerNeed, Data.Opportunity.Description,
            Data.Opportunity.TransactionCurrencyId,
        };

        public static IEnumerable<string> Check(FeasibilityRule rule, ISet<string> opportunityColumns)
        {
            if (rule.MinAmount < 0) yield return $"The minimum amount cannot be negative ({rule.MinAmount}).";
            if (rule.MinDiscountPercent < 0 || rule.MinDiscountPercent > 100)
                yield return $"The minimum discount must be between 0 and 100 % ({rule.MinDiscountPercent}).";
            if (rule.MaxLeadDays < 0) yield return $"The maximum lead time cannot be negative ({rule.MaxLeadDays} days).";
            if (rule.SlaHours <= 0) yield return "The review SLA must be a positive number of hours.";
            if (rule.GateStage <= rule.TriggerStage)
                yield return $"The gate stage ({SalesStage.Label(rule.GateStage)}) must come after the stage that requests the reviews ({SalesStage.Label(rule.TriggerStage)}).";
            var unknown = rule.RelevantColumns
                .Where(c => !string.Equals(c, ProductsToken, StringComparison.OrdinalIgnoreCase) && !opportunityColumns.Contains(c.ToLowerInvariant()))
                .ToList();
            if (unknown.Count > 0)
                yield return $"Relevant columns unknown on the opportunity: {string.Join(", ", unknown)}. Use logical names (e.g. estimatedvalue, crmc_discountpercent) or 'products'.";
            var unwatched = rule.RelevantColumns
                .Where(c => !string.Equals(c, ProductsToken, StringComparison.OrdinalIgnoreCase)
                    && opportunityColumns.Contains(c.ToLowerInvariant()) && !WatchedColumns.Contains(c.ToLowerInvariant()))
                .ToList();
            if (unwatched.Count > 0)
                yield return $"A change of {string.Join(", ", unwatched)} would never re-open this review. Choose the relevant columns " +
                    $"among the terms CrmCollab watches: {string.Join(", ", WatchedColumns)} or '{ProductsToken}'.";
        }

        /// <summary>
        /// The refusal of a rule an administrator saves (every problem in one message, so they fix all at once), or
        /// null when the rule can be saved.
        /// </summary>
        /// <param name="function">The function the rule asks to review the deal (its choice value; null: none chosen).</param>
        public static Refusal CheckRule(FeasibilityRule rule, int? function, ISet<string> opportunityColumns)
        {
            var problems = Check(rule, opportunityColumns).ToList();
            if (function == null) problems.Insert(0, "Choose the function this rule asks to review the deal.");
            else if (!Routing.BusinessFunctions.IsDefined(function.Value))
                problems.Insert(0, $"The function value {function} is not one of CrmCollab's functions; choose one from the list.");
            return problems.Count == 0 ? null : new Refusal(RefusalCodes.RuleInvalid, string.Join(" ", problems));
        }
    }
}
