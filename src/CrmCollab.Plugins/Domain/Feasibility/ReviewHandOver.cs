using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A review is passed on (a new owner, by Assign or by saving its owner) only to someone who reviews for its
    /// function — named for that function by a dedicated owner row in force or a routing rule, directly, through their team
    /// or as the owner of the rule's queue; a member of the team holding the review takes it — or by a CrmCollab Administrator.
    /// Otherwise a logistics reviewer handed a finance review could clear the deal's finance gate. CrmCollab's own
    /// re-routing runs as SYSTEM and follows the routing, so it is not asked. Only a pending review is passed on: a decided
    /// one (approved, with conditions, rejected) or one that is history (invalidated, withdrawn) stays with who held it,
    /// since the scorecards count reviews by their owner — passing a late decision on would move its lateness onto a
    /// colleague who never had it — unless a CrmCollab Administrator moves it.
    /// </summary>
    public static class ReviewHandOver
    {
        public static Refusal Check(BusinessFunction function, bool isServerCall, Func<bool> newOwnerReviewsFunction, Func<bool> byAdministrator) =>
            Check(function, ReviewDecision.Pending, isServerCall, newOwnerReviewsFunction, byAdministrator);

        /// <param name="decision">Where the review stands before it is passed on.</param>
        /// <param name="newOwnerOwnedTheDeal">Whether the new owner owns the deal, has owned it or owned it when the review was
        /// asked (<see cref="DealOwnership"/>): they could never decide it (<see cref="ReviewDecisionRules.CheckDecider"/>), so
        /// it would wait with them, as routing never gives it them. Null: not asked.</param>
        public static Refusal Check(BusinessFunction function, ReviewDecision decision, bool isServerCall, Func<bool> newOwnerReviewsFunction,
            Func<bool> byAdministrator, Func<bool> newOwnerOwnedTheDeal = null)
        {
            if (decision != ReviewDecision.Pending)
                return FunctionHandOver.CheckClosedKept(RefusalCodes.ReviewDecidedOwnerKept, $"This review is {DecisionWords(decision)}",
                    "Only a pending review is passed on; ", isServerCall, byAdministrator);
            Refusal refusal = FunctionHandOver.Check(function, RefusalCodes.ReviewHandOverNotAllowed, "review", "reviews for", "reviewer",
                isServerCall, newOwnerReviewsFunction, byAdministrator);
            if (refusal != null || isServerCall || newOwnerOwnedTheDeal == null || !newOwnerOwnedTheDeal() || byAdministrator()) return refusal;
            string name = function.Label();
            return new Refusal(RefusalCodes.ReviewHandOverNotAllowed,
                $"The person or team you chose owns this opportunity, has owned it or owned it when its review was asked, so they could never decide its {name} review " +
                $"and it would wait with them. Pass it on to another {name} reviewer, or ask your CrmCollab administrator.");
        }

        /// <summary>
        /// A save that decides a pending review (approves it, with or without conditions, or rejects it) and gives it another
        /// owner in the same breath: the decision would be counted for someone who never made it, as a decided review passed
        /// on afterwards would (<see cref="Check(BusinessFunction, ReviewDecision, bool, Func{bool}, Func{bool})"/>). Only the
        /// decider taking it to themselves (a member of the team that holds it), CrmCollab, or a CrmCollab Administrator does both.
        /// </summary>
        /// <param name="current">Where the review stands before the save.</param>
        /// <param name="proposed">Where the save leaves it.</param>
        /// <param name="toTheDecider">The new owner is the user who decides.</param>
        public static Refusal CheckDecidedOnTheWay(ReviewDecision current, ReviewDecision proposed, bool toTheDecider, bool isServerCall,
            Func<bool> byAdministrator)
        {
            bool decides = current == ReviewDecision.Pending && (proposed == ReviewDecision.Approved
                || proposed == ReviewDecision.ApprovedWithConditions || proposed == ReviewDecision.Rejected);
            if (!decides || toTheDecider || isServerCall || byAdministrator()) return null;
            return new Refusal(RefusalCodes.ReviewDecidedOwnerKept,
                "This save decides the review and passes it on to someone else: a decision stays with who made it, since the scorecards " +
                "and the lateness report count it for them. Decide it and keep it, or pass it on first for its new reviewer to decide.");
        }

        /// <summary>
        /// A review made by hand (an import, an integration, the grid) is given to its owner as a hand-over would give it:
        /// to someone who reviews for its function, unless a CrmCollab Administrator makes it (as they may pass one to
        /// anyone). Left without an owner, it is its creator's, who is judged the same way. Otherwise the import of a
        /// Finance review in a logistics reviewer's name (or in its own) let someone outside Finance clear the deal's
        /// Finance gate, which an Assign of the review to them is refused. Null when the owner may hold it.
        /// </summary>
        public static Refusal CheckMadeFor(BusinessFunction function, bool isServerCall, Func<bool> ownerReviewsFunction, Func<bool> byAdministrator)
        {
            if (isServerCall || ownerReviewsFunction() || byAdministrator()) return null;
            string name = function.Label();
            return new Refusal(RefusalCodes.ReviewHandOverNotAllowed,
                $"A {name} review is made only for someone who reviews for {name} (a dedicated owner row in force or a routing rule names them, their team or their queue for it). " +
                $"Give it a {name} reviewer as its owner, or ask your CrmCollab administrator to make it.");
        }

        private static string DecisionWords(ReviewDecision decision)
        {
            switch (decision)
            {
                case ReviewDecision.Approved: return "approved";
                case ReviewDecision.ApprovedWithConditions: return "approved with conditions";
                case ReviewDecision.Rejected: return "rejected";
                case ReviewDecision.Invalidated: return "invalidated by a change of the deal's terms";
                default: return "withdrawn";
            }
        }
    }
}
