using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// How a feasibility rule is read (SDK ⇄ domain). Its minimum amount is in the rule's own currency (a money column: the
    /// saving administrator's default currency, or the one named) and is weighed in the base currency at that currency's
    /// exchange rate of the day (<see cref="BaseAmount"/>), as the deal's amount is: the base value Dataverse stamped at the
    /// rule's last save keeps the rate of that day, so after a new rate it would weigh the deal at today's rate against the
    /// minimum at an old one. A rule without a currency is read as in the base currency.
    /// </summary>
    public static class FeasibilityRuleRows
    {
        /// <summary>What <see cref="ToRule"/> reads of a rule.</summary>
        public static ColumnSet Columns() => new ColumnSet(FeasibilityRuleRow.Name, FeasibilityRuleRow.Function, FeasibilityRuleRow.MinAmount,
            FeasibilityRuleRow.TransactionCurrencyId, FeasibilityRuleRow.CustomOnly, FeasibilityRuleRow.MinDiscountPercent, FeasibilityRuleRow.MaxLeadDays,
            FeasibilityRuleRow.IndustryCode, FeasibilityRuleRow.TriggerStage, FeasibilityRuleRow.GateStage,
            FeasibilityRuleRow.SlaHours, FeasibilityRuleRow.RelevantColumns);

        /// <summary>
        /// The active rules that can apply to a deal with these facts: the server leaves out those whose custom-solution or
        /// discount criterion the deal misses, and those whose minimum in the base currency the deal's amount misses. A
        /// minimum in a currency is weighed at today's rate, which the query cannot compute: such rules are read whatever
        /// their number, and <see cref="FeasibilityRule.Applies"/> decides.
        /// </summary>
        public static QueryExpression ActiveQuery(DealFacts deal)
        {
            var query = new QueryExpression(FeasibilityRuleRow.Table) { ColumnSet = Columns() };
            InForce.Only(query, FeasibilityRuleRow.IsActive);
            MinAmountAtMost(query, deal.Amount);
            UnsetOrAtMost(query.Criteria, FeasibilityRuleRow.MinDiscountPercent, deal.DiscountPercent);
            if (!deal.IsCustomSolution)
            {
                var standard = new FilterExpression(LogicalOperator.Or);
                standard.AddCondition(FeasibilityRuleRow.CustomOnly, ConditionOperator.Null);
                standard.AddCondition(FeasibilityRuleRow.CustomOnly, ConditionOperator.Equal, false);
                query.Criteria.AddFilter(standard);
            }
            return query;
        }

        /// <summary>The minimum is unset, or in a currency (weighed after the read), or, in the base currency, met.</summary>
        private static void MinAmountAtMost(QueryExpression query, decimal? dealAmount)
        {
            if (dealAmount == null) { query.Criteria.AddCondition(FeasibilityRuleRow.MinAmount, ConditionOperator.Null); return; }
            var either = query.Criteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(FeasibilityRuleRow.TransactionCurrencyId, ConditionOperator.NotNull);
            either.AddCondition(FeasibilityRuleRow.MinAmount, ConditionOperator.Null);
            either.AddCondition(FeasibilityRuleRow.MinAmount, ConditionOperator.LessEqual, dealAmount.Value);
        }

        /// <summary>The rule's threshold is unset, or the deal's value reaches it (no value: only unset thresholds).</summary>
        private static void UnsetOrAtMost(FilterExpression criteria, string threshold, decimal? dealValue)
        {
            if (dealValue == null)
            {
                criteria.AddCondition(threshold, ConditionOperator.Null);
                return;
            }
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddCondition(threshold, ConditionOperator.Null);
            either.AddCondition(threshold, ConditionOperator.LessEqual, dealValue.Value);
            criteria.AddFilter(either);
        }

        /// <param name="exchangeRate">The rate of the rule's currency today; null when it names none (its minimum is then
        /// taken as in the base currency).</param>
        public static FeasibilityRule ToRule(Entity row, decimal? exchangeRate) => new FeasibilityRule
        {
            Id = row.Id,
            Name = row.Read<string>(FeasibilityRuleRow.Name),
            Function = (BusinessFunction)(row.Choice(FeasibilityRuleRow.Function) ?? 0),
            MinAmount = BaseAmount.Of(row.MoneyValue(FeasibilityRuleRow.MinAmount), exchangeRate),
            CustomOnly = row.Flag(FeasibilityRuleRow.CustomOnly),
            MinDiscountPercent = row.Read<decimal?>(FeasibilityRuleRow.MinDiscountPercent),
            MaxLeadDays = row.Read<int?>(FeasibilityRuleRow.MaxLeadDays),
            IndustryCode = row.Choice(FeasibilityRuleRow.IndustryCode),
            TriggerStage = row.Choice(FeasibilityRuleRow.TriggerStage) ?? SalesStage.Develop,
            GateStage = row.Choice(FeasibilityRuleRow.GateStage) ?? SalesStage.Propose,
            SlaHours = row.Read<int?>(FeasibilityRuleRow.SlaHours) ?? 48,
            RelevantColumns = CommaList.Parse(row.Read<string>(FeasibilityRuleRow.RelevantColumns)),
            IsActive = true,
        };
    }
}
