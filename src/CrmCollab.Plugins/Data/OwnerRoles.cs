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
    /// (<see cref="Principal.HasNoRole"/>). Read after the rows, for the principals they name: one query of the users' own
    /// roles, one of the teams' (each only when the rows name one), and, only for an enabled user without a role of their
    /// own, one for the roles of their teams. The rows are not joined to the roles: a join gives a row per role and
    /// multiplied every routing read.
    /// </summary>
    internal static class OwnerRoles
    {
        /// <summary>The dedicated owner rows, each with its owner and backup judged.</summary>
        public static List<DedicatedOwner> OwnerRows(IOrganizationService service, IEnumerable<Entity> read)
        {
            List<DedicatedOwner> owners = read.Select(RoutingRepository.ToDedicatedOwner).ToList();
            var users = new Dictionary<Guid, bool>();
            var teams = new List<Guid>();
            foreach (DedicatedOwner owner in owners)
            {
                if (owner.Owner?.Kind == PrincipalKind.Team) teams.Add(owner.Owner.Id);
                else if (owner.Owner?.Kind == PrincipalKind.User) users[owner.Owner.Id] = owner.OwnerIsActive;
                if (owner.Backup?.Kind == PrincipalKind.User) users[owner.Backup.Id] = owner.BackupIsActive;
            }
            ISet<Guid> holding = Holding(service, users, teams, keeper: null);
            foreach (DedicatedOwner owner in owners)
            {
                owner.Owner = Judged(owner.Owner, holding);
                owner.Backup = Judged(owner.Backup, holding);
            }
            return owners;
        }

        /// <summary>
        /// The rules as read, with <paramref name="target"/> making a rule's target of its row; a target that cannot own (its
        /// user or team, or its queue's owner, holding no role) marked so. A queue SYSTEM owns holds its work as it is.
        /// </summary>
        /// <param name="readsRoles">Whether roles are read; else the targets are taken as they are.</param>
        public static List<KeyValuePair<Entity, Principal>> Rules(IOrganizationService service, IEnumerable<Entity> read, bool readsRoles, Func<Entity, Principal> target)
        {
            var rules = read.Select(row => new KeyValuePair<Entity, Principal>(row, target(row))).ToList();
            if (!readsRoles) return rules;
            var users = new Dictionary<Guid, bool>();
            var teams = new List<Guid>();
            foreach (var rule in rules)
            {
                Principal principal = Holder(rule.Value, rule.Key.Aliased<EntityReference>("q." + Queue.OwnerId));
                if (principal?.Kind == PrincipalKind.Team) teams.Add(principal.Id);
                else if (principal?.Kind == PrincipalKind.User) users[principal.Id] = !principal.IsDisabled;
            }
            ISet<Guid> holding = Holding(service, users, teams, keeper: new Lazy<Guid?>(() => SystemUserOf(service)));
            return rules.Select(rule => new KeyValuePair<Entity, Principal>(rule.Key,
                JudgedTarget(rule.Value, rule.Key.Aliased<EntityReference>("q." + Queue.OwnerId), holding))).ToList();
        }

        /// <summary>The unrouted desk (a team, or a queue whose owner column <paramref name="row"/> carries): one holding no role marked so.</summary>
        public static Principal Desk(IOrganizationService service, Entity row, Principal desk)
        {
            if (desk == null) return null;
            EntityReference keeper = desk.Kind == PrincipalKind.Queue ? row.Read<EntityReference>(Queue.OwnerId) : null;
            Principal holder = desk.Kind == PrincipalKind.Team ? desk : Holder(desk, keeper);
            if (holder == null || holder.IsDisabled) return desk; // a disabled keeper is passed over as such
            var users = new Dictionary<Guid, bool>();
            if (holder.Kind == PrincipalKind.User) users[holder.Id] = true; // enabled: a disabled keeper is passed over above
            var teams = holder.Kind == PrincipalKind.Team ? new List<Guid> { holder.Id } : new List<Guid>();
            ISet<Guid> holding = Holding(service, users, teams, keeper: new Lazy<Guid?>(() => SystemUserOf(service)));
            return desk.Kind == PrincipalKind.Team ? Judged(desk, holding) : JudgedTarget(desk, keeper, holding);
        }

        /// <summary>Who a target is judged by: a user or team itself; a queue's owner (its user, or the team that owns it).</summary>
        private static Principal Holder(Principal target, EntityReference queueKeeper)
        {
            if (target == null || target.Kind != PrincipalKind.Queue) return target;
            if (queueKeeper == null) return null;
            return target.Holder ?? (queueKeeper.LogicalName == Team.Table ? RoutingRepository.ToPrincipal(queueKeeper) : null);
        }

        private static Principal JudgedTarget(Principal target, EntityReference queueKeeper, ISet<Guid> holding)
        {
            Principal holder = Holder(target, queueKeeper);
            if (holder == null || target.Kind != PrincipalKind.Queue) return Judged(target, holding);
            Principal judged = Judged(holder, holding);
            return judged == holder ? target : new Principal(PrincipalKind.Queue, target.Id, target.Name, judged);
        }

        /// <summary>
        /// Of the users and teams named, those that hold a role: a team its own; a user their own or, when enabled, one of a
        /// team they belong to; the <paramref name="keeper"/> (SYSTEM, asked only for a user without a role of their own)
        /// holds what it owns.
        /// </summary>
        /// <param name="users">Each user named, with whether they are enabled.</param>
        private static ISet<Guid> Holding(IOrganizationService service, Dictionary<Guid, bool> users, List<Guid> teams, Lazy<Guid?> keeper)
        {
            var holding = new HashSet<Guid>();
            if (users.Count > 0) holding.UnionWith(WithRole(service, Membership.UserRoles, Membership.UserId, users.Keys));
            if (teams.Count > 0) holding.UnionWith(WithRole(service, Membership.TeamRoles, Membership.TeamId, teams));
            List<Guid> withoutOwn = users.Where(u => u.Value && !holding.Contains(u.Key)).Select(u => u.Key).ToList();
            if (withoutOwn.Count == 0) return holding;
            if (keeper != null && keeper.Value is Guid system && withoutOwn.Remove(system)) holding.Add(system);
            holding.UnionWith(WithTeamRole(service, withoutOwn));
            return holding;
        }

        /// <summary>Of the ids, those that hold a role of their own in the membership table (one query).</summary>
        private static IEnumerable<Guid> WithRole(IOrganizationService service, string table, string column, IEnumerable<Guid> ids)
        {
            object[] asked = ids.Distinct().Select(id => (object)id).ToArray();
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(column) };
            query.Criteria.AddCondition(column, ConditionOperator.In, asked);
            return service.RetrieveMultiple(query).Entities.Select(row => row.GetAttributeValue<Guid>(column));
        }

        private static Guid? SystemUserOf(IOrganizationService service) =>
            service.Execute(new OrganizationRequest("WhoAmI")).Results.TryGetValue("UserId", out object id) && id is Guid user ? user : (Guid?)null;

        /// <summary>Of the users, those holding a role through a team they belong to (one query; none when none is asked).</summary>
        private static ISet<Guid> WithTeamRole(IOrganizationService service, List<Guid> users)
        {
            var found = new HashSet<Guid>();
            if (users.Count == 0) return found;
            var query = new QueryExpression(Membership.TeamRoles) { ColumnSet = new ColumnSet(Membership.RoleId) };
            LinkEntity members = query.AddLink(Membership.TeamMembers, Membership.TeamId, Membership.TeamId);
            members.EntityAlias = "m";
            members.Columns = new ColumnSet(Membership.UserId);
            members.LinkCriteria.AddCondition(Membership.UserId, ConditionOperator.In, users.Select(id => (object)id).ToArray());
            foreach (Entity role in service.RetrieveMultiple(query).Entities)
                if (role.Aliased<Guid?>("m." + Membership.UserId) is Guid user) found.Add(user);
            return found;
        }

        /// <summary>The principal as routing judges it: a user or team holding no role is marked so.</summary>
        private static Principal Judged(Principal principal, ISet<Guid> holding) =>
            principal == null || principal.Kind == PrincipalKind.Queue || holding.Contains(principal.Id) ? principal
                : new Principal(principal.Kind, principal.Id, principal.Name, isDisabled: principal.IsDisabled, hasNoRole: true);
    }
}
