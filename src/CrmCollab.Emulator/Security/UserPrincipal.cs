using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Security
{
    /// <summary>A privilege an owner team holds through its roles, judged against the team as principal.</summary>
    internal readonly struct TeamGrant
    {
        public TeamGrant(Guid teamId, Guid businessUnitId, PrivilegeDepth depth)
        {
            TeamId = teamId;
            BusinessUnitId = businessUnitId;
            Depth = depth;
        }

        public Guid TeamId { get; }
        public Guid BusinessUnitId { get; }
        public PrivilegeDepth Depth { get; }
    }

    /// <summary>Everything a user holds for one (table, right).</summary>
    internal sealed class PrivilegeGrant
    {
        /// <summary>Depth judged against the user (own roles, plus Basic inherited from owner-team roles).</summary>
        public PrivilegeDepth UserDepth;

        /// <summary>Owner-team grants, judged against the team's ownership and business unit; null when none.</summary>
        public List<TeamGrant> TeamGrants;

        public PrivilegeDepth MaxDepth;

        public void AddUser(PrivilegeDepth depth)
        {
            if (depth > UserDepth) UserDepth = depth;
            if (depth > MaxDepth) MaxDepth = depth;
        }

        public void AddTeam(TeamGrant grant)
        {
            (TeamGrants ?? (TeamGrants = new List<TeamGrant>())).Add(grant);
            if (grant.Depth > MaxDepth) MaxDepth = grant.Depth;
        }
    }

    /// <summary>
    /// One user's effective security, computed once per snapshot: business unit, teams, and the union of the
    /// privileges of the user's roles and of the roles of the owner teams the user belongs to.
    /// </summary>
    internal sealed class UserPrincipal
    {
        public Guid UserId { get; private set; }
        public string FullName { get; private set; }
        public bool Exists { get; private set; }
        public bool IsDisabled { get; private set; }
        public Guid BusinessUnitId { get; private set; }
        /// <summary>SYSTEM or a System Administrator (directly or through an owner team).</summary>
        public bool IsSystem { get; private set; }
        public bool IsSystemUser { get; private set; }
        public int RoleCount { get; private set; }
        public int PrivilegeCount => Grants.Count + Misc.Count;
        public HashSet<Guid> TeamIds { get; } = new HashSet<Guid>();
        public Dictionary<(string Table, AccessRight Right), PrivilegeGrant> Grants { get; } =
            new Dictionary<(string, AccessRight), PrivilegeGrant>();
        public HashSet<string> Misc { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public static UserPrincipal Build(SecuritySnapshot s, Guid userId, Guid systemUserId)
        {
            var p = new UserPrincipal { UserId = userId };
            if (userId == systemUserId && userId != Guid.Empty)
            {
                p.Exists = p.IsSystem = p.IsSystemUser = true;
                p.FullName = "SYSTEM";
                p.BusinessUnitId = s.Users.TryGetValue(userId, out var own) ? own.BusinessUnitId : s.RootBusinessUnitId;
                return p;
            }
            if (!s.Users.TryGetValue(userId, out var user)) return p;

            p.Exists = true;
            p.FullName = user.FullName;
            p.IsDisabled = user.IsDisabled;
            p.BusinessUnitId = user.BusinessUnitId;
            // SYSTEM is the organisation's own account, known by its id (above): a user someone creates under that name is
            // an ordinary user with the roles it is given.

            foreach (var roleId in s.RolesOfUser(userId))
            {
                if (!s.Roles.TryGetValue(roleId, out var role)) continue;
                p.RoleCount++;
                p.IsSystem |= role.IsSystemAdministrator;
                if (role.Definition == null) continue;
                foreach (var privilege in role.Definition.Privileges) p.Grant(privilege.Key).AddUser(privilege.Value);
                p.Misc.UnionWith(role.Definition.Misc);
            }

            foreach (var teamId in s.TeamsOfUser(userId))
            {
                if (!s.Teams.TryGetValue(teamId, out var team)) continue;
                p.TeamIds.Add(teamId);
                // Access teams grant record access only (through sharing), never role privileges.
                if (team.TeamType == SecuritySnapshot.AccessTeam) continue;
                foreach (var roleId in s.RolesOfTeam(teamId))
                {
                    if (!s.Roles.TryGetValue(roleId, out var role)) continue;
                    p.RoleCount++;
                    p.IsSystem |= role.IsSystemAdministrator;
                    if (role.Definition == null) continue;
                    foreach (var privilege in role.Definition.Privileges)
                    {
                        if (privilege.Value == PrivilegeDepth.None) continue;
                        var grant = p.Grant(privilege.Key);
                        grant.AddTeam(new TeamGrant(teamId, team.BusinessUnitId, privilege.Value));
                        // Member's privilege inheritance "Direct User (Basic) access level and Team privileges" (the
                        // default); "Team privileges only" gives the member no depth of their own (TeamRoleInheritance).
                        if (!role.TeamPrivilegesOnly) grant.AddUser(PrivilegeDepth.Basic);
                    }
                    p.Misc.UnionWith(role.Definition.Misc);
                }
            }
            return p;
        }

        private PrivilegeGrant Grant((string, AccessRight) key)
        {
            if (!Grants.TryGetValue(key, out var grant)) Grants[key] = grant = new PrivilegeGrant();
            return grant;
        }
    }
}
