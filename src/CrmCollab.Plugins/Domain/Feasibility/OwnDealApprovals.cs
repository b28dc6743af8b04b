using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The deal's owner never decides its reviews (<see cref="ReviewDecisionRules.CheckDecider"/>), but that is asked at
    /// the decision: a salesperson who is also the routed reviewer of a function on an account could hand the deal to a
    /// colleague (the Salesperson role assigns its own deals), approve its review as no longer its owner, and have it
    /// handed back. So the gate counts an approval only when whoever decided it does not own the deal at the attempt
    /// (directly, or as a member of the team that owns it), unless they are a CrmCollab Administrator, who may decide
    /// the reviews of a deal they own. Nor, with the same exception, one decided by who owned the deal when the review was
    /// asked (<see cref="ReviewState.DealOwnerAtRequest"/>), which the decision rule refuses too: the colleague they hand
    /// the deal to does not move it on with it. Nor one decided by anyone who has owned the deal (<see cref="DealOwnerHistory"/>),
    /// even before the review was asked. A review asked before that was recorded is counted as before.
    /// </summary>
    public static class OwnDealApprovals
    {
        /// <param name="ownsTheDeal">Does this user own the deal now (or belong to the team that does)? Not asked of who owned
        /// it when the review was asked.</param>
        /// <param name="isAdministrator">Is this user a CrmCollab Administrator? Asked only of an owner who approved.</param>
        /// <param name="formerOwners">Every user who has owned the deal (<see cref="DealOwnerHistory"/>); null or empty for a
        /// deal whose owner never changed since CrmCollab began recording it.</param>
        public static IReadOnlyList<Guid> Of(IEnumerable<ReviewState> reviews, Func<Guid, bool> ownsTheDeal, Func<Guid, bool> isAdministrator,
            IEnumerable<Guid> formerOwners = null)
        {
            var former = new HashSet<Guid>(formerOwners ?? Enumerable.Empty<Guid>());
            return reviews
                .Where(r => r.IsCurrent && r.IsApproved && r.DecidedBy.HasValue)
                .Where(r => (r.DecidedBy == r.DealOwnerAtRequest || former.Contains(r.DecidedBy.Value) || ownsTheDeal(r.DecidedBy.Value))
                            && !isAdministrator(r.DecidedBy.Value))
                .Select(r => r.Id)
                .ToList();
        }

        /// <summary>What the salesperson is told about such approvals, and what to do.</summary>
        public static string Sentence(IReadOnlyCollection<string> functions) =>
            $"{string.Join(", ", functions)} was approved by someone who owns this deal now or has owned it, " +
            "and a deal's owner never decides its reviews: " +
            "ask your CrmCollab administrator to have the review decided by another reviewer of the function.";
    }
}
