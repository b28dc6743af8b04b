using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Security
{
    /// <summary>The team's teamtype choice.</summary>
    public enum TeamType
    {
        Owner = 0,
        Access = 1,
    }

    /// <summary>
    /// Builds an organisation's structure (business units, users, teams, role assignments) for tests and the
    /// simulation. Written only against IOrganizationService, so every step runs through the real pipeline,
    /// its plugins and its security checks, as an administrator's clicks would.
    /// </summary>
    public sealed class OrganizationSetup
    {
        /// <summary>N:N systemuser ↔ role (intersect systemuserroles).</summary>
        public const string UserRolesRelationship = "systemuserroles_association";

        /// <summary>N:N team ↔ role (intersect teamroles).</summary>
        public const string TeamRolesRelationship = "teamroles_association";

        /// <summary>N:N systemuser ↔ team (intersect teammembership).</summary>
        public const string TeamMembershipRelationship = "teammembership_association";

        private const string MailDomain = "crmcollab.test";

        private readonly HashSet<string> _domainNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private Guid? _rootBusinessUnitId;

        public OrganizationSetup(IOrganizationService service)
        {
            Service = service ?? throw new ArgumentNullException(nameof(service));
        }

        public IOrganizationService Service { get; }

        /// <summary>The organisation's root business unit (the one without a parent).</summary>
        public Guid RootBusinessUnitId => _rootBusinessUnitId ?? (_rootBusinessUnitId = FindRootBusinessUnit()).Value;

        /// <summary>Creates a business unit under <paramref name="parentBusinessUnitId"/> (null: the root).</summary>
        public Guid CreateBusinessUnit(string name, Guid? parentBusinessUnitId = null)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A business unit needs a name.", nameof(name));
            return Service.Create(new Entity("businessunit")
            {
                ["name"] = name,
                ["parentbusinessunitid"] = new EntityReference("businessunit", parentBusinessUnitId ?? RootBusinessUnitId),
            });
        }

        /// <summary>Creates an enabled user in the business unit and gives it the named roles (that unit's copies).</summary>
        public Guid CreateUser(string fullName, Guid businessUnitId, params string[] roleNames)
        {
            if (string.IsNullOrWhiteSpace(fullName)) throw new ArgumentException("A user needs a name.", nameof(fullName));
            // fullname is composed by the platform from first and last name.
            var words = fullName.Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var first = words.Length > 1 ? string.Join(" ", words.Take(words.Length - 1)) : null;
            var last = words[words.Length - 1];
            var domainName = UniqueDomainName(words);
            var user = new Entity("systemuser")
            {
                ["lastname"] = last,
                ["domainname"] = domainName,
                ["internalemailaddress"] = domainName,
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId),
            };
            if (first != null) user["firstname"] = first;
            var userId = Service.Create(user);
            foreach (var roleName in roleNames ?? Array.Empty<string>()) AssignRole(userId, roleName);
            return userId;
        }

        /// <summary>
        /// The user's default currency (Personal Options): the currency of the rows the user creates naming none
        /// (usersettings.transactioncurrencyid; null clears it).
        /// </summary>
        public void SetDefaultCurrency(Guid userId, Guid? currencyId) =>
            Service.Update(new Entity("usersettings", userId)
            {
                ["transactioncurrencyid"] = currencyId == null ? null : new EntityReference("transactioncurrency", currencyId.Value),
            });

        /// <summary>Disables the user: it can no longer act nor own records.</summary>
        public void DisableUser(Guid userId) =>
            Service.Update(new Entity("systemuser", userId) { ["isdisabled"] = true });

        public void EnableUser(Guid userId) =>
            Service.Update(new Entity("systemuser", userId) { ["isdisabled"] = false });

        /// <summary>
        /// Creates a team administered by the calling user. Owner teams may hold roles, which apply to their
        /// members; access teams may not (the platform refuses roles on them).
        /// </summary>
        public Guid CreateTeam(string name, Guid businessUnitId, TeamType teamType, params string[] roleNames)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A team needs a name.", nameof(name));
            roleNames = roleNames ?? Array.Empty<string>();
            if (teamType == TeamType.Access && roleNames.Length > 0)
                throw new ArgumentException("Cannot assign roles or profiles to an access team.", nameof(roleNames));
            var teamId = Service.Create(new Entity("team")
            {
                ["name"] = name,
                ["teamtype"] = new OptionSetValue((int)teamType),
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId),
                ["administratorid"] = new EntityReference("systemuser", CallerId()),
            });
            foreach (var roleName in roleNames) AssignTeamRole(teamId, roleName);
            return teamId;
        }

        /// <summary>Adds users to a team with the AddMembersTeam message.</summary>
        public void AddMembers(Guid teamId, params Guid[] userIds)
        {
            if (userIds == null || userIds.Length == 0) return;
            Service.Execute(new AddMembersTeamRequest { TeamId = teamId, MemberIds = userIds });
        }

        /// <summary>Gives the user the named role (the copy in the user's business unit).</summary>
        public void AssignRole(Guid userId, string roleName)
        {
            var unit = BusinessUnitOf("systemuser", userId);
            Service.Associate("systemuser", userId, new Relationship(UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", FindRole(roleName, unit)) });
        }

        /// <summary>Gives the team the named role (the copy in the team's business unit).</summary>
        public void AssignTeamRole(Guid teamId, string roleName)
        {
            var unit = BusinessUnitOf("team", teamId);
            Service.Associate("team", teamId, new Relationship(TeamRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", FindRole(roleName, unit)) });
        }

        /// <summary>Creates a role row, e.g. for a solution role definition (use its id so the two are tied).</summary>
        public Guid CreateRole(string name, Guid? businessUnitId = null, Guid? roleId = null)
        {
            var role = new Entity("role")
            {
                ["name"] = name,
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
            };
            if (roleId.HasValue) role.Id = roleId.Value;
            return Service.Create(role);
        }

        /// <summary>
        /// The role of that name for the business unit: its own copy when there is one, else the root role.
        /// Throws InvalidOperationException when no role has that name.
        /// </summary>
        public Guid FindRole(string roleName, Guid businessUnitId)
        {
            if (string.IsNullOrWhiteSpace(roleName)) throw new ArgumentException("A role name is required.", nameof(roleName));
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("roleid", "businessunitid", "parentroleid") };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, roleName);
            var roles = Service.RetrieveMultiple(query).Entities;
            var match = roles.FirstOrDefault(r => RowValues.IdOf(r, "businessunitid") == businessUnitId)
                ?? roles.FirstOrDefault(r => RowValues.IdOf(r, "parentroleid") == null)
                ?? roles.FirstOrDefault();
            if (match == null) throw new InvalidOperationException($"No security role is named '{roleName}'.");
            return match.Id;
        }

        private Guid FindRootBusinessUnit()
        {
            var query = new QueryExpression("businessunit") { ColumnSet = new ColumnSet("businessunitid") };
            query.Criteria.AddCondition("parentbusinessunitid", ConditionOperator.Null);
            var root = Service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (root == null) throw new InvalidOperationException("The organisation has no root business unit.");
            return root.Id;
        }

        private Guid BusinessUnitOf(string table, Guid id)
        {
            var row = Service.Retrieve(table, id, new ColumnSet("businessunitid"));
            return RowValues.IdOf(row, "businessunitid")
                ?? throw new InvalidOperationException($"{table} {id} has no business unit.");
        }

        private Guid CallerId()
        {
            var response = Service.Execute(new WhoAmIRequest());
            return response.Results.TryGetValue("UserId", out var id) && id is Guid userId
                ? userId
                : throw new InvalidOperationException("WhoAmI did not return the caller's id.");
        }

        // domainname must be unique in an organisation; a repeated name gets a number.
        private string UniqueDomainName(string[] words)
        {
            var local = string.Join(".", words.Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
                .Where(w => w.Length > 0));
            if (local.Length == 0) local = "user";
            var candidate = local + "@" + MailDomain;
            for (var n = 2; !_domainNames.Add(candidate); n++) candidate = local + n + "@" + MailDomain;
            return candidate;
        }
    }
}
