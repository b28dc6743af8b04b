using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The values of a function's relevant columns when its review was decided, as stable text. A later change is
    /// material for that function only if its fingerprint changes, so unrelated edits re-open nothing.
    /// </summary>
    public static class TermsFingerprint
    {
        /// <param name="values">Column → value already turned into invariant text by the caller ("" for null).</param>
        public static string Of(IEnumerable<string> relevantColumns, IReadOnlyDictionary<string, string> values)
        {
            var text = new StringBuilder();
            foreach (string column in relevantColumns.Select(c => c.ToLowerInvariant()).Distinct().OrderBy(c => c, StringComparer.Ordinal))
            {
                values.TryGetValue(column, out string value);
                text.Append(column).Append('=').Append(value ?? "").Append('\n');
            }
            return text.ToString();
        }

        /// <summary>The columns of a change that matter to a function, so the plugin reads only those.</summary>
        public static bool Touches(IEnumerable<string> relevantColumns, IEnumerable<string> changedColumns) =>
            relevantColumns.Intersect(changedColumns, StringComparer.OrdinalIgnoreCase).Any();
    }

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
            Data.Opportunity.PaymentTerms, Data.Opportunity.IsCustomSolution, "estimatedclosedate", "budgetamount", "customerneed", "description",
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
    }
}
