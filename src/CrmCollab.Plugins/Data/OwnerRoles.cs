using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Whether the users and teams routing names — dedicated owners and backups, routing rules' users and teams, the owners
    /// of their queues — can own the work routed to them: the platform gives a record only to a principal holding Read on
    /// its table, so a user or team holding no security role — a user moved to another business unit loses every role until
    /// given the new unit's (docs/platform-facts.md) — owns nothing, and routing passes over it as over someone disabled
    /// (<see cref="Principal.HasNoRole"/>). Read with the rows: their roles joined (one row per role), and, only for an
    /// enabled user without a role of their own, one query for the roles of their teams.
    /// </summary>
    internal static class OwnerRoles
    {
        private const string UserRoles = "ur", BackupRoles = "br", TeamRoles = "tr", QueueUserRoles = "qur", QueueTeamRoles = "qtr";

        /// <summary>Joins to the query of dedicated owner rows (whose users are joined as "u" and "b") the roles its principals hold of their own.</summary>
        public static void JoinOwnerRows(QueryExpression rows)
        {
            JoinUser(rows.LinkEntities.Single(l => l.EntityAlias == "u"), UserRoles);
            JoinUser(rows.LinkEntities.Single(l => l.EntityAlias == "b"), BackupRoles);
            JoinTeam(rows.LinkEntities, DedicatedOwnerRow.Table, DedicatedOwnerRow.TeamId, TeamRoles);
        }

        /// <summary>The rows read with <see cref="JoinOwnerRows"/> (one per role), one dedicated owner each, its owner and backup judged.</summary>
        public static List<DedicatedOwner> OwnerRows(IOrganizationService service, IEnumerable<Entity> read)
        {
            var rows = Distinct(read, UserRoles, BackupRoles, TeamRoles);
            ISet<Guid> throughTeams = WithTeamRole(service, rows.SelectMany(row => new[]
                { WithoutOwnRole(row, DedicatedOwnerRow.UserId, "u", UserRoles), WithoutOwnRole(row, DedicatedOwnerRow.BackupUserId, "b", BackupRoles) }));
            return rows.Select(row =>
            {
                DedicatedOwner owner = RoutingRepository.ToDedicatedOwner(row.Key);
                owner.Owner = Judged(owner.Owner, row.Value.Contains(owner.Owner?.Kind == PrincipalKind.Team ? TeamRoles : UserRoles), throughTeams);
                owner.Backup = Judged(owner.Backup, row.Value.Contains(BackupRoles), throughTeams);
                return owner;
            }).ToList();
        }

        /// <summary>
        /// Joins to the query of routing rules (whose user is joined as "u", queue as "q" and the queue's user owner as "qu")
        /// the roles the rule's user or team, or its queue's owner, holds of its own.
        /// </summary>
        public static void JoinRules(QueryExpression rules)
        {
            JoinUser(rules.LinkEntities.Single(l => l.EntityAlias == "u"), UserRoles);
            JoinTeam(rules.LinkEntities, RoutingRuleRow.Table, RoutingRuleRow.TeamId, TeamRoles);
            LinkEntity queue = rules.LinkEntities.Single(l => l.EntityAlias == "q");
            JoinUser(queue.LinkEntities.Single(l => l.EntityAlias == "qu"), QueueUserRoles);
            JoinTeam(queue.LinkEntities, Queue.Table, Queue.OwnerId, QueueTeamRoles); // matches only when a team owns the queue
        }

        /// <summary>
        /// The rules read with <see cref="JoinRules"/> (one row per role), one each, with <paramref name="target"/> making a
        /// rule's target of its row; a target that cannot own (its user or team, or its queue's owner, holding no role) marked so.
        /// </summary>
        /// <param name="joined">The roles were joined (<see cref="JoinRules"/>); else the targets are taken as they are.</param>
        public static List<KeyValuePair<Entity, Principal>> Rules(IOrganizationService service, IEnumerable<Entity> read, bool joined, Func<Entity, Principal> target)
        {
            if (!joined) return read.Select(row => new KeyValuePair<Entity, Principal>(row, target(row))).ToList();
            var rows = Distinct(read, UserRoles, TeamRoles, QueueUserRoles, QueueTeamRoles);
            ISet<Guid> throughTeams = WithTeamRole(service, rows.SelectMany(row => new[]
            {
                WithoutOwnRole(row, RoutingRuleRow.UserId, "u", UserRoles),
                row.Key.Aliased<EntityReference>("q." + Queue.OwnerId) is EntityReference keeper && keeper.LogicalName == SystemUser.Table
                    && !row.Key.Aliased<bool>("qu." + SystemUser.IsDisabled) && !row.Value.Contains(QueueUserRoles) ? keeper.Id : (Guid?)null,
            }));
            var system = new Lazy<Guid?>(() => SystemUserOf(service)); // a queue SYSTEM owns holds its work as it is
            return rows.Select(row => new KeyValuePair<Entity, Principal>(row.Key, Judged(target(row.Key), row, throughTeams, system))).ToList();
        }

        /// <summary>Joins to the query of the unrouted desk (a queue, its user owner joined as "o"; or a team) the roles its holder holds of its own.</summary>
        public static void JoinDesk(QueryExpression desk)
        {
            if (desk.EntityName == Team.Table)
            {
                JoinTeam(desk.LinkEntities, Team.Table, Team.Id, TeamRoles);
                return;
            }
            JoinUser(desk.LinkEntities.Single(l => l.EntityAlias == "o"), QueueUserRoles);
            JoinTeam(desk.LinkEntities, Queue.Table, Queue.OwnerId, QueueTeamRoles); // matches only when a team owns the queue
        }

        /// <summary>
        /// The desk read with <see cref="JoinDesk"/> (its first row: every row carries a role when its holder holds one): a team,
        /// or a queue's owner, holding no role (its own, or a user's through a team) marked so.
        /// </summary>
        public static Principal Desk(IOrganizationService service, Entity row, Principal desk)
        {
            if (desk == null) return null;
            bool Holds(string alias) => row.Aliased<Guid?>(alias + "." + Membership.RoleId) != null;
            if (desk.Kind == PrincipalKind.Team) return Judged(desk, Holds(TeamRoles), new HashSet<Guid>());
            EntityReference keeper = row.Read<EntityReference>(Queue.OwnerId);
            if (keeper == null) return desk;
            bool isTeam = keeper.LogicalName == Team.Table;
            if (isTeam ? Holds(QueueTeamRoles) : Holds(QueueUserRoles) || desk.Holder?.IsDisabled == true) return desk;
            Principal holder = desk.Holder ?? RoutingRepository.ToPrincipal(keeper);
            Principal judged = Judged(holder, false, isTeam ? new HashSet<Guid>() : WithTeamRole(service, new Guid?[] { keeper.Id }));
            // A queue made by CrmCollab's or another server process belongs to SYSTEM, which holds no role and owns anything
            // (routing reads roles as SYSTEM: WhoAmI names it; asked only for a keeper without a role).
            if (judged != holder && !isTeam && SystemUserOf(service) == keeper.Id) return desk;
            return judged == holder ? desk : new Principal(PrincipalKind.Queue, desk.Id, desk.Name, judged);
        }

        private static Principal Judged(Principal target, KeyValuePair<Entity, ISet<string>> row, ISet<Guid> throughTeams, Lazy<Guid?> system)
        {
            if (target == null) return null;
            switch (target.Kind)
            {
                case PrincipalKind.User: return Judged(target, row.Value.Contains(UserRoles), throughTeams);
                case PrincipalKind.Team: return Judged(target, row.Value.Contains(TeamRoles), throughTeams);
            }
            EntityReference keeper = row.Key.Aliased<EntityReference>("q." + Queue.OwnerId);
            if (keeper == null) return target;
            Principal holder = target.Holder ?? (keeper.LogicalName == Team.Table ? RoutingRepository.ToPrincipal(keeper) : null);
            if (holder == null) return target;
            Principal judged = Judged(holder, row.Value.Contains(holder.Kind == PrincipalKind.Team ? QueueTeamRoles : QueueUserRoles), throughTeams);
            return judged == holder || (holder.Kind == PrincipalKind.User && system.Value == holder.Id) ? target
                : new Principal(PrincipalKind.Queue, target.Id, target.Name, judged);
        }

        private static Guid? SystemUserOf(IOrganizationService service) =>
            service.Execute(new OrganizationRequest("WhoAmI")).Results.TryGetValue("UserId", out object id) && id is Guid user ? user : (Guid?)null;

        private static void JoinUser(LinkEntity user, string alias) =>
            user.LinkEntities.Add(new LinkEntity(SystemUser.Table, Membership.UserRoles, SystemUser.Id, Membership.UserId, JoinOperator.LeftOuter)
                { EntityAlias = alias, Columns = new ColumnSet(Membership.RoleId) });

        private static void JoinTeam(DataCollection<LinkEntity> links, string fromTable, string fromColumn, string alias) =>
            links.Add(new LinkEntity(fromTable, Membership.TeamRoles, fromColumn, Membership.TeamId, JoinOperator.LeftOuter)
                { EntityAlias = alias, Columns = new ColumnSet(Membership.RoleId) });

        /// <summary>The rows as read (one per role joined) as one each, with the aliases whose principal holds a role of its own.</summary>
        private static List<KeyValuePair<Entity, ISet<string>>> Distinct(IEnumerable<Entity> read, params string[] aliases) =>
            read.GroupBy(row => row.Id).Select(group => new KeyValuePair<Entity, ISet<string>>(group.First(), new HashSet<string>(
                aliases.Where(alias => group.Any(r => r.Aliased<Guid?>(alias + "." + Membership.RoleId) != null))))).ToList();

        /// <summary>The enabled user the row names in <paramref name="column"/> when they hold no role of their own; else null.</summary>
        private static Guid? WithoutOwnRole(KeyValuePair<Entity, ISet<string>> row, string column, string userAlias, string roleAlias) =>
            row.Key.Read<EntityReference>(column) is EntityReference user && user.LogicalName == SystemUser.Table
                && !row.Key.Aliased<bool>(userAlias + "." + SystemUser.IsDisabled) && !row.Value.Contains(roleAlias) ? user.Id : (Guid?)null;

        /// <summary>Of the users, those holding a role through a team they belong to, one its members inherit (one query; none when none is asked).</summary>
        private static ISet<Guid> WithTeamRole(IOrganizationService service, IEnumerable<Guid?> asked)
        {
            var found = new HashSet<Guid>();
            object[] users = asked.Where(id => id != null).Select(id => (object)id.Value).Distinct().ToArray();
            if (users.Length == 0) return found;
            var query = new QueryExpression(Membership.TeamRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            LinkEntity members = query.AddLink(Membership.TeamMembers, Membership.TeamId, Membership.TeamId);
            members.EntityAlias = "m";
            members.Columns = new ColumnSet(Membership.UserId);
            members.LinkCriteria.AddCondition(Membership.UserId, ConditionOperator.In, users);
            Terms.Principals.GrantedToMembers(query.AddLink(Membership.RoleTable, Membership.RoleId, Membership.RoleId)); // theirs in their own name
            foreach (Entity role in service.RetrieveMultiple(query).Entities)
                if (role.Aliased<Guid?>("m." + Membership.UserId) is Guid user) found.Add(user);
            return found;
        }

        /// <summary>The principal as routing judges it: one holding no role (its own, or a user's through a team) is marked so.</summary>
        private static Principal Judged(Principal principal, bool holdsOwnRole, ISet<Guid> throughTeams) =>
            principal == null || principal.Kind == PrincipalKind.Queue || holdsOwnRole || throughTeams.Contains(principal.Id) ? principal
                : new Principal(principal.Kind, principal.Id, principal.Name, isDisabled: principal.IsDisabled, hasNoRole: true);
    }
}
