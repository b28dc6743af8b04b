using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A review someone creates by hand (an administrator from the grid, an import, an integration), on an open deal, is
    /// recorded as CrmCollab would have requested it. Without it the review would watch no column: once approved, no
    /// change of the deal's terms would ever re-open it, and the gate would keep counting it as current.
    /// </summary>
    public static class HandMadeReview
    {
        /// <summary>Where a hand-made review came from, in its routing path.</summary>
        public const string RoutingPath = "Created by hand: not routed by CrmCollab.";

        private const int DefaultSlaHours = 48;

        /// <summary>
        /// A review is asked of an open deal only. On a won deal it would wait for a decision nobody can take (reviews are
        /// frozen once the deal is won); on a lost one nobody decides it either. Null when the deal is open.
        /// </summary>
        /// <param name="dealState">The deal's status (statecode, <see cref="DealLifecycle"/>).</param>
        /// <param name="exists">Whether the deal it names exists (an import may name one deleted since).</param>
        public static Refusal CheckDeal(int? dealState, bool exists = true)
        {
            if (!exists)
                return new Refusal(RefusalCodes.ReviewCreatedIncomplete,
                    "The opportunity this feasibility review names does not exist (it may have been deleted). Choose an existing opportunity, then save again.");
            switch (dealState)
            {
                case DealLifecycle.Won:
                    return new Refusal(RefusalCodes.ReviewDealClosed,
                        "This opportunity is won: its feasibility was settled before the win, and a review asked now would wait for a decision " +
                        "nobody can take. To change its agreed terms, raise an amendment.");
                case DealLifecycle.Lost:
                    return new Refusal(RefusalCodes.ReviewDealClosed,
                        "This opportunity is lost: nobody decides the reviews of a lost deal. If it is back in play, reopen it: CrmCollab then " +
                        "asks for the reviews it needs.");
                default:
                    return null;
            }
        }

        /// <param name="function">The function the review asks.</param>
        /// <param name="deal">The deal's facts now.</param>
        /// <param name="rulesOfFunction">The active rules of that function, whether or not they apply to the deal.</param>
        /// <param name="now">When the review is created.</param>
        /// <returns>
        /// When the deal's rules require the function: what CrmCollab's own request records (the columns, gate stage and
        /// tightest SLA of the rules that apply). Otherwise an opinion no rule asks for: the columns of every active rule
        /// of the function, so that if a rule comes to require it, a change of those terms still re-opens it; the
        /// earliest gate stage and tightest SLA of those rules, else Propose and 48 hours.
        /// </returns>
        public static ReviewBasis Record(BusinessFunction function, DealFacts deal, IReadOnlyList<FeasibilityRule> rulesOfFunction, DateTime now)
        {
            var rules = rulesOfFunction.Where(r => r.IsActive && r.Function == function).ToList();
            RequiredReview required = FeasibilityRequirements.AtAnyStage(deal, now, rules).FirstOrDefault();
            if (required != null)
                return new ReviewBasis { RelevantColumns = required.RelevantColumns, GateStage = required.GateStage, DueDate = now.AddHours(required.SlaHours) };
            return new ReviewBasis
            {
                RelevantColumns = rules.SelectMany(r => r.RelevantColumns).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                GateStage = rules.Count == 0 ? SalesStage.Propose : rules.Min(r => r.GateStage),
                DueDate = now.AddHours(rules.Count == 0 ? DefaultSlaHours : rules.Min(r => r.SlaHours)),
            };
        }
    }
}
