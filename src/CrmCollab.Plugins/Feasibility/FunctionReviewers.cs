using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Who reviews for a function: a user or team that a dedicated owner row in force today (owner or backup) or an active
    /// routing rule names for it, the owner of a queue such a rule routes to, and the members of those teams; and, for a
    /// review a team holds, that team's members (who take it to themselves).
    /// </summary>
    public static class FunctionReviewers
    {
        public static bool Includes(IOrganizationService service, EntityReference principal, BusinessFunction function, DateTime today,
            EntityReference currentOwner)
        {
            if (principal == null) return false;
            bool isTeam = principal.LogicalName == Team.Table;
            var users = isTeam ? new List<Guid>() : new List<Guid> { principal.Id };
            var teams = isTeam ? new List<Guid> { principal.Id } : TeamsOf(service, principal.Id);
            if (!isTeam && currentOwner?.LogicalName == Team.Table && teams.Contains(currentOwner.Id)) return true;
            return NamedByAnOwnerRow(service, function, today, users, teams) || NamedByARule(service, function, users, teams)
                || HoldsARulesQueue(service, function, users.Concat(teams).ToList());
        }

        private static bool NamedByAnOwnerRow(IOrganizationService service, BusinessFunction function, DateTime today, List<Guid> users, List<Guid> teams)
        {
            var query = new QueryExpression(DedicatedOwnerRow.Table) { ColumnSet = new ColumnSet(DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo) };
            query.Criteria.AddCondition(DedicatedOwnerRow.Function, ConditionOperator.Equal, (int)function);
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, InForce.StateActive);
            query.Criteria.AddFilter(Names(users, teams, DedicatedOwnerRow.UserId, DedicatedOwnerRow.BackupUserId, DedicatedOwnerRow.TeamId));
            return service.RetrieveMultiple(query).Entities.Any(row => new DedicatedOwner
            {
                ValidFrom = row.Read<DateTime?>(DedicatedOwnerRow.ValidFrom) ?? DateTime.MinValue,
                ValidTo = row.Read<DateTime?>(DedicatedOwnerRow.ValidTo),
            }.IsValidOn(today));
        }

        private static bool NamedByARule(IOrganizationService service, BusinessFunction function, List<Guid> users, List<Guid> teams)
        {
            var query = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(RoutingRuleRow.Function, ConditionOperator.Equal, (int)function);
            InForce.Only(query, RoutingRuleRow.IsActive);
            query.Criteria.AddFilter(Names(users, teams, RoutingRuleRow.UserId, null, RoutingRuleRow.TeamId));
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static bool HoldsARulesQueue(IOrganizationService service, BusinessFunction function, List<Guid> principals)
        {
            var query = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(RoutingRuleRow.Function, ConditionOperator.Equal, (int)function);
            InForce.Only(query, RoutingRuleRow.IsActive);
            LinkEntity queue = query.AddLink(Queue.Table, RoutingRuleRow.QueueId, Queue.Id);
            queue.LinkCriteria.AddCondition(Queue.OwnerId, ConditionOperator.In, principals.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static List<Guid> TeamsOf(IOrganizationService service, Guid userId)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId) };
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Select(m => m.Read<Guid>(Membership.TeamId)).ToList();
        }

        /// <summary>The row names one of the users (as owner or backup) or one of the teams.</summary>
        private static FilterExpression Names(List<Guid> users, List<Guid> teams, string userColumn, string backupColumn, string teamColumn)
        {
            var names = new FilterExpression(LogicalOperator.Or);
            if (users.Count > 0)
            {
                names.AddCondition(userColumn, ConditionOperator.In, users.Cast<object>().ToArray());
                if (backupColumn != null) names.AddCondition(backupColumn, ConditionOperator.In, users.Cast<object>().ToArray());
            }
            if (teams.Count > 0) names.AddCondition(teamColumn, ConditionOperator.In, teams.Cast<object>().ToArray());
            return names;
        }
    }
}
