using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Who has owned a deal, for the decision rule and the gate: the users its history records (<see cref="DealOwnerHistory"/>),
    /// and, of the <c>candidates</c> asked about (a decider, the approvers of its reviews), those who belong to a team the
    /// history records (a team that owned the deal before it was handed to someone: its members do not decide the deal's
    /// reviews; membership is read now). One query per candidate not named in the history, none for a deal with no history.
    /// </summary>
    public static class FormerDealOwners
    {
        public static IReadOnlyCollection<Guid> Of(IOrganizationService service, string history, IEnumerable<Guid> candidates)
        {
            IReadOnlyCollection<Guid> recorded = DealOwnerHistory.Parse(history);
            if (recorded.Count == 0) return recorded;
            var owners = new HashSet<Guid>(recorded);
            object[] ids = recorded.Select(id => (object)id).ToArray();
            foreach (Guid candidate in candidates.Distinct())
                if (!owners.Contains(candidate) && BelongsToAny(service, candidate, ids)) owners.Add(candidate);
            return owners;
        }

        /// <summary>Is the user a member of one of the teams among <paramref name="ids"/> (the history's users match no team)?</summary>
        private static bool BelongsToAny(IOrganizationService service, Guid userId, object[] ids)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId), TopCount = 1 };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.In, ids);
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
