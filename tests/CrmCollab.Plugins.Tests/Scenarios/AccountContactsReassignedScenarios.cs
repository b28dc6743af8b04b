using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Contoso is handed to Carl (territories redrawn). Dataverse cascades the account's Assign to the contacts whose company
    /// it is (contact_customer_accounts: Assign Cascade), on to the deals those contacts are the customer of
    /// (opportunity_customer_contacts) and on to their tasks (Opportunity_Tasks). No page says that cascade runs the
    /// contacts', deals' or tasks' own steps: these scenarios run on an organisation where it runs none of their Assign
    /// steps (nor their Update steps on the owner). The buyer's won deal keeps its delivery with Lena, and the salesperson who held the buyer's open deal is
    /// recorded in its Owner History. Before, Carl held Lena's delivery, and the open deal's history never named the rep.
    /// </summary>
    public class AccountContactsReassignedScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
            (s.PrimaryEntity == "opportunity" || s.PrimaryEntity == "task" || s.PrimaryEntity == "contact") && s.MessageName == "Assign"
            || (s.PrimaryEntity == "opportunity" || s.PrimaryEntity == "contact") && s.MessageName == "Update" && s.FilteringAttributes.Contains("ownerid")));
        private readonly Guid _lena, _carl, _account, _buyer;

        public AccountContactsReassignedScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _buyer = _org.As(_org.Rep).Create(new Entity("contact")
            {
                ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", _account),
            });
        }

        /// <summary>A deal the buyer signs in their own name, for Contoso (its Account field).</summary>
        private Guid BuyersDeal(string name)
        {
            Guid deal = _org.Deal(_account, name);
            _org.System.Update(new Entity("opportunity", deal)
            {
                ["customerid"] = new EntityReference("contact", _buyer), ["parentaccountid"] = new EntityReference("account", _account),
            });
            return deal;
        }

        private void GiveContosoToCarl() => _org.System.Execute(new AssignRequest
            { Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", _carl) });

        private EntityReference OwnerOf(string table, Guid id) =>
            _org.System.Retrieve(table, id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid");

        [Fact]
        public void The_buyers_won_deal_keeps_its_delivery_with_logistics_when_the_account_is_handed_on()
        {
            Guid deal = BuyersDeal("Spare parts contract");
            _org.Win(deal);
            Guid delivery = _org.HandoffTasks(deal).Entities
                .Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Logistics).Id;
            Assert.Equal(_lena, OwnerOf("task", delivery).Id);

            GiveContosoToCarl();

            Assert.Equal(_carl, OwnerOf("contact", _buyer).Id); // the documented cascade
            Assert.Equal(_carl, OwnerOf("opportunity", deal).Id);
            Assert.Equal(_lena, OwnerOf("task", delivery).Id);
        }

        [Fact]
        public void The_buyers_open_deal_records_who_held_it_when_the_account_is_handed_on()
        {
            Guid deal = BuyersDeal("Line 4 retrofit");
            Assert.Null(_org.System.Retrieve("opportunity", deal, new ColumnSet("crmc_ownerhistory")).GetAttributeValue<string>("crmc_ownerhistory"));

            GiveContosoToCarl();

            Assert.Equal(_carl, OwnerOf("opportunity", deal).Id);
            string history = _org.System.Retrieve("opportunity", deal, new ColumnSet("crmc_ownerhistory")).GetAttributeValue<string>("crmc_ownerhistory");
            Assert.Contains(_org.Rep, DealOwnerHistory.Parse(history));
        }
    }
}
