using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// The platform's System Administrator role is known by its role template, never by its name: "You should use
    /// RoleTemplateId when you try to lookup or process Microsoft Dataverse security roles. These role template IDs are
    /// unique and constant in all environments" (powerapps-docs developer/data-platform/security-roles.md, SystemAdmin =
    /// 627090FF-40A3-4053-8790-584EDC5BE201, found in a business unit by `_roletemplateid_value` and
    /// `_businessunitid_value`); the role table's roletemplateid is read-only (reference/entities/role.md).
    /// </summary>
    public class SystemAdministratorRoleTests
    {
        private static readonly Guid Template = WellKnownIds.SystemAdministratorRoleTemplateId;

        private static DataverseEngine Boot()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            return org.Boot();
        }

        private static Guid AssignById(DataverseEngine engine, Guid user, Guid role)
        {
            engine.SystemService.Associate("systemuser", user, new Relationship(OrganizationSetup.UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", role) });
            return role;
        }

        private static Guid CreateWidget(DataverseEngine engine, Guid user) =>
            engine.CreateService(user).Create(new Entity("crmc_widget") { ["crmc_name"] = "Widget" });

        private static Guid? TemplateOf(DataverseEngine engine, Guid role) =>
            engine.SystemService.Retrieve("role", role, new ColumnSet("roletemplateid")).GetAttributeValue<EntityReference>("roletemplateid")?.Id;

        [Fact]
        public void A_role_someone_names_System_Administrator_gives_no_rights_beyond_its_privileges()
        {
            var engine = Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var lookAlike = setup.CreateRole("System Administrator");
            var mallory = setup.CreateUser("Mallory Maker", engine.RootBusinessUnitId);
            AssignById(engine, mallory, lookAlike);

            FaultAssert.Fails(() => CreateWidget(engine, mallory), SecurityFaults.PrivilegeDenied);
            Assert.Null(TemplateOf(engine, lookAlike));
        }

        [Fact]
        public void The_seeded_System_Administrator_roles_copy_in_a_child_business_unit_gives_full_access()
        {
            var engine = Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var east = setup.CreateBusinessUnit("East");
            var byTemplate = new QueryExpression("role") { ColumnSet = new ColumnSet("parentroleid", "parentrootroleid") };
            byTemplate.Criteria.AddCondition("roletemplateid", ConditionOperator.Equal, Template);
            byTemplate.Criteria.AddCondition("businessunitid", ConditionOperator.Equal, east);
            var copy = engine.SystemService.RetrieveMultiple(byTemplate).Entities.Single();
            Assert.Equal(WellKnownIds.SystemAdministratorRoleId, copy.GetAttributeValue<EntityReference>("parentrootroleid").Id);

            var ada = setup.CreateUser("Ada Admin", east, "System Administrator");
            Assert.Equal(copy.Id, setup.FindRole("System Administrator", east));

            // Full access: a record SYSTEM owns at the root, and a table no role of hers names.
            var widget = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "SYSTEM's" });
            engine.CreateService(ada).Update(new Entity("crmc_widget", widget) { ["crmc_name"] = "By the admin" });
            engine.CreateService(ada).Delete("crmc_widget", widget);
            CreateWidget(engine, ada);
        }

        [Fact]
        public void A_renamed_System_Administrator_role_is_still_the_System_Administrator()
        {
            var engine = Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            engine.SystemService.Update(new Entity("role", WellKnownIds.SystemAdministratorRoleId) { ["name"] = "Administrateur système" });
            var ada = setup.CreateUser("Ada Admin", engine.RootBusinessUnitId, "Administrateur système");

            CreateWidget(engine, ada);
        }

        /// <summary>The same holds for the SYSTEM account: it is the organisation's own user, not a name anyone can type.</summary>
        [Fact]
        public void A_user_someone_names_SYSTEM_gets_no_rights_beyond_its_roles()
        {
            var engine = Boot();
            var impostor = new OrganizationSetup(engine.SystemService).CreateUser("SYSTEM", engine.RootBusinessUnitId);

            FaultAssert.Fails(() => CreateWidget(engine, impostor), SecurityFaults.PrivilegeDenied);
            CreateWidget(engine, WellKnownIds.SystemUserId);
        }

        [Fact]
        public void A_client_cannot_give_a_role_the_System_Administrator_template()
        {
            var engine = Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var claimed = engine.SystemService.Create(new Entity("role")
            {
                ["name"] = "Helpdesk",
                ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
                ["roletemplateid"] = new EntityReference("roletemplate", Template), // read-only: ignored
            });
            var mallory = setup.CreateUser("Mallory Maker", engine.RootBusinessUnitId);
            AssignById(engine, mallory, claimed);

            Assert.Null(TemplateOf(engine, claimed));
            FaultAssert.Fails(() => CreateWidget(engine, mallory), SecurityFaults.PrivilegeDenied);

            engine.SystemService.Update(new Entity("role", claimed) { ["roletemplateid"] = new EntityReference("roletemplate", Template) });
            Assert.Null(TemplateOf(engine, claimed));
            FaultAssert.Fails(() => CreateWidget(engine, mallory), SecurityFaults.PrivilegeDenied);
            Assert.Equal(Template, TemplateOf(engine, WellKnownIds.SystemAdministratorRoleId));
        }
    }
}
