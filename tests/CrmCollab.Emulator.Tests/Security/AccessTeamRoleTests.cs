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
    /// "An access team doesn't own records and doesn't have security roles assigned to the team" (Dataverse teams
    /// management, types of teams): the Associate that would give one a role is refused, from either side; owner teams keep theirs.
    /// </summary>
    public class AccessTeamRoleTests
    {
        private static (BootedOrg Org, Guid Role) Boot()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            org.Solution.Roles.Add(role);
            return (new BootedOrg(org.Boot()), role.Id);
        }

        private static int TeamRoles(BootedOrg org, Guid team)
        {
            var query = new QueryExpression("teamroles") { ColumnSet = new ColumnSet("roleid") };
            query.Criteria.AddCondition("teamid", ConditionOperator.Equal, team);
            return org.Service.RetrieveMultiple(query).Entities.Count;
        }

        [Fact]
        public void An_access_team_cannot_be_given_a_security_role_from_either_side_of_the_relationship()
        {
            var (org, role) = Boot();
            Guid access = org.Setup.CreateTeam("Deal team", org.Engine.RootBusinessUnitId, TeamType.Access);
            var relationship = new Relationship(OrganizationSetup.TeamRolesRelationship);

            Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Associate("team", access, relationship,
                new EntityReferenceCollection { new EntityReference("role", role) }));
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Associate("role", role, relationship,
                new EntityReferenceCollection { new EntityReference("team", access) }));

            Assert.Equal(0, TeamRoles(org, access));
        }

        [Fact]
        public void An_owner_team_and_an_Entra_group_team_can_be_given_a_security_role()
        {
            var (org, role) = Boot();
            Guid owner = org.Setup.CreateTeam("Widget desk", org.Engine.RootBusinessUnitId, TeamType.Owner);
            Guid group = org.Setup.CreateTeam("Widget group", org.Engine.RootBusinessUnitId, (TeamType)2);
            var relationship = new Relationship(OrganizationSetup.TeamRolesRelationship);

            org.Service.Associate("team", owner, relationship, new EntityReferenceCollection { new EntityReference("role", role) });
            org.Service.Associate("team", group, relationship, new EntityReferenceCollection { new EntityReference("role", role) });

            Assert.Equal(1, TeamRoles(org, owner));
            Assert.Equal(1, TeamRoles(org, group));
        }
    }
}
