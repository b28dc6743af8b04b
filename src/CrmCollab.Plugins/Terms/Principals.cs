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

        /// <summary>
        /// The names of the user's security roles, in one query (roles given through a team are not read). Names are not
        /// proof of a role: an administrator check uses <see cref="IsAdministrator"/>.
        /// </summary>
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

        /// <summary>True when the user holds the solution's CrmCollab Administrator role (<see cref="HoldsRole"/>).</summary>
        public static bool IsAdministrator(IOrganizationService service, Guid userId) =>
            HoldsRole(service, userId, Membership.AdministratorRoleId);

        /// <summary>
        /// True when the user holds the role of that id, or a business unit's copy of it (its parentrootroleid),
        /// assigned directly or through a team the user belongs to. Matched by id, never by name: a role named alike
        /// by whoever may create roles is another role. At most two queries: the direct one first.
        /// </summary>
        public static bool HoldsRole(IOrganizationService service, Guid userId, Guid rootRoleId)
        {
            var direct = new QueryExpression(Membership.UserRoles) { ColumnSet = new ColumnSet(Membership.RoleId), TopCount = 1 };
            direct.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            MatchRole(direct.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId), rootRoleId);
            if (service.RetrieveMultiple(direct).Entities.Count > 0) return true;

            var throughTeam = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId), TopCount = 1 };
            throughTeam.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            LinkEntity teamRoles = throughTeam.AddLink(Membership.TeamRoles, Membership.TeamId, Membership.TeamId);
            teamRoles.Columns = new ColumnSet(Membership.RoleId);
            MatchRole(teamRoles.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId), rootRoleId);
            return service.RetrieveMultiple(throughTeam).Entities.Count > 0;
        }

        private static void MatchRole(LinkEntity role, Guid rootRoleId)
        {
            role.Columns = new ColumnSet(Membership.RoleId);
            FilterExpression either = role.LinkCriteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(Membership.RoleId, ConditionOperator.Equal, rootRoleId);
            either.AddCondition(Membership.ParentRootRoleId, ConditionOperator.Equal, rootRoleId);
        }
    }
}
