using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Security roles are replicated to every business unit: "A security role can exist in the root business unit (BU)
    /// and replicated to different BU's, and therefore the role ID is not unique" (powerapps-docs
    /// developer/data-platform/security-roles.md, which finds a role that has no template in a business unit by
    /// `_parentrootroleid_value` and `_businessunitid_value`); "Business unit level security roles are inherited from the
    /// parent business unit" (powerapps-docs, view access by business unit); parentroleid and parentrootroleid are
    /// read-only, parentrootroleid system-required (reference/entities/role.md). See Store/RoleCopies.
    /// </summary>
    public class RoleCopyTests
    {
        private static RoleDefinition WidgetRole()
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            return role;
        }

        private static EntityCollection RolesNamed(BootedOrg org, string name)
        {
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("businessunitid", "parentroleid", "parentrootroleid") };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, name);
            return org.Service.RetrieveMultiple(query);
        }

        private static Guid? Lookup(Entity row, string column) => row.GetAttributeValue<EntityReference>(column)?.Id;

        private static Entity In(EntityCollection roles, Guid unit) =>
            roles.Entities.Single(r => Lookup(r, "businessunitid") == unit);

        [Fact]
        public void A_solution_role_gets_a_copy_in_each_new_business_unit_that_points_back_to_it()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var definition = WidgetRole();
            org.Solution.Roles.Add(definition);
            var access = new BootedOrg(org.Boot());
            var east = access.Setup.CreateBusinessUnit("East");
            var north = access.Setup.CreateBusinessUnit("East North", east);

            var roles = RolesNamed(access, "Widget editor");

            Assert.Equal(3, roles.Entities.Count);
            var root = In(roles, access.Engine.RootBusinessUnitId);
            Assert.Equal(definition.Id, root.Id);
            Assert.Equal(definition.Id, Lookup(root, "parentrootroleid"));
            Assert.Null(Lookup(root, "parentroleid"));
            var eastCopy = In(roles, east);
            Assert.Equal(definition.Id, Lookup(eastCopy, "parentroleid"));
            Assert.Equal(definition.Id, Lookup(eastCopy, "parentrootroleid"));
            var northCopy = In(roles, north);
            Assert.Equal(eastCopy.Id, Lookup(northCopy, "parentroleid"));
            Assert.Equal(definition.Id, Lookup(northCopy, "parentrootroleid"));

            // A user of the unit is given its copy, which carries the role's privileges.
            var nora = access.Setup.CreateUser("Nora North", north, "Widget editor");
            Assert.Equal(northCopy.Id, access.Setup.FindRole("Widget editor", north));
            access.Engine.CreateService(nora).Create(new Entity("crmc_widget") { ["crmc_name"] = "made with the copy" });
        }

        [Fact]
        public void A_role_created_after_the_business_units_is_copied_into_each_and_its_parents_cannot_be_sent()
        {
            var access = new BootedOrg(new TestOrg().Boot());
            var east = access.Setup.CreateBusinessUnit("East");
            var north = access.Setup.CreateBusinessUnit("East North", east);
            var other = access.Setup.CreateRole("Other");

            var auditors = access.Service.Create(new Entity("role")
            {
                ["name"] = "Auditors",
                ["businessunitid"] = new EntityReference("businessunit", access.Engine.RootBusinessUnitId),
                ["parentrootroleid"] = new EntityReference("role", other), // read-only: ignored
                ["parentroleid"] = new EntityReference("role", other),
            });

            var roles = RolesNamed(access, "Auditors");
            Assert.Equal(3, roles.Entities.Count);
            var root = In(roles, access.Engine.RootBusinessUnitId);
            Assert.Equal(auditors, root.Id);
            Assert.Equal(auditors, Lookup(root, "parentrootroleid"));
            Assert.Null(Lookup(root, "parentroleid"));
            Assert.Equal(auditors, Lookup(In(roles, east), "parentrootroleid"));
            Assert.Equal(In(roles, east).Id, Lookup(In(roles, north), "parentroleid"));
            Assert.Equal(auditors, Lookup(In(roles, north), "parentrootroleid"));
        }

        /// <summary>Privileges belong to a role row (given by AddPrivilegesRole or ReplacePrivilegesRole, role.md Messages), not to a name.</summary>
        [Fact]
        public void A_role_created_under_a_solution_roles_name_carries_none_of_its_privileges()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole());
            var access = new BootedOrg(org.Boot());
            var lookAlike = access.Setup.CreateRole("Widget editor");
            var lou = access.Setup.CreateUser("Lou Lookalike", access.Engine.RootBusinessUnitId);
            access.Service.Associate("systemuser", lou, new Relationship(OrganizationSetup.UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", lookAlike) });

            FaultAssert.Fails(() => access.Engine.CreateService(lou).Create(new Entity("crmc_widget") { ["crmc_name"] = "with a name only" }),
                SecurityFaults.PrivilegeDenied);
        }

        [Fact]
        public void Roles_held_directly_or_through_a_team_are_found_by_the_root_role_id()
        {
            var org = new TestOrg();
            var definition = WidgetRole();
            org.Solution.Roles.Add(definition);
            var access = new BootedOrg(org.Boot());
            var east = access.Setup.CreateBusinessUnit("East");
            var direct = access.Setup.CreateUser("Dana Direct", east, "Widget editor");
            var member = access.Setup.CreateUser("Tom Team", east);
            var team = access.Setup.CreateTeam("Widget desk", east, TeamType.Owner, "Widget editor");
            access.Setup.AddMembers(team, member);

            Assert.True(HoldsDirectly(access, direct, definition.Id));
            Assert.False(HoldsDirectly(access, member, definition.Id));
            Assert.True(HoldsThroughTeam(access, member, definition.Id));
            Assert.False(HoldsThroughTeam(access, direct, definition.Id));
            Assert.False(HoldsDirectly(access, direct, Guid.NewGuid()));
        }

        private static void MatchRole(LinkEntity role, Guid rootRoleId)
        {
            var either = role.LinkCriteria.AddFilter(LogicalOperator.Or);
            either.AddCondition("roleid", ConditionOperator.Equal, rootRoleId);
            either.AddCondition("parentrootroleid", ConditionOperator.Equal, rootRoleId);
        }

        private static bool HoldsDirectly(BootedOrg access, Guid user, Guid rootRoleId)
        {
            var query = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet("roleid") };
            query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, user);
            MatchRole(query.AddLink("role", "roleid", "roleid"), rootRoleId);
            return access.Service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static bool HoldsThroughTeam(BootedOrg access, Guid user, Guid rootRoleId)
        {
            var query = new QueryExpression("teammembership") { ColumnSet = new ColumnSet("teamid") };
            query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, user);
            var teamRoles = query.AddLink("teamroles", "teamid", "teamid");
            MatchRole(teamRoles.AddLink("role", "roleid", "roleid"), rootRoleId);
            return access.Service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
