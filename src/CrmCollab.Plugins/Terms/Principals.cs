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
        /// Which of the given roles (root ids) the user holds, a business unit's copy counting as its root
        /// (<see cref="HoldsRole"/>'s rule): those given to the user directly (one query), else, when none of them is,
        /// those given to the user's teams (a second query).
        /// </summary>
        public static ISet<Guid> RolesHeld(IOrganizationService service, Guid userId, IReadOnlyCollection<Guid> rootRoleIds)
        {
            var held = new HashSet<Guid>();
            if (rootRoleIds.Count == 0) return held;
            var direct = new QueryExpression(Membership.UserRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            direct.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            LinkEntity role = direct.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId);
            MatchAny(role, "r", rootRoleIds);
            Collect(service.RetrieveMultiple(direct), "r", rootRoleIds, held);
            if (held.Count > 0) return held;

            var throughTeam = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId) };
            throughTeam.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            LinkEntity teamRoles = throughTeam.AddLink(Membership.TeamRoles, Membership.TeamId, Membership.TeamId);
            teamRoles.Columns = new ColumnSet(Membership.RoleId);
            LinkEntity teamRole = teamRoles.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId);
            MatchAny(teamRole, "r", rootRoleIds);
            GrantedToMembers(teamRole);
            Collect(service.RetrieveMultiple(throughTeam), "r", rootRoleIds, held);
            return held;
        }

        private static void MatchAny(LinkEntity role, string alias, IReadOnlyCollection<Guid> rootRoleIds)
        {
            role.EntityAlias = alias;
            role.Columns = new ColumnSet(Membership.RoleId, Membership.ParentRootRoleId);
            object[] ids = rootRoleIds.Select(id => (object)id).ToArray();
            FilterExpression either = role.LinkCriteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(Membership.RoleId, ConditionOperator.In, ids);
            either.AddCondition(Membership.ParentRootRoleId, ConditionOperator.In, ids);
        }

        private static void Collect(EntityCollection rows, string alias, IReadOnlyCollection<Guid> rootRoleIds, HashSet<Guid> held)
        {
            foreach (Entity row in rows.Entities)
            {
                Guid? id = (row.Aliased<Guid?>(alias + "." + Membership.RoleId));
                Guid? root = row.Aliased<EntityReference>(alias + "." + Membership.ParentRootRoleId)?.Id;
                if (id.HasValue && rootRoleIds.Contains(id.Value)) held.Add(id.Value);
                else if (root.HasValue && rootRoleIds.Contains(root.Value)) held.Add(root.Value);
            }
        }

        /// <summary>True when the user holds the solution's CrmCollab Administrator role (<see cref="HoldsRole"/>).</summary>
        public static bool IsAdministrator(IOrganizationService service, Guid userId) =>
            HoldsRole(service, userId, Membership.AdministratorRoleId);

        /// <summary>
        /// True when the user holds the role of that id, or a business unit's copy of it (its parentrootroleid),
        /// assigned directly or through a team the user belongs to (a team's role whose members inherit it: <see cref="GrantedToMembers"/>). Matched by id, never by name: a role named alike
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
            LinkEntity teamRole = teamRoles.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId);
            MatchRole(teamRole, rootRoleId);
            GrantedToMembers(teamRole);
            return service.RetrieveMultiple(throughTeam).Entities.Count > 0;
        }

        /// <summary>
        /// A team's role counts for its members only when its members inherit it as their own (role.isinherited "Direct User
        /// (Basic) access level and Team privileges", the default). "Team privileges only" grants them the role as members of
        /// the team, to work the team's records: it does not make each of them an administrator, or ADV, in their own name.
        /// </summary>
        private static void GrantedToMembers(LinkEntity role) =>
            role.LinkCriteria.AddCondition(Membership.IsInherited, ConditionOperator.Equal, Membership.DirectUserAndTeamPrivileges);

        private static void MatchRole(LinkEntity role, Guid rootRoleId)
        {
            role.Columns = new ColumnSet(Membership.RoleId);
            FilterExpression either = role.LinkCriteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(Membership.RoleId, ConditionOperator.Equal, rootRoleId);
            either.AddCondition(Membership.ParentRootRoleId, ConditionOperator.Equal, rootRoleId);
        }
    }
}
