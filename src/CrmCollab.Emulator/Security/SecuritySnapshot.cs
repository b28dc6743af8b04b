using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// The organisation's security structure read once from the rows (business units, users, teams, memberships,
    /// role assignments), indexed by id. Immutable: a write to one of those tables replaces the whole snapshot.
    /// </summary>
    internal sealed class SecuritySnapshot
    {
        internal const int OwnerTeam = 0;
        internal const int AccessTeam = 1;

        internal sealed class UserRow
        {
            public Guid Id;
            public Guid BusinessUnitId;
            public bool IsDisabled;
            public string FullName;
        }

        internal sealed class TeamRow
        {
            public Guid Id;
            public Guid BusinessUnitId;
            public int TeamType;
            public string Name;
        }

        internal sealed class RoleRow
        {
            public Guid Id;
            public string Name;
            public RoleDefinition Definition;
            public bool IsSystemAdministrator;
            public bool TeamPrivilegesOnly; // TeamRoleInheritance
        }

        private static readonly List<Guid> None = new List<Guid>();

        private readonly ConcurrentDictionary<Guid, HashSet<Guid>> _ancestors = new ConcurrentDictionary<Guid, HashSet<Guid>>();

        public Dictionary<Guid, Guid?> BusinessUnitParents { get; } = new Dictionary<Guid, Guid?>();
        public Guid RootBusinessUnitId { get; private set; }
        public Dictionary<Guid, UserRow> Users { get; } = new Dictionary<Guid, UserRow>();
        public Dictionary<Guid, TeamRow> Teams { get; } = new Dictionary<Guid, TeamRow>();
        public Dictionary<Guid, RoleRow> Roles { get; } = new Dictionary<Guid, RoleRow>();
        private Dictionary<Guid, List<Guid>> TeamsOfUserIndex { get; } = new Dictionary<Guid, List<Guid>>();
        private Dictionary<Guid, List<Guid>> RolesOfUserIndex { get; } = new Dictionary<Guid, List<Guid>>();
        private Dictionary<Guid, List<Guid>> RolesOfTeamIndex { get; } = new Dictionary<Guid, List<Guid>>();

        /// <summary>Per-user privileges, built on first use against this snapshot.</summary>
        public ConcurrentDictionary<Guid, UserPrincipal> Principals { get; } = new ConcurrentDictionary<Guid, UserPrincipal>();

        public List<Guid> TeamsOfUser(Guid userId) => TeamsOfUserIndex.TryGetValue(userId, out var l) ? l : None;
        public List<Guid> RolesOfUser(Guid userId) => RolesOfUserIndex.TryGetValue(userId, out var l) ? l : None;
        public List<Guid> RolesOfTeam(Guid teamId) => RolesOfTeamIndex.TryGetValue(teamId, out var l) ? l : None;

        public static SecuritySnapshot Build(IQueryDataSource data, RoleDefinitionIndex definitions)
        {
            var s = new SecuritySnapshot();
            foreach (var bu in Scan(data, "businessunit"))
                s.BusinessUnitParents[bu.Id] = RowValues.IdOf(bu, "parentbusinessunitid");
            s.RootBusinessUnitId = s.BusinessUnitParents.Where(p => p.Value == null).Select(p => p.Key).FirstOrDefault();

            foreach (var u in Scan(data, "systemuser"))
            {
                s.Users[u.Id] = new UserRow
                {
                    Id = u.Id,
                    BusinessUnitId = RowValues.IdOf(u, "businessunitid") ?? Guid.Empty,
                    IsDisabled = RowValues.BoolOf(u, "isdisabled"),
                    FullName = u.GetAttributeValue<string>("fullname") ?? ComposeName(u),
                };
            }
            foreach (var t in Scan(data, "team"))
            {
                s.Teams[t.Id] = new TeamRow
                {
                    Id = t.Id,
                    BusinessUnitId = RowValues.IdOf(t, "businessunitid") ?? Guid.Empty,
                    TeamType = RowValues.IntOf(t, "teamtype") ?? OwnerTeam,
                    Name = t.GetAttributeValue<string>("name"),
                };
            }
            var roles = Scan(data, "role").ToList();
            var templates = new Dictionary<Guid, Guid?>();
            foreach (var r in roles) templates[r.Id] = RowValues.IdOf(r, "roletemplateid");
            foreach (var r in roles)
            {
                var root = RowValues.IdOf(r, "parentrootroleid");
                var definition = definitions.Find(r.Id, root, RowValues.IdOf(r, "parentroleid"));
                s.Roles[r.Id] = new RoleRow
                {
                    Id = r.Id,
                    Name = r.GetAttributeValue<string>("name") ?? definition?.Name,
                    Definition = definition,
                    TeamPrivilegesOnly = TeamRoleInheritance.TeamPrivilegesOnly(r),
                    IsSystemAdministrator = IsSystemAdministratorTemplate(templates[r.Id])
                        || (root.HasValue && templates.TryGetValue(root.Value, out var rootTemplate) && IsSystemAdministratorTemplate(rootTemplate)),
                };
            }
            Link(Scan(data, "teammembership"), "systemuserid", "teamid", s.TeamsOfUserIndex);
            Link(Scan(data, "systemuserroles"), "systemuserid", "roleid", s.RolesOfUserIndex);
            Link(Scan(data, "teamroles"), "teamid", "roleid", s.RolesOfTeamIndex);
            return s;
        }

        /// <summary>
        /// The platform's System Administrator role is the one made from the SystemAdmin role template: "use RoleTemplateId
        /// when you try to lookup or process Microsoft Dataverse security roles" (powerapps-docs
        /// developer/data-platform/security-roles.md). Never its name: anyone allowed to create roles can name one alike,
        /// and the role may be renamed or localised. roletemplateid is read-only (reference/entities/role.md), so no
        /// client can make a role from a template.
        /// </summary>
        private static bool IsSystemAdministratorTemplate(Guid? template) =>
            template == Engine.WellKnownIds.SystemAdministratorRoleTemplateId;

        /// <summary>True when <paramref name="ancestor"/> is <paramref name="businessUnit"/> or one of its parents.</summary>
        public bool IsAncestorOrSelf(Guid ancestor, Guid businessUnit) =>
            _ancestors.GetOrAdd(businessUnit, AncestorsOf).Contains(ancestor);

        private HashSet<Guid> AncestorsOf(Guid businessUnit)
        {
            var set = new HashSet<Guid>();
            // The set guards against a cycle in bad data as well as collecting the chain.
            for (Guid? current = businessUnit; current.HasValue && set.Add(current.Value);)
                current = BusinessUnitParents.TryGetValue(current.Value, out var parent) ? parent : null;
            return set;
        }

        private static IEnumerable<Entity> Scan(IQueryDataSource data, string table) =>
            data.Catalog?.Table(table) == null ? Enumerable.Empty<Entity>() : data.Scan(table) ?? Enumerable.Empty<Entity>();

        private static void Link(IEnumerable<Entity> rows, string from, string to, Dictionary<Guid, List<Guid>> index)
        {
            foreach (var row in rows)
            {
                var a = RowValues.IdOf(row, from);
                var b = RowValues.IdOf(row, to);
                if (a == null || b == null) continue;
                if (!index.TryGetValue(a.Value, out var list)) index[a.Value] = list = new List<Guid>();
                if (!list.Contains(b.Value)) list.Add(b.Value);
            }
        }

        private static string ComposeName(Entity user)
        {
            var parts = new[] { user.GetAttributeValue<string>("firstname"), user.GetAttributeValue<string>("lastname") };
            var name = string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
            return name.Length == 0 ? null : name;
        }
    }

    /// <summary>
    /// The solution's role definitions, found by role row id or the id of the role a business unit's copy comes from.
    /// Never by name: a role someone creates under a solution role's name is another role, without its privileges
    /// (privileges belong to a role row and are given by AddPrivilegesRole or ReplacePrivilegesRole: powerapps-docs
    /// reference/entities/role.md, Messages).
    /// </summary>
    internal sealed class RoleDefinitionIndex
    {
        private readonly Dictionary<Guid, RoleDefinition> _byId = new Dictionary<Guid, RoleDefinition>();

        public RoleDefinitionIndex(IEnumerable<RoleDefinition> roles)
        {
            foreach (var role in roles ?? Enumerable.Empty<RoleDefinition>())
            {
                if (role != null && role.Id != Guid.Empty) _byId[role.Id] = role;
            }
        }

        // Child business units hold copies of a root role; the copies point back through parentrootroleid.
        public RoleDefinition Find(Guid rowId, Guid? parentRootRoleId, Guid? parentRoleId)
        {
            if (_byId.TryGetValue(rowId, out var role)) return role;
            if (parentRootRoleId.HasValue && _byId.TryGetValue(parentRootRoleId.Value, out role)) return role;
            if (parentRoleId.HasValue && _byId.TryGetValue(parentRoleId.Value, out role)) return role;
            return null;
        }
    }

    /// <summary>Lenient readers: lookups may be stored as EntityReference or Guid, choices as OptionSetValue or int.</summary>
    internal static class RowValues
    {
        public static Guid? IdOf(Entity row, string attribute)
        {
            if (row == null || !row.Attributes.TryGetValue(attribute, out var value)) return null;
            switch (value)
            {
                case Guid id: return id == Guid.Empty ? (Guid?)null : id;
                case EntityReference reference: return reference.Id == Guid.Empty ? (Guid?)null : reference.Id;
                default: return null;
            }
        }

        public static EntityReference ReferenceOf(Entity row, string attribute, string defaultTable)
        {
            if (row == null || !row.Attributes.TryGetValue(attribute, out var value)) return null;
            switch (value)
            {
                case EntityReference reference: return reference.Id == Guid.Empty ? null : reference;
                case Guid id: return id == Guid.Empty ? null : new EntityReference(defaultTable, id);
                default: return null;
            }
        }

        public static int? IntOf(Entity row, string attribute)
        {
            if (row == null || !row.Attributes.TryGetValue(attribute, out var value)) return null;
            switch (value)
            {
                case OptionSetValue option: return option.Value;
                case int number: return number;
                default: return null;
            }
        }

        public static bool BoolOf(Entity row, string attribute) =>
            row != null && row.Attributes.TryGetValue(attribute, out var value) && value is bool flag && flag;
    }
}
