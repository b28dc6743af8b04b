using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A lost deal needs no feasibility decision any more: its pending reviews are withdrawn at once, kept as history
    /// with the reason, so reviewers stop spending time on a dead deal. Decided reviews (approved, approved with
    /// conditions, rejected) are the deal's record and stay as they are; invalidated and withdrawn ones are already
    /// history. If the deal is reopened, the reviews it still needs are requested again.
    /// </summary>
    public static class LostDealReviews
    {
        public static IReadOnlyList<ReviewState> ToWithdraw(IEnumerable<ReviewState> reviews) =>
            reviews.Where(r => r.Decision == ReviewDecision.Pending).ToList();

        /// <param name="lostOn">When the deal was lost (the Lose operation's time, UTC); null when unknown.</param>
        public static string Reason(DateTime? lostOn) =>
            (lostOn.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "Withdrawn: the deal was lost on {0:yyyy-MM-dd} (UTC)", lostOn.Value)
                : "Withdrawn: the deal was lost") +
            ", so this review no longer needs a decision. If the deal is reopened and still needs it, CrmCollab asks for a new review.";
    }
}
