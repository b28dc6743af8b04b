using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// Dataverse's role-based security over the organisation's rows. Checks run on every operation, so the
    /// structure (business-unit tree, teams, role assignments) is indexed once and each user's privileges are
    /// computed once; both are dropped by <see cref="Invalidate"/> after a write to a security table.
    /// </summary>
    public sealed class SecurityGuard : ISecurityGuard
    {
        /// <summary>Tables whose writes change someone's security.</summary>
        public static IReadOnlyCollection<string> SecurityTables => SecurityTableSet;

        private static readonly HashSet<string> SecurityTableSet = new HashSet<string>(StringComparer.Ordinal)
        {
            "systemuser", "team", "teammembership", "systemuserroles", "teamroles", "role", "businessunit",
        };

        /// <summary>Default id of the SYSTEM user; set <see cref="SystemUserId"/> to the organisation's own.</summary>
        public static readonly Guid DefaultSystemUserId = new Guid("00000000-0000-0000-0000-00000000ffff");

        private readonly IQueryDataSource _data;
        private readonly RoleDefinitionIndex _roles;
        private readonly EngineClock _clock;
        private readonly object _buildLock = new object();
        private volatile SecuritySnapshot _snapshot;
        private volatile LastPrincipal _lastPrincipal;
        private Guid _systemUserId = DefaultSystemUserId;

        public SecurityGuard(IQueryDataSource data, IEnumerable<RoleDefinition> roles, EngineClock clock = null)
        {
            _data = data ?? throw new ArgumentNullException(nameof(data));
            _roles = new RoleDefinitionIndex(roles);
            _clock = clock;
        }

        public SecurityGuard(IQueryDataSource data, SolutionDefinition solution, EngineClock clock = null)
            : this(data, solution?.Roles, clock)
        {
        }

        /// <summary>The SYSTEM user, by id only (a user named "SYSTEM" is not it). Setting it drops the cache.</summary>
        public Guid SystemUserId
        {
            get => _systemUserId;
            set
            {
                _systemUserId = value;
                Invalidate();
            }
        }

        /// <summary>The business unit without a parent; Guid.Empty while there is none.</summary>
        public Guid RootBusinessUnitId => Snapshot.RootBusinessUnitId;

        /// <summary>Drops every cached lookup; the next check re-reads the security tables.</summary>
        public void Invalidate() => _snapshot = null;

        /// <summary>Invalidates when <paramref name="table"/> is a security table; true if it did.</summary>
        public bool InvalidateIfAffected(string table)
        {
            if (table == null || !SecurityTableSet.Contains(table)) return false;
            Invalidate();
            return true;
        }

        public void Demand(Guid userId, string table, AccessRight right, Entity row) => Check(userId, table, right, row, true);

        public bool CanRead(Guid userId, string table, Entity row) => Check(userId, table, AccessRight.Read, row, false);

        /// <summary>Non-throwing form of <see cref="Demand"/>.</summary>
        public bool HasAccess(Guid userId, string table, AccessRight right, Entity row) => Check(userId, table, right, row, false);

        /// <summary>The deepest depth the user holds for (table, right), as honoured for the table's ownership.</summary>
        public PrivilegeDepth DepthOf(Guid userId, string table, AccessRight right)
        {
            var user = Principal(userId);
            if (user.IsSystem) return PrivilegeDepth.Global;
            var definition = _data.Catalog?.Table(table);
            user.Grants.TryGetValue((table, right), out var grant);
            return Honoured(definition, grant?.MaxDepth ?? PrivilegeDepth.None);
        }

        public bool HasPrivilege(Guid userId, string privilegeName)
        {
            var user = Principal(userId);
            if (user.IsSystem) return true;
            if (user.Misc.Contains(privilegeName)) return true;
            if (_data.Catalog == null || !PrivilegeNames.TryParse(privilegeName, _data.Catalog, out var right, out var tables))
                return false;
            foreach (var table in tables)
            {
                if (DepthOf(userId, table, right) != PrivilegeDepth.None) return true;
            }
            return false;
        }

        /// <summary>Dataverse's privilege-denied fault, naming the principal as a table privilege's refusal does.</summary>
        public void DemandPrivilege(Guid userId, string privilegeName)
        {
            if (HasPrivilege(userId, privilegeName)) return;
            throw SecurityFaults.Create(SecurityFaults.PrivilegeDenied,
                SecurityFaults.MissingPrivilegeMessage(Principal(userId), privilegeName, PrivilegeNames.IdOf(privilegeName)), Now);
        }

        public void DemandActiveUser(Guid userId)
        {
            var user = Principal(userId);
            if (!user.Exists)
                throw SecurityFaults.Create(SecurityFaults.ObjectDoesNotExist, $"systemuser With Id = {userId} Does Not Exist", Now);
            if (user.IsDisabled || (!user.IsSystemUser && user.BusinessUnitId == Guid.Empty))
                throw NotEnabled(user);
        }

        /// <summary>Throws unless <paramref name="owner"/> may own records: an enabled user or an owner team.</summary>
        public void DemandCanOwn(EntityReference owner)
        {
            if (owner == null || owner.Id == Guid.Empty)
                throw SecurityFaults.Create(SecurityFaults.InvalidArgument, "The owner is required.", Now);
            var s = Snapshot;
            switch (owner.LogicalName)
            {
                case "systemuser":
                    DemandActiveUser(owner.Id);
                    return;
                case "team":
                    if (!s.Teams.TryGetValue(owner.Id, out var team))
                        throw SecurityFaults.Create(SecurityFaults.ObjectDoesNotExist, $"team With Id = {owner.Id} Does Not Exist", Now);
                    if (team.TeamType == SecuritySnapshot.AccessTeam)
                        throw SecurityFaults.Create(SecurityFaults.CannotAssignToAccessTeam,
                            $"You cannot assign a record to the access team '{team.Name}' (TeamId = {team.Id}). " +
                            "You can assign a record to the owner team.", Now);
                    return;
                default:
                    throw SecurityFaults.Create(SecurityFaults.InvalidArgument,
                        $"'{owner.LogicalName}' cannot own records: the owner must be a systemuser or a team.", Now);
            }
        }

        /// <summary>As <see cref="DemandCanOwn(EntityReference)"/>, and the new owner must hold Read on the table.</summary>
        public void DemandCanOwn(EntityReference owner, string table)
        {
            DemandCanOwn(owner);
            table = ParentSecuredTables.PrivilegesOf(table); // a line's owner needs Read on deals, an item's on queues
            var definition = _data.Catalog?.Table(table);
            if (definition == null || definition.Ownership != OwnershipType.UserOwned) return;
            var depth = owner.LogicalName == "team" ? TeamDepth(owner.Id, table, AccessRight.Read) : DepthOf(owner.Id, table, AccessRight.Read);
            if (depth != PrivilegeDepth.None) return;
            var privilege = PrivilegeNames.Of(definition, AccessRight.Read);
            throw SecurityFaults.Create(SecurityFaults.PrincipalPrivilegeDenied,
                $"Target {owner.LogicalName} (Id={owner.Id}) does not hold required privileges: {privilege} " +
                $"(Id={PrivilegeNames.IdOf(privilege)}) on entity '{table}' is missing, so it cannot own the record.", Now);
        }

        public Guid BusinessUnitOf(EntityReference owner)
        {
            if (owner == null) throw new ArgumentNullException(nameof(owner));
            var s = Snapshot;
            switch (owner.LogicalName)
            {
                case "systemuser":
                    var user = Principal(owner.Id);
                    if (user.Exists) return user.BusinessUnitId;
                    break;
                case "team":
                    if (s.Teams.TryGetValue(owner.Id, out var team)) return team.BusinessUnitId;
                    break;
                case "businessunit":
                    if (s.BusinessUnitParents.ContainsKey(owner.Id)) return owner.Id;
                    break;
            }
            throw SecurityFaults.Create(SecurityFaults.ObjectDoesNotExist, $"{owner.LogicalName} With Id = {owner.Id} Does Not Exist", Now);
        }

        /// <summary>BusinessUnitOf a systemuser reference, without making one on the hot path.</summary>
        public Guid BusinessUnitOfUser(Guid userId)
        {
            var user = Principal(userId);
            return user.Exists ? user.BusinessUnitId : BusinessUnitOf(new EntityReference("systemuser", userId));
        }

        public bool IsSystem(Guid userId) => Principal(userId).IsSystem;

        /// <summary>Every team the user is a member of (owner and access teams), e.g. for eq-userteams.</summary>
        public IReadOnlyCollection<Guid> TeamsOf(Guid userId) => Principal(userId).TeamIds;

        private SecuritySnapshot Snapshot
        {
            get
            {
                var s = _snapshot;
                if (s != null) return s;
                lock (_buildLock)
                {
                    return _snapshot ?? (_snapshot = SecuritySnapshot.Build(_data, _roles));
                }
            }
        }

        private DateTime Now => _clock?.UtcNow ?? DateTime.UtcNow;

        private UserPrincipal Principal(Guid userId)
        {
            var s = Snapshot;
            // Calls come in runs for one user (several checks per operation): the last answer is kept, for its snapshot.
            var last = _lastPrincipal;
            if (last != null && last.Snapshot == s && last.Principal.UserId == userId) return last.Principal;
            // TryGetValue first: the hot path allocates nothing.
            var principal = s.Principals.TryGetValue(userId, out var cached)
                ? cached
                : s.Principals.GetOrAdd(userId, UserPrincipal.Build(s, userId, SystemUserId));
            _lastPrincipal = new LastPrincipal(s, principal);
            return principal;
        }

        private bool Check(Guid userId, string table, AccessRight right, Entity row, bool demand)
        {
            var s = Snapshot;
            var user = Principal(userId);
            if (user.IsSystem) return true;
            // Opportunity lines and queue items: the user's right on the deal or the queue decides (ParentSecuredTables).
            if (ParentSecuredTables.Redirect(_data, table, ref right, ref row, out var parent)) return Check(userId, parent, right, row, demand);
            var definition = _data.Catalog?.Table(table);
            // Unknown tables are the metadata layer's fault to raise; intersect tables carry no privileges.
            if (definition == null || definition.Ownership == OwnershipType.None) return true;

            user.Grants.TryGetValue((table, right), out var grant);
            var held = Honoured(definition, grant?.MaxDepth ?? PrivilegeDepth.None);
            if (held == PrivilegeDepth.None)
            {
                if (!demand) return false;
                var privilege = PrivilegeNames.Of(definition, right);
                throw SecurityFaults.Create(SecurityFaults.PrivilegeDenied,
                    SecurityFaults.PrivilegeDeniedMessage(user, privilege, PrivilegeNames.IdOf(privilege),
                        definition.ObjectTypeCode, table, definition.DisplayName ?? definition.SchemaName), Now);
            }
            if (held == PrivilegeDepth.Global || (row == null && right != AccessRight.Create)) return true;

            var (owner, owningUnit) = RowOwnership.Of(definition, row, user, s);
            if (Reaches(s, user, user.UserId, user.BusinessUnitId, true, grant.UserDepth, owner, owningUnit)) return true;
            if (grant.TeamGrants != null)
            {
                foreach (var team in grant.TeamGrants)
                {
                    if (Reaches(s, user, team.TeamId, team.BusinessUnitId, false, team.Depth, owner, owningUnit)) return true;
                }
            }
            if (RecordShares.Reach(_data, user.UserId, user.TeamIds, definition, right, row)) return true;
            if (!demand) return false;
            var name = PrivilegeNames.Of(definition, right);
            throw SecurityFaults.Create(SecurityFaults.AccessCheckFailed,
                SecurityFaults.AccessDeniedMessage(user, PrivilegeNames.AccessRightsName(right), row?.Id ?? Guid.Empty, table,
                    name, held, owner, owningUnit ?? Guid.Empty), Now);
        }

        // Basic: owned by the principal (for a user, also by a team the user belongs to); Local: in the
        // principal's business unit; Deep: in it or below it; Global: anywhere.
        private static bool Reaches(SecuritySnapshot s, UserPrincipal user, Guid principalId, Guid principalUnit, bool isUser,
            PrivilegeDepth depth, EntityReference owner, Guid? owningUnit)
        {
            if (depth == PrivilegeDepth.None) return false;
            if (depth == PrivilegeDepth.Global) return true;
            if (owner != null)
            {
                if (owner.LogicalName == (isUser ? "systemuser" : "team") && owner.Id == principalId) return true;
                if (isUser && owner.LogicalName == "team" && user.TeamIds.Contains(owner.Id)) return true;
            }
            if (depth == PrivilegeDepth.Basic || owningUnit == null) return false;
            if (owningUnit.Value == principalUnit) return true;
            return depth == PrivilegeDepth.Deep && s.IsAncestorOrSelf(principalUnit, owningUnit.Value);
        }

        /// <summary>Organization-owned tables honour only None and Global.</summary>
        private static PrivilegeDepth Honoured(TableDefinition table, PrivilegeDepth depth) =>
            table != null && table.Ownership == OwnershipType.OrganizationOwned && depth != PrivilegeDepth.Global
                ? PrivilegeDepth.None
                : depth;

        private PrivilegeDepth TeamDepth(Guid teamId, string table, AccessRight right)
        {
            var s = Snapshot;
            var best = PrivilegeDepth.None;
            foreach (var roleId in s.RolesOfTeam(teamId))
            {
                if (!s.Roles.TryGetValue(roleId, out var role)) continue;
                if (role.IsSystemAdministrator) return PrivilegeDepth.Global;
                if (role.Definition != null && role.Definition.Privileges.TryGetValue((table, right), out var depth) && depth > best)
                    best = depth;
            }
            return Honoured(_data.Catalog?.Table(table), best);
        }

        private System.ServiceModel.FaultException<OrganizationServiceFault> NotEnabled(UserPrincipal user) =>
            SecurityFaults.Create(SecurityFaults.UserNotEnabled,
                $"The specified user (Id={user.UserId}, fullName='{user.FullName}') is either disabled or is not a member " +
                "of any business unit. Disabled users can neither act nor own records.", Now);
    }
}
