using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>Who a user is for a rule: the record's owner (directly or through a team), or a holder of a role.</summary>
    public static class Principals
    {
        /// <summary>The owner itself, or a member of the owning team: no query unless the owner is a team.</summary>
        public static bool OwnsOrBelongs(IOrganizationService service, Guid userId, EntityReference owner)
        {
            if (owner == null) return false;
            if (owner.LogicalName != Team.Table) return owner.Id == userId;
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId), TopCount = 1 };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.Equal, owner.Id);
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>The names of the user's security roles, in one query (roles given through a team are not read).</summary>
        public static IReadOnlyList<string> RoleNames(IOrganizationService service, Guid userId)
        {
            var query = new QueryExpression(Membership.UserRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            LinkEntity role = query.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId);
            role.EntityAlias = "r";
            role.Columns = new ColumnSet(Membership.RoleName);
            return service.RetrieveMultiple(query).Entities
                .Select(row => row.Aliased<string>("r." + Membership.RoleName)).Where(name => name != null).ToArray();
        }

        public static bool HasRole(IOrganizationService service, Guid userId, string roleName) =>
            RoleNames(service, userId).Any(name => string.Equals(name, roleName, StringComparison.OrdinalIgnoreCase));
    }
}
