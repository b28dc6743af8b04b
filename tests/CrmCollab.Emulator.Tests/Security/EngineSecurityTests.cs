using System;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Solution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

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
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.CreateService(_noRole).Create(Widget("W")));

            Assert.Equal(unchecked((int)0x80040220), fault.Detail.ErrorCode);
            Assert.Contains("prvCreatecrmc_Widget", fault.Detail.Message);
            Assert.Contains("Nobody", fault.Detail.Message);
        }

        [Fact]
        public void Local_write_reaches_rows_of_the_own_business_unit_only_while_global_read_reaches_all()
        {
            Guid id = _engine.CreateService(_repEast).Create(Widget("East widget"));

            Entity seenFromWest = _engine.CreateService(_repWest).Retrieve("crmc_widget", id, new ColumnSet("crmc_name"));
            Assert.Equal("East widget", seenFromWest["crmc_name"]);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                _engine.CreateService(_repWest).Update(new Entity("crmc_widget", id) { ["crmc_name"] = "Hijacked" }));
            Assert.Equal("East widget", _engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        [Fact]
        public void A_disabled_user_can_neither_act_nor_own()
        {
            var setup = new OrganizationSetup(_engine.SystemService);
            Guid id = _engine.CreateService(_repEast).Create(Widget("Mine"));
            setup.DisableUser(_repWest);

            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.CreateService(_repWest).Retrieve("crmc_widget", id, new ColumnSet("crmc_name")));
            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                _engine.SystemService.Update(new Entity("crmc_widget", id) { ["ownerid"] = new EntityReference("systemuser", _repWest) }));
        }

        [Fact]
        public void Bypassing_custom_logic_is_honoured_only_for_holders_of_the_privilege()
        {
            var bypass = new CreateRequest { Target = Widget("Bulk import") };
            bypass.Parameters["BypassCustomPluginExecution"] = true;

            _engine.CreateService(_repEast).Execute(bypass);
            var noRole = new OrganizationSetup(_engine.SystemService).CreateUser("Importer", _east);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.CreateService(noRole).Execute(bypass));
        }
    }
}
