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
        /// <summary>
        /// The user's full name or the team's name: the lookup's own when it carries one, else read (one query, not a
        /// Retrieve, which would end the transaction for a principal that does not exist); null when there is none.
        /// </summary>
        public static string NameOf(IOrganizationService service, EntityReference principal)
        {
            if (principal == null) return null;
            if (!string.IsNullOrWhiteSpace(principal.Name)) return principal.Name;
            bool isTeam = principal.LogicalName == Team.Table;
            string column = isTeam ? Team.Name : SystemUser.FullName;
            var query = new QueryExpression(principal.LogicalName) { ColumnSet = new ColumnSet(column), TopCount = 1 };
            query.Criteria.AddCondition(isTeam ? Team.Id : SystemUser.Id, ConditionOperator.Equal, principal.Id);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault()?.Read<string>(column);
        }

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
            Collect(service.RetrieveMultiple(Direct(userId, rootRoleIds)), rootRoleIds, held);
            if (held.Count > 0) return held;
            Collect(service.RetrieveMultiple(ThroughTeam(userId, rootRoleIds)), rootRoleIds, held);
            return held;
        }

        /// <summary>The user's own role assignments (systemuserroles) of these roles or their copies.</summary>
        private static QueryExpression Direct(Guid userId, IReadOnlyCollection<Guid> rootRoleIds)
        {
            var query = new QueryExpression(Membership.UserRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            MatchAny(query.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId), rootRoleIds);
            return query;
        }

        /// <summary>
        /// The user's teams (teammembership) with their roles (teamroles) among these or their copies, those the members
        /// inherit (<see cref="GrantedToMembers"/>).
        /// </summary>
        private static QueryExpression ThroughTeam(Guid userId, IReadOnlyCollection<Guid> rootRoleIds)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.TeamId) };
            query.Criteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            LinkEntity teamRoles = query.AddLink(Membership.TeamRoles, Membership.TeamId, Membership.TeamId);
            teamRoles.Columns = new ColumnSet(Membership.RoleId);
            LinkEntity role = teamRoles.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId);
            MatchAny(role, rootRoleIds);
            GrantedToMembers(role);
            return query;
        }

        private const string Alias = "r";

        private static void MatchAny(LinkEntity role, IReadOnlyCollection<Guid> rootRoleIds)
        {
            role.EntityAlias = Alias;
            role.Columns = new ColumnSet(Membership.RoleId, Membership.ParentRootRoleId);
            object[] ids = rootRoleIds.Select(id => (object)id).ToArray();
            FilterExpression either = role.LinkCriteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(Membership.RoleId, ConditionOperator.In, ids);
            either.AddCondition(Membership.ParentRootRoleId, ConditionOperator.In, ids);
        }

        private static void Collect(EntityCollection rows, IReadOnlyCollection<Guid> rootRoleIds, HashSet<Guid> held)
        {
            foreach (Entity row in rows.Entities)
            {
                Guid? id = row.Aliased<Guid?>(Alias + "." + Membership.RoleId);
                Guid? root = row.Aliased<EntityReference>(Alias + "." + Membership.ParentRootRoleId)?.Id;
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
        public static bool HoldsRole(IOrganizationService service, Guid userId, Guid rootRoleId) =>
            RolesHeld(service, userId, new[] { rootRoleId }).Count > 0;

        /// <summary>
        /// A team's role counts for its members only when its members inherit it as their own (role.isinherited "Direct User
        /// (Basic) access level and Team privileges", the default). "Team privileges only" grants them the role as members of
        /// the team, to work the team's records: it does not make each of them an administrator, or ADV, in their own name.
        /// </summary>
        internal static void GrantedToMembers(LinkEntity role) =>
            role.LinkCriteria.AddCondition(Membership.IsInherited, ConditionOperator.Equal, Membership.DirectUserAndTeamPrivileges);
    }
}
