using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>The verdict on a deal's reviews: its status, what blocks it, and a summary a rep can read.</summary>
    public sealed class GateVerdict
    {
        public FeasibilityStatus Status { get; set; }
        public IReadOnlyList<string> Blocking { get; set; }
        public string Summary { get; set; }
        private string _detail;
        private IReadOnlyList<ReviewState> _detailOf;
        private FeasibilityStatus _detailStatus;

        /// <summary>
        /// The same verdict as data (see <see cref="FeasibilityDetail"/>), for forms and the panel. An evaluated verdict writes it
        /// when first read (most are only compared with the deal's status and summary, which then need no new detail): from the
        /// reviews it counted, whose columns in it nothing changes once read from their rows.
        /// </summary>
        public string Detail
        {
            get
            {
                if (_detail == null && _detailOf != null) _detail = FeasibilityDetail.ToJson(_detailStatus, _detailOf);
                return _detail;
            }
            set
            {
                _detail = value;
                _detailOf = null;
            }
        }

        /// <summary>Sets <see cref="Detail"/> to be written from <paramref name="current"/> and the status as it is now when first read.</summary>
        internal GateVerdict WithDetailOf(IReadOnlyList<ReviewState> current)
        {
            _detail = null;
            _detailOf = current;
            _detailStatus = Status;
            return this;
        }
        public bool IsCleared => Status == FeasibilityStatus.Cleared || Status == FeasibilityStatus.NotRequired;
    }

    /// <summary>
    /// A deal passes the gate only when every current review is Approved or Approved with conditions.
    /// Invalidated reviews are history; the newest current review of each function is the one that counts (<see cref="NewestReviews"/>).
    /// </summary>
    public static class FeasibilityGate
    {
        public static GateVerdict Evaluate(IEnumerable<ReviewState> reviews)
        {
            var current = NewestReviews.PerFunction(reviews).OrderBy(r => r.Function).ToList();
            if (current.Count == 0)
                return new GateVerdict
                {
                    Status = FeasibilityStatus.NotRequired, Blocking = new string[0], Summary = "No feasibility review is required.",
                }.WithDetailOf(current);

            var blocking = current.Where(r => !r.IsApproved).Select(Describe).ToList();
            FeasibilityStatus status = current.Any(r => r.Decision == ReviewDecision.Rejected) ? FeasibilityStatus.Blocked
                : blocking.Count > 0 ? FeasibilityStatus.Pending
                : FeasibilityStatus.Cleared;
            return new GateVerdict { Status = status, Blocking = blocking, Summary = Summarize(current, blocking) }.WithDetailOf(current);
        }

        /// <summary>The refusal text when a deal tries to enter the gate stage or be won before clearance.</summary>
        public static string RefusalMessage(GateVerdict verdict, string attempted) =>
            $"This opportunity cannot {attempted} until its feasibility reviews are approved. Still blocking: " +
            string.Join("; ", verdict.Blocking) + ". Ask the reviewers to decide, or adjust the deal and request new reviews.";

        /// <summary>The refusal text when a deal would pass a gate whose reviews were never requested (it skipped the trigger stage).</summary>
        public static string SkippedReviewsMessage(GateAttempt attempt, IEnumerable<BusinessFunction> functions, int triggerStage) =>
            $"This opportunity cannot {attempt.Describe()} yet: it needs feasibility reviews from " +
            string.Join(", ", functions.Select(f => f.Label())) +
            $", which are requested at the {SalesStage.Label(triggerStage)} stage. Save the deal in {SalesStage.Label(triggerStage)} first, then wait for the reviewers' approval.";

        private static string Describe(ReviewState review)
        {
            string who = string.IsNullOrEmpty(review.ReviewerName) ? "" : $" ({review.ReviewerName})";
            switch (review.Decision)
            {
                case ReviewDecision.Rejected:
                    return $"{review.Function.Label()} rejected{who}: {review.RejectionReason}";
                default:
                    string due = review.DueDate.HasValue ? ", due " + review.DueDate.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "";
                    return $"{review.Function.Label()} pending{who}{due}";
            }
        }

        private static string Summarize(IReadOnlyList<ReviewState> current, IReadOnlyList<string> blocking)
        {
            var text = new StringBuilder();
            if (blocking.Count == 0) text.Append("Cleared: all feasibility reviews approved.");
            else text.Append("Waiting on: ").Append(string.Join("; ", blocking)).Append('.');
            var conditions = current.Where(r => r.Decision == ReviewDecision.ApprovedWithConditions && !string.IsNullOrWhiteSpace(r.Conditions)).ToList();
            if (conditions.Count > 0)
                text.Append(" Conditions: ").Append(string.Join("; ", conditions.Select(r => $"{r.Function.Label()}: {r.Conditions}"))).Append('.');
            return text.ToString();
        }
    }
}
