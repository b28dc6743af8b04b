using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using CrmCollab.Emulator.Tests.Solution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>Security as the booted engine enforces it, with the roles the solution ships.</summary>
    public class EngineSecurityTests
    {
        private readonly DataverseEngine _engine;
        private readonly Guid _east, _west, _repEast, _repWest, _noRole;

        public EngineSecurityTests()
        {
            _engine = DataverseEngine.Boot(SolutionFixture.Path());
            var setup = new OrganizationSetup(_engine.SystemService);
            _east = setup.CreateBusinessUnit("East");
            _west = setup.CreateBusinessUnit("West");
            _repEast = setup.CreateUser("Rep East", _east, "CrmCollab Sales Rep");
            _repWest = setup.CreateUser("Rep West", _west, "CrmCollab Sales Rep");
            _noRole = setup.CreateUser("Nobody", _east);
        }

        private static Entity Widget(string name) => new Entity("crmc_widget") { ["crmc_name"] = name };

        [Fact]
        public void A_user_without_the_privilege_is_refused_with_a_message_naming_it()
        {
            var fault = Fails(() => _engine.CreateService(_noRole).Create(Widget("W")), SecurityFaults.PrivilegeDenied);

            Assert.Contains("prvCreatecrmc_Widget", fault.Message);
            Assert.Contains("Nobody", fault.Message);
        }

        [Fact]
        public void Local_write_reaches_rows_of_the_own_business_unit_only_while_global_read_reaches_all()
        {
            Guid id = _engine.CreateService(_repEast).Create(Widget("East widget"));

            Entity seenFromWest = _engine.CreateService(_repWest).Retrieve("crmc_widget", id, new ColumnSet("crmc_name"));
            Assert.Equal("East widget", seenFromWest["crmc_name"]);
            Fails(() => _engine.CreateService(_repWest).Update(new Entity("crmc_widget", id) { ["crmc_name"] = "Hijacked" }),
                SecurityFaults.AccessCheckFailed);
            Assert.Equal("East widget", _engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        [Fact]
        public void A_disabled_user_can_neither_act_nor_own()
        {
            var setup = new OrganizationSetup(_engine.SystemService);
            Guid id = _engine.CreateService(_repEast).Create(Widget("Mine"));
            setup.DisableUser(_repWest);

            Fails(() => _engine.CreateService(_repWest).Retrieve("crmc_widget", id, new ColumnSet("crmc_name")), SecurityFaults.UserNotEnabled);
            Fails(() => _engine.SystemService.Update(new Entity("crmc_widget", id) { ["ownerid"] = new EntityReference("systemuser", _repWest) }),
                SecurityFaults.UserNotEnabled);
            Assert.Equal(_repEast, _engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_query_of_a_table_the_user_may_not_read_at_all_is_refused_naming_the_privilege()
        {
            _engine.CreateService(_repEast).Create(Widget("East widget"));
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };

            var fault = Fails(() => _engine.CreateService(_noRole).RetrieveMultiple(query), SecurityFaults.PrivilegeDenied);
            Assert.Contains("prvReadcrmc_Widget", fault.Message);
            var fetch = new FetchExpression("<fetch><entity name='crmc_widget'><attribute name='crmc_name' /></entity></fetch>");
            Assert.Contains("prvReadcrmc_Widget", Fails(() => _engine.CreateService(_noRole).RetrieveMultiple(fetch), SecurityFaults.PrivilegeDenied).Message);
            Assert.Single(_engine.CreateService(_repEast).RetrieveMultiple(query).Entities); // a holder of the privilege reads
        }

        [Fact]
        public void Bypassing_custom_logic_is_honoured_only_for_holders_of_the_privilege()
        {
            // Two users who may both create widgets; only the importer holds prvBypassCustomPlugins.
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Step("Create", "crmc_widget", StepStage.PreOperation,
                run => throw new InvalidPluginExecutionException("Widgets are created by the catalogue only."));
            org.Solution.Roles.Add(WidgetCreator("Clerk", bypass: false));
            org.Solution.Roles.Add(WidgetCreator("Importer", bypass: true));
            DataverseEngine engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            IOrganizationService clerk = engine.CreateService(setup.CreateUser("Clara Clerk", engine.RootBusinessUnitId, "Clerk"));
            IOrganizationService importer = engine.CreateService(setup.CreateUser("Ian Importer", engine.RootBusinessUnitId, "Importer"));

            Assert.Contains("catalogue only", Fails(() => clerk.Create(Widget("W1")), ErrorCodes.IsvAborted).Message);
            var refused = Fails(() => clerk.Execute(Bypassing(Widget("W2"))), SecurityFaults.PrivilegeDenied);
            Assert.Contains("prvBypassCustomPlugins", refused.Message);
            Assert.Contains("catalogue only", Fails(() => importer.Create(Widget("W3")), ErrorCodes.IsvAborted).Message);

            var created = (CreateResponse)importer.Execute(Bypassing(Widget("Bulk import")));
            Assert.Equal("Bulk import", engine.SystemService.Retrieve("crmc_widget", created.id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        private static CreateRequest Bypassing(Entity target)
        {
            var request = new CreateRequest { Target = target };
            request.Parameters["BypassCustomPluginExecution"] = true;
            return request;
        }

        private static RoleDefinition WidgetCreator(string name, bool bypass)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            if (bypass) role.Misc.Add("prvBypassCustomPlugins");
            return role;
        }
    }
}
