using System;
using System.ServiceModel;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// A role's "Member's privilege inheritance" (role.isinherited, default 1; Power Platform admin guide, "Security roles and
    /// privileges"): "Team privileges only" gives a team's members the team's privileges and no Basic depth of their own;
    /// Entra group teams take only roles their members inherit (AadGroupTeamsCanOnlyAssignInheritableRoles, 0x80048350).
    /// </summary>
    public class TeamRoleInheritanceTests
    {
        private readonly SecurityScenario _org = new SecurityScenario();

        private Guid TeamPrivilegesOnly(string roleName, Guid businessUnit)
        {
            Guid role = _org.Setup.FindRole(roleName, businessUnit);
            _org.Setup.Service.Update(new Entity("role", role) { ["isinherited"] = new OptionSetValue(0) });
            return role;
        }

        [Fact]
        public void A_team_role_of_team_privileges_only_gives_members_the_teams_records_but_nothing_of_their_own()
        {
            var kim = _org.Setup.CreateUser("Kim Member", _org.SalesId);
            TeamPrivilegesOnly("Team Sales", _org.EastId);
            var team = _org.Setup.CreateTeam("East Sales", _org.EastId, TeamType.Owner, "Team Sales");

            _org.Setup.AddMembers(team, kim);

            Assert.True(_org.Guard.CanRead(kim, "account", _org.Account("team", team)));  // the team's privileges
            Assert.False(_org.Guard.CanRead(kim, "account", _org.AccountOf(kim)));        // no Basic passed to the member
        }

        /// <summary>The engine booted with one solution role, through its SYSTEM service.</summary>
        private static (Emulator.Engine.DataverseEngine Engine, OrganizationSetup Setup, Guid Role) Engine()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            org.Solution.Roles.Add(role);
            var engine = org.Boot();
            return (engine, new OrganizationSetup(engine.SystemService), role.Id);
        }

        private static int InheritanceOf(IOrganizationService service, Guid role) =>
            service.Retrieve("role", role, new ColumnSet("isinherited")).GetAttributeValue<OptionSetValue>("isinherited").Value;

        [Fact]
        public void A_new_role_and_its_copies_let_members_inherit_it_by_default_and_a_copy_keeps_its_roles_setting()
        {
            var (engine, setup, solutionRole) = Engine();
            Guid created = setup.CreateRole("Gadget editor", engine.RootBusinessUnitId);
            engine.SystemService.Update(new Entity("role", solutionRole) { ["isinherited"] = new OptionSetValue(0) });

            Guid east = setup.CreateBusinessUnit("East");

            Assert.Equal(1, InheritanceOf(engine.SystemService, created));
            Assert.Equal(1, InheritanceOf(engine.SystemService, setup.FindRole("Gadget editor", east)));
            Assert.Equal(0, InheritanceOf(engine.SystemService, setup.FindRole("Widget editor", east)));
        }

        [Fact]
        public void An_Entra_group_team_cannot_be_given_a_role_of_team_privileges_only()
        {
            var (engine, setup, role) = Engine();
            engine.SystemService.Update(new Entity("role", role) { ["isinherited"] = new OptionSetValue(0) });
            Guid group = setup.CreateTeam("Widget group", engine.RootBusinessUnitId, (TeamType)2);
            var relationship = new Relationship(OrganizationSetup.TeamRolesRelationship);

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => engine.SystemService.Associate("team", group,
                relationship, new EntityReferenceCollection { new EntityReference("role", role) }));

            Assert.Equal(unchecked((int)0x80048350), fault.Detail.ErrorCode);
            engine.SystemService.Update(new Entity("role", role) { ["isinherited"] = new OptionSetValue(1) });
            engine.SystemService.Associate("team", group, relationship, new EntityReferenceCollection { new EntityReference("role", role) });
        }
    }
}
