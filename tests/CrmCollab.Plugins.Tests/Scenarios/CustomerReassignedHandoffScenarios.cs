using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Contoso is handed to another salesperson, Carl (territories redrawn): the platform cascades the account's Assign to
    /// its deals (opportunity_customer_accounts: Cascade) and each deal's to its tasks (Opportunity_Tasks: Cascade), closed
    /// ones too. No page says that cascade runs the deals' own steps, which put a won deal's handoffs back after its Assign
    /// (`DealAssignment`): these scenarios run on an organisation where the cascade runs no Assign step of the deals nor of
    /// their tasks. The won deal's logistics handoff stays with Lena, who does its work, and the contract Alice completed
    /// stays hers in the figures. Before, both went to Carl: he held the delivery, filled in a tracking number and
    /// completed it, and Alice's completed contract counted as his.
    /// </summary>
    public class CustomerReassignedHandoffScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
            (s.PrimaryEntity == "opportunity" || s.PrimaryEntity == "task") && s.MessageName == "Assign"
            || s.PrimaryEntity == "opportunity" && s.MessageName == "Update" && s.FilteringAttributes.Contains("ownerid")));
        private readonly ContractAndDeliveryOrg _set;
        private readonly Guid _carl, _account;

        public CustomerReassignedHandoffScenarios()
        {
            _set = new ContractAndDeliveryOrg(_org);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _account = _org.Row("opportunity", _set.Deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            _org.Win(_set.Deal);
            _org.As(_set.Alice).Update(new Entity("task", Contract) { ["crmc_contractnumber"] = "C-2026-118" });
            _org.As(_set.Alice).Execute(ContractAndDeliveryOrg.Close(Contract, 1, 5));
        }

        private Guid Contract => _org.HandoffOf(_set.Deal, BusinessFunction.Adv).Id;
        private Guid Delivery => _org.HandoffOf(_set.Deal, BusinessFunction.Logistics).Id;
        private Guid OwnerOf(Guid task) => _org.Row("task", task, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        [Theory]
        [InlineData("Assign")]
        [InlineData("Update")]
        public void Handing_the_account_to_another_salesperson_leaves_the_won_deals_handoffs_with_who_does_and_did_them(string message)
        {
            var carl = new EntityReference("systemuser", _carl);
            if (message == "Assign") _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = carl });
            else _org.System.Update(new Entity("account", _account) { ["ownerid"] = carl });

            Assert.Equal(_carl, _org.Row("opportunity", _set.Deal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_set.Lena, OwnerOf(Delivery));
            Assert.Equal(_set.Alice, OwnerOf(Contract));
            _org.Refused(RefusalCodes.HandoffWorkOwnerOnly, () => _org.As(_carl).Update(new Entity("task", Delivery)
            {
                ["crmc_trackingnumber"] = "1Z000", ["crmc_deliveredon"] = CrmCollabOrg.Start, ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            }), "task");
        }
    }
}
