using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Who has owned a deal, for the decision rule and the gate: the users and teams its history records
    /// (<see cref="DealOwnerHistory"/>), and, of the <c>candidates</c> asked about (a decider, the approvers of its reviews),
    /// those who belong to a team the history records (a team that owned the deal before it was handed to someone: its
    /// members do not decide the deal's reviews; membership is read now). No query for a deal with no history nor for one
    /// whose history names no team (a deal handed from one salesperson to another); else one query for all the candidates
    /// it does not name.
    /// </summary>
    public static class FormerDealOwners
    {
        public static IReadOnlyCollection<Guid> Of(IOrganizationService service, string history, IEnumerable<Guid> candidates)
        {
            IReadOnlyCollection<Guid> recorded = DealOwnerHistory.Parse(history);
            IReadOnlyCollection<Guid> teams = DealOwnerHistory.Teams(history);
            if (recorded.Count == 0 || teams.Count == 0) return recorded;
            var owners = new HashSet<Guid>(recorded);
            object[] asked = candidates.Where(c => !owners.Contains(c)).Distinct().Select(c => (object)c).ToArray();
            if (asked.Length == 0) return owners;
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.UserId) };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.In, teams.Select(id => (object)id).ToArray());
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.In, asked);
            foreach (Entity membership in service.RetrieveMultiple(query).Entities)
            {
                Guid member = membership.GetAttributeValue<Guid>(Membership.UserId);
                if (member != Guid.Empty) owners.Add(member);
            }
            return owners;
        }

        /// <summary>
        /// Whether <paramref name="principal"/> (a user or team) owns the deal, has owned it or owned it when a review was asked
        /// (<paramref name="ownerAtRequest"/>), as routing judges it (<see cref="ForRouting"/>): one read of the deal.
        /// </summary>
        public static bool OwnsOrHasOwned(IOrganizationService service, Guid? dealId, Guid? ownerAtRequest, EntityReference principal)
        {
            if (dealId == null || principal == null) return false;
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.OwnerId, Opportunity.OwnerHistory));
            DealOwnership owners = ForRouting(deal.GetAttributeValue<EntityReference>(Opportunity.OwnerId), deal.GetAttributeValue<string>(Opportunity.OwnerHistory),
                ownerAtRequest);
            var kind = principal.LogicalName == Team.Table ? PrincipalKind.Team : PrincipalKind.User;
            return owners.WhyPassedOver(new Principal(kind, principal.Id)) != null;
        }

        /// <summary>
        /// Who routing passes over for a review of the deal (<see cref="DealOwnership"/>): its <paramref name="owner"/> now,
        /// the user who owned it when the review was asked, and its <paramref name="history"/>. No query.
        /// </summary>
        public static DealOwnership ForRouting(EntityReference owner, string history, Guid? ownerAtRequest = null) =>
            DealOwnership.Of(owner?.LogicalName == SystemUser.Table ? owner.Id : (Guid?)null,
                owner?.LogicalName == Team.Table ? owner.Id : (Guid?)null, ownerAtRequest, history);
    }
}
