using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A pending review whose function no rule requires any more (the amount was cut, the deal is no longer custom…)
    /// is withdrawn: kept as history with the reason, and it no longer blocks the deal.
    /// </summary>
    public static class StaleReviews
    {
        public static IReadOnlyList<ReviewState> ToWithdraw(IEnumerable<ReviewState> reviews, IReadOnlyList<RequiredReview> requiredAtAnyStage)
        {
            var required = new HashSet<BusinessFunction>(requiredAtAnyStage.Select(r => r.Function));
            return reviews.Where(r => r.IsCurrent && r.Decision == ReviewDecision.Pending && !required.Contains(r.Function)).ToList();
        }

        public static string Reason(BusinessFunction function, DateTime on) =>
            $"Withdrawn on {on:yyyy-MM-dd} UTC: the deal no longer meets any {function.Label()} feasibility rule, so this review is no longer needed.";
    }
}
