using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>Who reviews for a function: a user or team an active dedicated owner row or routing rule names for it.</summary>
    public static class FunctionReviewers
    {
        /// <summary>One query, a second only when the first finds nothing.</summary>
        public static bool Includes(IOrganizationService service, EntityReference principal, BusinessFunction function)
        {
            if (principal == null) return false;
            var owners = new QueryExpression(DedicatedOwnerRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            owners.Criteria.AddCondition(DedicatedOwnerRow.Function, ConditionOperator.Equal, (int)function);
            owners.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, InForce.StateActive);
            owners.Criteria.AddFilter(Names(principal, DedicatedOwnerRow.UserId, DedicatedOwnerRow.BackupUserId, DedicatedOwnerRow.TeamId));
            if (service.RetrieveMultiple(owners).Entities.Count > 0) return true;
            var rules = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            rules.Criteria.AddCondition(RoutingRuleRow.Function, ConditionOperator.Equal, (int)function);
            InForce.Only(rules, RoutingRuleRow.IsActive);
            rules.Criteria.AddFilter(Names(principal, RoutingRuleRow.UserId, null, RoutingRuleRow.TeamId));
            return service.RetrieveMultiple(rules).Entities.Count > 0;
        }

        private static FilterExpression Names(EntityReference principal, string userColumn, string backupColumn, string teamColumn)
        {
            var names = new FilterExpression(LogicalOperator.Or);
            if (principal.LogicalName == Team.Table) names.AddCondition(teamColumn, ConditionOperator.Equal, principal.Id);
            else
            {
                names.AddCondition(userColumn, ConditionOperator.Equal, principal.Id);
                if (backupColumn != null) names.AddCondition(backupColumn, ConditionOperator.Equal, principal.Id);
            }
            return names;
        }
    }
}
