using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A key account is reassigned to another salesperson and the platform cascades the change to its deals. CrmCollab
    /// records, inside the account's synchronous operation, the owner each of its open deals had; a key account's closed
    /// deals (thousands of them over the years) are not rewritten one by one, which made its reassignment slow or fail.
    /// </summary>
    public class CustomerReassignmentOwnerHistoryScenarios
    {
        private const string History = "crmc_ownerhistory";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _carl, _account;

        public CustomerReassignmentOwnerHistoryScenarios()
        {
            _account = _org.Account("Fabrikam");
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
        }

        private Entity Deal(Guid id) => _org.System.Retrieve("opportunity", id, new ColumnSet("ownerid", History));

        /// <summary>
        /// The account's own step writes its open deals only (paged, and only those whose history gains someone); the
        /// closed ones move with the platform's cascade. (The engine also runs each cascaded deal's Assign steps, which no
        /// page promises: there, each deal's own short step records its owners as after any Assign.)
        /// </summary>
        [Fact]
        public void A_key_accounts_reassignment_records_who_held_its_open_deals_without_rewriting_its_closed_deals_in_one_step()
        {
            Guid open = _org.Deal(_account, "Line 4 retrofit");
            Guid[] closed = Enumerable.Range(1, 3).Select(i => _org.Deal(_account, $"Spare parts {i}")).ToArray();
            foreach (Guid deal in closed) _org.Lose(deal);
            _org.Engine.ClearTraces();

            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", _carl) });

            Assert.Equal(_carl, Deal(open).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains(_org.Rep, DealOwnerHistory.Parse(Deal(open).GetAttributeValue<string>(History)));
            foreach (Guid deal in closed) Assert.Equal(_carl, Deal(deal).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains(_org.Engine.Traces, t => t.PrimaryEntityName == "account" && t.MessageName == "Assign"
                && t.Text.Contains("Customer changing owner: the owners of 1 of its open deal(s) recorded."));
        }
    }
}
