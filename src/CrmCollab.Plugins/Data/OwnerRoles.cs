using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Whether the users and teams dedicated owner rows name can own the work routed to them: the platform gives a record
    /// only to a principal holding Read on its table, so a user or team holding no security role — a user moved to another
    /// business unit loses every role until given the new unit's (docs/platform-facts.md) — owns nothing, and routing passes
    /// over it as over someone disabled (<see cref="Principal.HasNoRole"/>). Read with the rows: their roles joined (one row
    /// per role), and, only for an enabled user without a role of their own, one query for the roles of their teams.
    /// </summary>
    internal static class OwnerRoles
    {
        private const string UserRoles = "ur", BackupRoles = "br", TeamRoles = "tr";

        /// <summary>Joins to the query of dedicated owner rows (whose users are joined as "u" and "b") the roles its principals hold of their own.</summary>
        public static void Join(QueryExpression rows)
        {
            AddRoles(rows.LinkEntities.Single(l => l.EntityAlias == "u").LinkEntities, SystemUser.Table, SystemUser.Id, Membership.UserRoles, Membership.UserId, UserRoles);
            AddRoles(rows.LinkEntities.Single(l => l.EntityAlias == "b").LinkEntities, SystemUser.Table, SystemUser.Id, Membership.UserRoles, Membership.UserId, BackupRoles);
            AddRoles(rows.LinkEntities, DedicatedOwnerRow.Table, DedicatedOwnerRow.TeamId, Membership.TeamRoles, Membership.TeamId, TeamRoles);
        }

        /// <summary>The rows read with <see cref="Join"/> (one per role), one dedicated owner each, its owner and backup judged.</summary>
        public static List<DedicatedOwner> Judge(IOrganizationService service, IEnumerable<Entity> read)
        {
            var rows = read.GroupBy(row => row.Id).Select(group => new KeyValuePair<Entity, ISet<string>>(group.First(), new HashSet<string>(
                new[] { UserRoles, BackupRoles, TeamRoles }.Where(alias => group.Any(r => r.Aliased<Guid?>(alias + "." + Membership.RoleId) != null))))).ToList();
            var withoutOwnRole = new HashSet<Guid>(rows.SelectMany(row => new[]
            {
                UserWithoutOwnRole(row, DedicatedOwnerRow.UserId, "u", UserRoles), UserWithoutOwnRole(row, DedicatedOwnerRow.BackupUserId, "b", BackupRoles),
            }).Where(id => id != null).Select(id => id.Value));
            ISet<Guid> throughTeams = WithTeamRole(service, withoutOwnRole);
            return rows.Select(row =>
            {
                DedicatedOwner owner = RoutingRepository.ToDedicatedOwner(row.Key);
                owner.Owner = Judged(owner.Owner, row.Value.Contains(owner.Owner?.Kind == PrincipalKind.Team ? TeamRoles : UserRoles), throughTeams);
                owner.Backup = Judged(owner.Backup, row.Value.Contains(BackupRoles), throughTeams);
                return owner;
            }).ToList();
        }

        private static void AddRoles(DataCollection<LinkEntity> links, string fromTable, string fromColumn, string roleTable, string roleColumn, string alias) =>
            links.Add(new LinkEntity(fromTable, roleTable, fromColumn, roleColumn, JoinOperator.LeftOuter)
                { EntityAlias = alias, Columns = new ColumnSet(Membership.RoleId) });

        /// <summary>The enabled user the row names in <paramref name="column"/> when they hold no role of their own; else null.</summary>
        private static Guid? UserWithoutOwnRole(KeyValuePair<Entity, ISet<string>> row, string column, string userAlias, string roleAlias) =>
            row.Key.Read<EntityReference>(column) is EntityReference user && !row.Key.Aliased<bool>(userAlias + "." + SystemUser.IsDisabled)
                && !row.Value.Contains(roleAlias) ? user.Id : (Guid?)null;

        /// <summary>Of the users, those holding a role through a team they belong to (one query; none when none is asked).</summary>
        private static ISet<Guid> WithTeamRole(IOrganizationService service, ICollection<Guid> users)
        {
            var found = new HashSet<Guid>();
            if (users.Count == 0) return found;
            var query = new QueryExpression(Membership.TeamRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            LinkEntity members = query.AddLink(Membership.TeamMembers, Membership.TeamId, Membership.TeamId);
            members.EntityAlias = "m";
            members.Columns = new ColumnSet(Membership.UserId);
            members.LinkCriteria.AddCondition(Membership.UserId, ConditionOperator.In, users.Cast<object>().ToArray());
            foreach (Entity role in service.RetrieveMultiple(query).Entities)
                if (role.Aliased<Guid?>("m." + Membership.UserId) is Guid user) found.Add(user);
            return found;
        }

        /// <summary>The principal as routing judges it: one holding no role (its own, or a user's through a team) is marked so.</summary>
        private static Principal Judged(Principal principal, bool holdsOwnRole, ISet<Guid> throughTeams) =>
            principal == null || principal.Kind == PrincipalKind.Queue || holdsOwnRole || throughTeams.Contains(principal.Id) ? principal
                : new Principal(principal.Kind, principal.Id, principal.Name, hasNoRole: true);
    }
}
