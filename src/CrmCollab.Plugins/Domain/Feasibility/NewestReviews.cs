using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A function's word on a deal is its newest current review: at the gate, in the deal's status, and when CrmCollab
    /// decides whether to ask the function again. A function may have two current reviews (CrmCollab's, and one an
    /// administrator made by hand); made at the same instant, they count as the less favourable of the two (rejected, then
    /// pending, then approved with conditions), whatever order the server reads them in.
    /// </summary>
    public static class NewestReviews
    {
        /// <summary>The newest current review of each function that has one.</summary>
        public static IReadOnlyList<ReviewState> PerFunction(IEnumerable<ReviewState> reviews) =>
            reviews.Where(r => r.IsCurrent)
                .GroupBy(r => r.Function)
                .Select(g => g.OrderByDescending(r => r.CreatedOn).ThenBy(r => Standing(r.Decision)).ThenBy(r => r.Id).First())
                .ToList();

        private static int Standing(ReviewDecision decision)
        {
            switch (decision)
            {
                case ReviewDecision.Rejected: return 0;
                case ReviewDecision.Pending: return 1;
                case ReviewDecision.ApprovedWithConditions: return 2;
                default: return 3;
            }
        }
    }
}
