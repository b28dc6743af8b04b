using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>OrganizationSetup speaks the platform's messages and relationship names.</summary>
    public class OrganizationSetupTests
    {
        private readonly SecurityScenario _org = new SecurityScenario();

        [Fact]
        public void Relationship_names_are_the_platforms()
        {
            var catalog = BuiltInTables.CreateCatalog();
            Assert.Equal("systemuserroles", catalog.Relationship(OrganizationSetup.UserRolesRelationship).IntersectEntity);
            Assert.Equal("teamroles", catalog.Relationship(OrganizationSetup.TeamRolesRelationship).IntersectEntity);
            Assert.Equal("teammembership", catalog.Relationship(OrganizationSetup.TeamMembershipRelationship).IntersectEntity);
        }

        [Fact]
        public void CreateUser_creates_the_systemuser_and_associates_its_roles()
        {
            _org.Service.Calls.Clear();

            var id = _org.Setup.CreateUser("Mary Jane Watson", _org.SalesId, "Salesperson", "Auditor");
            var twin = _org.Setup.CreateUser("Mary Jane Watson", _org.SalesId);

            _org.Rows.TryGet("systemuser", id, out var user);
            Assert.Equal("Mary Jane", user["firstname"]);
            Assert.Equal("Watson", user["lastname"]);
            Assert.Equal("mary.jane.watson@crmcollab.test", user["domainname"]);
            Assert.Equal(_org.SalesId, user.GetAttributeValue<EntityReference>("businessunitid").Id);
            _org.Rows.TryGet("systemuser", twin, out var second);
            Assert.NotEqual(user["domainname"], second["domainname"]);
            Assert.Equal(2, _org.Service.Calls.Count(c => c == "Associate systemuser systemuserroles_association"));
            var roles = _org.Rows.Scan("systemuserroles").Where(r => (Guid)r["systemuserid"] == id).Select(r => (Guid)r["roleid"]);
            Assert.Equal(new[] { _org.RoleNamed("Salesperson").Id, _org.RoleNamed("Auditor").Id }.OrderBy(g => g), roles.OrderBy(g => g));
        }

        [Fact]
        public void Roles_are_taken_from_the_business_units_own_copy_when_there_is_one()
        {
            var root = _org.RoleNamed("Salesperson");
            var eastCopy = Guid.NewGuid();
            _org.Service.Create(new Entity("role", eastCopy)
            {
                ["name"] = "Salesperson",
                ["businessunitid"] = new EntityReference("businessunit", _org.EastId),
                ["parentroleid"] = new EntityReference("role", root.Id),
                ["parentrootroleid"] = new EntityReference("role", root.Id),
            });

            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");

            Assert.Equal(eastCopy, _org.Setup.FindRole("Salesperson", _org.EastId));
            Assert.Equal(root.Id, _org.Setup.FindRole("Salesperson", _org.SalesId));
            // The copy is tied to the definition through parentrootroleid.
            Assert.Equal(PrivilegeDepth.Basic, _org.Guard.DepthOf(eve, "account", AccessRight.Write));
            Assert.Throws<InvalidOperationException>(() => _org.Setup.FindRole("No Such Role", _org.EastId));
        }

        [Fact]
        public void CreateTeam_and_AddMembers_use_the_team_messages()
        {
            var kim = _org.Setup.CreateUser("Kim Member", _org.SalesId);
            _org.Service.Calls.Clear();

            var team = _org.Setup.CreateTeam("Key Accounts", _org.SalesId, TeamType.Owner, "Team Sales");
            _org.Setup.AddMembers(team, kim);

            Assert.Equal(new[] { "WhoAmI", "Create team", "Associate team teamroles_association", "AddMembersTeam" },
                _org.Service.Calls.Where(c => !c.StartsWith("RetrieveMultiple", StringComparison.Ordinal)));
            _org.Rows.TryGet("team", team, out var row);
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("teamtype").Value);
            Assert.Equal(_org.Guard.SystemUserId, row.GetAttributeValue<EntityReference>("administratorid").Id);
            Assert.Contains(_org.Rows.Scan("teammembership"), r => (Guid)r["systemuserid"] == kim && (Guid)r["teamid"] == team);
        }

        [Fact]
        public void DisableUser_sets_isdisabled_and_business_units_hang_under_their_parent()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId);
            _org.Setup.DisableUser(bob);
            _org.Rows.TryGet("systemuser", bob, out var user);
            Assert.True((bool)user["isdisabled"]);
            _org.Setup.EnableUser(bob);
            Assert.False((bool)user["isdisabled"]);

            _org.Rows.TryGet("businessunit", _org.EastId, out var east);
            Assert.Equal(_org.SalesId, east.GetAttributeValue<EntityReference>("parentbusinessunitid").Id);
            Assert.Equal(_org.RootId, _org.Setup.RootBusinessUnitId);
        }
    }
}
