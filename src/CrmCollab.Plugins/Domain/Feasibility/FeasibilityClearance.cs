using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The gate's rule, computed at the moment of the attempt: every function the deal's current facts require
    /// (rules × facts, account industry included) whose gate stage the attempt crosses must have a current,
    /// approved review. A review that merely exists is not enough, and a missing one blocks like a pending one.
    /// </summary>
    public static class FeasibilityClearance
    {
        /// <param name="attempt">The stage move and/or win being attempted.</param>
        /// <param name="currentStage">The deal's stage before the attempt (for the advice on missing reviews).</param>
        /// <param name="required">FeasibilityRequirements.AtAnyStage for the deal's facts now.</param>
        /// <param name="reviews">Every review of the deal, history included.</param>
        /// <param name="reopenedBySave">The decided reviews the same save re-opens by changing the terms they approved
        /// (<see cref="MaterialChangeRule.ToInvalidate"/>): they count as pending, since they will be once it is saved.</param>
        /// <param name="outdated">The decided reviews whose terms changed without CrmCollab's checks
        /// (<see cref="OutdatedDecisions"/>): they count as pending too.</param>
        /// <param name="ownDeal">The approvals decided by who owns the deal now or owned it when the review was asked (<see cref="OwnDealApprovals"/>): pending too.</param>
        /// <param name="accountMoved">The same save moves the deal to another account (<see cref="AccountChangeRule.Moves"/>), which
        /// re-opens every decided review (<paramref name="reopenedBySave"/> then holds them all): the refusal says so.</param>
        /// <returns>Null when the attempt may go on, else the refusal.</returns>
        public static Refusal Check(GateAttempt attempt, int currentStage, IReadOnlyList<RequiredReview> required, IEnumerable<ReviewState> reviews,
            ICollection<Guid> reopenedBySave = null, ICollection<Guid> outdated = null, ICollection<Guid> ownDeal = null, bool accountMoved = false) =>
            Decide(attempt, currentStage, required, reviews, reopenedBySave, outdated, ownDeal, accountMoved).Refusal;

        /// <summary>As <see cref="Check"/>, with what holds the attempt as data: each required function whose gate it
        /// crosses and whose review is missing or not an approval the attempt may lean on, with its reason code.</summary>
        public static ClearanceDecision Decide(GateAttempt attempt, int currentStage, IReadOnlyList<RequiredReview> required, IEnumerable<ReviewState> reviews,
            ICollection<Guid> reopenedBySave = null, ICollection<Guid> outdated = null, ICollection<Guid> ownDeal = null, bool accountMoved = false)
        {
            var crossed = required.Where(r => attempt.Crosses(r.GateStage)).ToList();
            if (crossed.Count == 0) return ClearanceDecision.Cleared;
            var asRead = NewestReviews.PerFunction(reviews).ToDictionary(r => r.Function);
            foreach (ICollection<Guid> notCounted in new[] { reopenedBySave, outdated, ownDeal })
                if (notCounted != null && notCounted.Count > 0)
                    reviews = reviews.Select(r => notCounted.Contains(r.Id) ? AsPending(r) : r).ToList();
            var latest = NewestReviews.PerFunction(reviews).ToDictionary(r => r.Function);

            var blocking = crossed.Where(r => latest.ContainsKey(r.Function) && !latest[r.Function].IsApproved)
                .Select(r => latest[r.Function]).ToList();
            var missing = crossed.Where(r => !latest.ContainsKey(r.Function)).ToList();
            if (blocking.Count == 0 && missing.Count == 0) return ClearanceDecision.Cleared;
            var blocks = blocking.Select(r => new ClearanceBlock
                {
                    Function = r.Function, Review = asRead[r.Function],
                    Reason = In(reopenedBySave, r.Id) ? ClearanceReasons.Reopened : In(outdated, r.Id) ? ClearanceReasons.Outdated
                        : In(ownDeal, r.Id) ? ClearanceReasons.OwnDeal
                        : r.Decision == ReviewDecision.Rejected ? ClearanceReasons.Rejected : ClearanceReasons.Pending,
                })
                .Concat(missing.Select(m => new ClearanceBlock
                {
                    Function = m.Function, Reason = IsOutgrown(m, reviews) ? ClearanceReasons.Outgrown : ClearanceReasons.Missing,
                }))
                .OrderBy(b => b.Function).ToList();
            return new ClearanceDecision(RefusalFor(attempt, currentStage, reviews, blocking, missing, reopenedBySave, outdated, ownDeal, accountMoved), blocks);
        }

        private static bool In(ICollection<Guid> ids, Guid id) => ids != null && ids.Contains(id);

        /// <summary>An approval on record that no longer covers what the function's rules watch (<see cref="ReviewCoverage"/>).</summary>
        private static bool IsOutgrown(RequiredReview missing, IEnumerable<ReviewState> reviews) =>
            reviews.Any(r => r.Function == missing.Function && r.Superseded && r.IsApproved);

        private static Refusal RefusalFor(GateAttempt attempt, int currentStage, IEnumerable<ReviewState> reviews, List<ReviewState> blocking,
            List<RequiredReview> missing, ICollection<Guid> reopenedBySave, ICollection<Guid> outdated, ICollection<Guid> ownDeal, bool accountMoved)
        {
            if (blocking.Count > 0)
            {
                var verdict = FeasibilityGate.Evaluate(blocking);
                string text = FeasibilityGate.RefusalMessage(verdict, attempt.Describe());
                var reopened = blocking.Where(r => reopenedBySave != null && reopenedBySave.Contains(r.Id)).Select(r => r.Function.Label()).ToList();
                if (reopened.Count > 0 && accountMoved)
                    text += $" This save also moves the deal to another account, whose reviewers decide again what {string.Join(", ", reopened)} decided: " +
                        "save the new account without moving the stage, then wait for their approval.";
                else if (reopened.Count > 0)
                    text += $" This save also changes terms that {string.Join(", ", reopened)} approved, which re-opens that review: " +
                        "save the new terms without moving the stage, then wait for the new approval.";
                var stale = blocking.Where(r => outdated != null && outdated.Contains(r.Id) && (reopenedBySave == null || !reopenedBySave.Contains(r.Id)))
                    .Select(r => r.Function.Label()).ToList();
                if (stale.Count > 0) text += " " + OutdatedDecisions.Sentence(stale);
                var own = blocking.Where(r => ownDeal != null && ownDeal.Contains(r.Id)).Select(r => r.Function.Label()).ToList();
                if (own.Count > 0) text += " " + OwnDealApprovals.Sentence(own);
                if (missing.Count > 0) text += " " + MissingSentence(missing, currentStage, reviews);
                return new Refusal(RefusalCodes.GateNotCleared, text);
            }
            return new Refusal(RefusalCodes.GateReviewMissing,
                $"This opportunity cannot {attempt.Describe()} yet. " + MissingSentence(missing, currentStage, reviews));
        }

        private static ReviewState AsPending(ReviewState review) => new ReviewState
        {
            Id = review.Id, Function = review.Function, Decision = ReviewDecision.Pending, DueDate = review.DueDate,
            ReviewerName = review.ReviewerName, CreatedOn = review.CreatedOn,
        };

        /// <summary>Names the functions without a current review and says how they get requested.</summary>
        private static string MissingSentence(IReadOnlyList<RequiredReview> missing, int currentStage, IEnumerable<ReviewState> reviews)
        {
            // An approval on record that no longer covers what the function's rules watch (ReviewCoverage): say so.
            var outgrown = missing.Where(m => IsOutgrown(m, reviews)).ToList();
            if (outgrown.Count == missing.Count)
            {
                string names = string.Join(", ", outgrown.Select(m => m.Function.Label()));
                return $"{names} approved the deal before another of their rules came to apply to it (it watches terms that approval did not). " +
                    $"CrmCollab asks {names} again when the deal's stage, account or terms are saved, or when the Request Feasibility Reviews " +
                    "workflow step runs on it; wait for that approval, or ask your CrmCollab administrator.";
            }
            string functions = string.Join(", ", missing.Select(m => m.Function.Label()));
            int trigger = missing.Min(m => m.TriggerStage);
            string trig = SalesStage.Label(trigger);
            if (currentStage < trigger)
                return $"It needs feasibility reviews from {functions}, which are requested at the {trig} stage. " +
                       $"Save the deal in {trig} first, then wait for the reviewers' approval.";
            return $"It needs feasibility reviews from {functions} for its current terms, and none is on record " +
                   "(a rule now applies to the deal, or its terms changed while it was before the review stage). " +
                   "CrmCollab requests them when the deal is saved with its account or terms, or when the rule is saved; " +
                   "wait for the reviewers' approval, or ask your CrmCollab administrator.";
        }
    }
}
