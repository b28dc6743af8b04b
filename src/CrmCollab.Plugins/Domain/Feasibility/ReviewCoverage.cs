using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A review vouches for the deal's columns its function's rules watched when it was requested (recorded on it).
    /// When the function's rules come to watch more — another of its rules starts to apply (a bigger amount, a new
    /// industry), or an administrator adds a column to a rule — the review no longer covers what the function must
    /// review: a pending one is widened before it is decided, a decided one is superseded by a new review.
    /// </summary>
    public static class ReviewCoverage
    {
        public static bool Covers(IEnumerable<string> recorded, IEnumerable<string> needed) =>
            !needed.Except(recorded ?? new string[0], StringComparer.OrdinalIgnoreCase).Any();

        /// <summary>The current reviews of the required functions whose recorded columns miss some the function's rules now watch.</summary>
        public static IReadOnlyList<WatchedReview> Uncovered(IEnumerable<WatchedReview> reviews, IReadOnlyList<RequiredReview> required)
        {
            var needs = required.ToDictionary(r => r.Function);
            return reviews
                .Where(r => r.State.IsCurrent && needs.ContainsKey(r.State.Function) && !Covers(r.RelevantColumns, needs[r.State.Function].RelevantColumns))
                .ToList();
        }

        /// <summary>
        /// The reviews as the gate counts them for an attempt: a decided review that does not cover what the rules whose
        /// gate the attempt crosses watch is no approval of it (it counts as superseded: the function's review is missing).
        /// </summary>
        public static IReadOnlyList<ReviewState> ForAttempt(IEnumerable<WatchedReview> reviews, IReadOnlyList<RequiredReview> crossedNeeds)
        {
            var all = reviews.ToList();
            var uncovered = new HashSet<Guid>(Uncovered(all, crossedNeeds).Where(r => r.State.Decision != ReviewDecision.Pending).Select(r => r.Id));
            foreach (WatchedReview review in all) if (uncovered.Contains(review.Id)) review.State.Superseded = true;
            return all.Select(r => r.State).ToList();
        }
    }
}
