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
        /// <remarks>In the order the functions first appear; of two reviews alike in time, standing and id, the first read.</remarks>
        public static IReadOnlyList<ReviewState> PerFunction(IEnumerable<ReviewState> reviews)
        {
            // One pass, no grouping or sorting (asked on most saves of a deal): each function's best so far is replaced only by
            // a review strictly before it in the order newest, least favourable, smallest id.
            var newest = new List<ReviewState>();
            foreach (ReviewState review in reviews)
            {
                if (!review.IsCurrent) continue;
                int at = IndexOf(newest, review.Function);
                if (at < 0) newest.Add(review);
                else if (Before(review, newest[at])) newest[at] = review;
            }
            return newest;
        }

        private static int IndexOf(List<ReviewState> newest, Routing.BusinessFunction function)
        {
            for (int i = 0; i < newest.Count; i++) if (newest[i].Function == function) return i;
            return -1;
        }

        private static bool Before(ReviewState a, ReviewState b)
        {
            if (a.CreatedOn != b.CreatedOn) return a.CreatedOn > b.CreatedOn;
            int standing = Standing(a.Decision).CompareTo(Standing(b.Decision));
            if (standing != 0) return standing < 0;
            return a.Id.CompareTo(b.Id) < 0;
        }

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
