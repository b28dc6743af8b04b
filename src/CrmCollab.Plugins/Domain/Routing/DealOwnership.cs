using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// Who owns or has owned the deal a feasibility review is routed for: its owner now (a user or a team), the user who
    /// owned it when the review was asked (crmc_dealowneratrequest) and the users and teams of its owner history
    /// (<see cref="DealOwnerHistory"/>). None of them may decide the deal's reviews
    /// (<see cref="ReviewDecisionRules.CheckDecider"/>), so routing passes them over as it passes over a disabled user
    /// (<see cref="OwnerResolver.Resolve(BusinessFunction, DateTime, DealOwnership)"/>): to the backup, the next rule, the
    /// unrouted queue. Only principals named directly are known: a user who is merely a member of such a team is not
    /// (that would need a membership query per candidate; the decision still refuses them). A CrmCollab Administrator
    /// is passed over too: the review goes to someone who did not sell the deal, and the administrator may still decide it.
    /// Handoffs are not concerned (a former owner may well do post-sale work).
    /// </summary>
    public sealed class DealOwnership
    {
        private readonly HashSet<Guid> _users;
        private readonly HashSet<Guid> _teams;

        public DealOwnership(IEnumerable<Guid> users, IEnumerable<Guid> teams)
        {
            _users = new HashSet<Guid>(users ?? Enumerable.Empty<Guid>());
            _teams = new HashSet<Guid>(teams ?? Enumerable.Empty<Guid>());
        }

        /// <param name="ownerUser">The deal's owner now, when a user.</param>
        /// <param name="ownerTeam">The deal's owner now, when a team.</param>
        /// <param name="ownerAtRequest">Who owned the deal when the review was asked (a review being re-routed), or null.</param>
        /// <param name="history">The deal's crmc_ownerhistory.</param>
        public static DealOwnership Of(Guid? ownerUser, Guid? ownerTeam, Guid? ownerAtRequest, string history)
        {
            var teams = new HashSet<Guid>(DealOwnerHistory.Teams(history));
            var users = DealOwnerHistory.Parse(history).Where(id => !teams.Contains(id)).ToList();
            if (ownerUser.HasValue) users.Add(ownerUser.Value);
            if (ownerAtRequest.HasValue) users.Add(ownerAtRequest.Value);
            if (ownerTeam.HasValue) teams.Add(ownerTeam.Value);
            return new DealOwnership(users, teams);
        }

        /// <summary>
        /// Why <paramref name="candidate"/> cannot be given the deal's review (a sentence, no ids), or null when they can:
        /// a user or team that owns or has owned the deal, or a queue whose owner did.
        /// </summary>
        public string WhyPassedOver(Principal candidate)
        {
            if (candidate == null) return null;
            if (Owned(candidate)) return $"{candidate} owns or has owned this deal, so cannot review it";
            if (candidate.Holder != null && Owned(candidate.Holder))
                return $"the owner of {candidate} ({candidate.Holder}) owns or has owned this deal, so cannot review it";
            return null;
        }

        private bool Owned(Principal principal) =>
            principal.Kind == PrincipalKind.User ? _users.Contains(principal.Id)
            : principal.Kind == PrincipalKind.Team && _teams.Contains(principal.Id);
    }
}
