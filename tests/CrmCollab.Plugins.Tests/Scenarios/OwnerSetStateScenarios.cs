using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An account's dedicated owner deactivated from the grid (SetState) hands the open handoffs on, even where SetState
    /// runs no Update step: these scenarios run on an organisation without the reassignment's Update step.
    /// </summary>
    public class OwnerSetStateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".HandoffReassignment", StringComparison.Ordinal) && s.MessageName == "Update"));
        private readonly Guid _lena, _marc, _account, _deal;

        public OwnerSetStateScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _marc = _org.User("Marc Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _marc);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(_account);
            _org.Win(_deal);
        }

        private Guid OwnerOfTheDelivery() => _org.HandoffOf(_deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id;

        private Guid DedicatedOwnerRow() => _org.System.RetrieveMultiple(new QueryByAttribute("crmc_dedicatedowner")
        {
            ColumnSet = new ColumnSet("crmc_function"), Attributes = { "crmc_accountid" }, Values = { _account },
        }).Entities.Single().Id;

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void Deactivating_the_dedicated_owner_hands_the_open_handoff_to_the_fallback_and_reactivating_brings_it_back(string message)
        {
            Assert.Equal(_lena, OwnerOfTheDelivery());
            Guid row = DedicatedOwnerRow();

            _org.As(_org.Admin).Execute(SetState(message, row, 1, 2));
            _org.Engine.DrainAsync();
            Assert.Equal(_marc, OwnerOfTheDelivery()); // the segment's routing rule

            _org.As(_org.Admin).Execute(SetState(message, row, 0, 1));
            _org.Engine.DrainAsync();
            Assert.Equal(_lena, OwnerOfTheDelivery());
        }

        private static OrganizationRequest SetState(string message, Guid row, int state, int status) =>
            CrmCollabOrg.StateChange(message, "crmc_dedicatedowner", row, state, status);
    }
}
