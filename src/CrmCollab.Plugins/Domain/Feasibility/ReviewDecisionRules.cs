using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>Who may decide a review, and what a decision must carry.</summary>
    public static class ReviewDecisionRules
    {
        /// <summary>Null when the decision is acceptable, else the refusal text.</summary>
        public static string Check(ReviewDecision current, ReviewDecision proposed, string conditions, string rejectionReason)
        {
            if (current == ReviewDecision.Invalidated)
                return "This review was invalidated by a change to the deal and cannot be decided. Decide the new review instead.";
            if (current == ReviewDecision.Withdrawn)
                return "This review was withdrawn because the deal no longer needs it, and cannot be decided. " +
                    "If the deal needs it again, CrmCollab asks for a new one when the deal is saved or reopened: decide that one.";
            if (proposed == ReviewDecision.Invalidated || proposed == ReviewDecision.Withdrawn)
                return "Reviews are invalidated by CrmCollab when the deal changes, and withdrawn when the deal no longer needs them; choose Approved, Approved with conditions or Rejected.";
            if (proposed == ReviewDecision.ApprovedWithConditions && string.IsNullOrWhiteSpace(conditions))
                return "Write the conditions of your approval in 'Conditions' before choosing 'Approved with conditions'.";
            if (proposed == ReviewDecision.Rejected && string.IsNullOrWhiteSpace(rejectionReason))
                return "Write the reason for the rejection in 'Rejection reason' so the salesperson knows what to change.";
            return null;
        }

        /// <summary>
        /// Only the review's owner (or a member of its owning team) or an administrator decides; never the deal's owner, nor
        /// a member of the team that owns the deal (a salesperson could otherwise hand the deal to their team, decide, and
        /// take it back). The teams' members and the decider's role are asked for only when the answer depends on them: the
        /// review's owner deciding is allowed whatever their roles (unless they own the deal), so their roles are not read.
        /// Nor who owned the deal when the review was asked: a salesperson routed their own deal's review could otherwise
        /// hand the deal to a colleague, decide as no longer its owner, and the colleague move the deal on with it.
        /// </summary>
        /// <param name="dealOwnerTeamMembers">The members of the team that owns the deal; null when a user owns it.</param>
        /// <param name="dealOwnerAtRequest">Who owned the deal when the review was asked (stamped by CrmCollab); null for a
        /// review asked before that was recorded, or of a team-owned deal.</param>
        /// <param name="formerDealOwners">Every user who has owned the deal (<see cref="DealOwnerHistory"/>, recorded by
        /// CrmCollab at each change of owner): none of them decides, even one who handed the deal on before the review was
        /// asked; null or empty for a deal whose owner never changed since the record began.</param>
        public static string CheckDecider(Guid deciderId, Guid dealOwnerId, Guid reviewOwnerId, Func<IEnumerable<Guid>> reviewOwnerTeamMembers,
            Func<bool> deciderIsAdministrator, Func<IEnumerable<Guid>> dealOwnerTeamMembers = null, Guid? dealOwnerAtRequest = null,
            IEnumerable<Guid> formerDealOwners = null)
        {
            if (deciderId == dealOwnerId)
                return deciderIsAdministrator() ? null : "You own this opportunity, so you cannot decide its feasibility review. The reviewer of the function decides.";
            IEnumerable<Guid> dealTeam = dealOwnerTeamMembers?.Invoke();
            if (dealTeam != null && dealTeam.Contains(deciderId))
                return deciderIsAdministrator() ? null
                    : "Your team owns this opportunity, so you cannot decide its feasibility review. A reviewer outside the deal's team decides.";
            if (deciderId == dealOwnerAtRequest)
                return deciderIsAdministrator() ? null
                    : "You owned this opportunity when its feasibility review was asked, so you cannot decide it, even though someone else owns the deal now. " +
                      "Pass the review on (Assign) to another reviewer of the function, or ask your CrmCollab administrator to have it decided.";
            if (formerDealOwners != null && formerDealOwners.Contains(deciderId))
                return deciderIsAdministrator() ? null
                    : "You, or a team you belong to, have owned this opportunity (or created it for its owner), so you cannot decide its feasibility review, even though someone else owns it now. " +
                      "Pass the review on (Assign) to another reviewer of the function, or ask your CrmCollab administrator to have it decided.";
            if (deciderId == reviewOwnerId) return null;
            IEnumerable<Guid> members = reviewOwnerTeamMembers?.Invoke();
            if (members != null && members.Contains(deciderId)) return null;
            return deciderIsAdministrator() ? null : "Only the reviewer this review is assigned to (or a member of its team) can decide it. " +
                "Ask them to decide it, or to pass it on to you (Assign) if you review for its function; or ask your CrmCollab administrator.";
        }

        /// <summary>
        /// A review waiting at the unrouted desk (routed there because nobody reviews for its function on that account) is
        /// decided only by someone who reviews for its function, or a CrmCollab Administrator: the desk's keeper passes it on,
        /// as a review is passed on only to a reviewer of its function (<see cref="ReviewHandOver"/>). Otherwise whoever keeps
        /// the desk — a logistics reviewer, say — could clear the deal's Finance gate. A withdrawal settles nothing and stays
        /// theirs to make.
        /// </summary>
        public static string CheckDeskDecider(Routing.BusinessFunction function, ReviewDecision proposed, Func<bool> atTheDesk,
            Func<bool> deciderReviewsFunction, Func<bool> deciderIsAdministrator)
        {
            if (proposed == ReviewDecision.Withdrawn || !atTheDesk() || deciderReviewsFunction() || deciderIsAdministrator()) return null;
            string name = Routing.BusinessFunctions.Label(function);
            return $"This {name} review waits at the unrouted desk for a {name} reviewer: only someone who reviews for {name} decides it. " +
                $"Pass it on (Assign) to a {name} reviewer, or ask your CrmCollab administrator to set the account's {name} dedicated owner.";
        }
    }
}
