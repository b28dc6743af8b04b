using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Moving a user to another business unit. Microsoft's admin guide ("Create or edit business units", Change the
    /// business unit for a user): changing the business unit removes all of the user's security role assignments, and
    /// at least one role must be assigned in the new business unit. An Update of systemuser.businessunitid is that
    /// operation ("Behavior of specialized update operations": it replaces SetBusinessSystemUser).
    /// </summary>
    public class UserBusinessUnitMoveTests
    {
        private static RoleDefinition WidgetRole()
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            return role;
        }

        [Fact]
        public void A_salesperson_moved_to_another_unit_keeps_no_role_until_one_is_given_there()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole());
            var engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var east = setup.CreateBusinessUnit("East");
            var ann = setup.CreateUser("Ann Seller", engine.RootBusinessUnitId, "Widget editor");
            engine.CreateService(ann).Create(new Entity("crmc_widget") { ["crmc_name"] = "before the move" });

            engine.SystemService.Update(new Entity("systemuser", ann)
            {
                ["title"] = "East seller", ["businessunitid"] = new EntityReference("businessunit", east),
            });

            var links = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet(true) };
            links.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, ann);
            Assert.Empty(engine.SystemService.RetrieveMultiple(links).Entities);
            Fails(() => engine.CreateService(ann).Create(new Entity("crmc_widget") { ["crmc_name"] = "after the move" }),
                SecurityFaults.PrivilegeDenied);

            setup.AssignRole(ann, "Widget editor");
            engine.CreateService(ann).Create(new Entity("crmc_widget") { ["crmc_name"] = "with a role in East" });
        }

        [Fact]
        public void Saving_a_user_without_changing_their_unit_keeps_their_roles()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole());
            var engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var ann = setup.CreateUser("Ann Seller", engine.RootBusinessUnitId, "Widget editor");

            engine.SystemService.Update(new Entity("systemuser", ann)
            {
                ["title"] = "Seller", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
            });

            engine.CreateService(ann).Create(new Entity("crmc_widget") { ["crmc_name"] = "still allowed" });
        }
    }
}
