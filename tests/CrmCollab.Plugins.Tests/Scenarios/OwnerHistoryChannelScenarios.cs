using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The Owner History on the channels the first scenarios did not try: a client's value is refused on ExecuteTransaction
    /// and UpsertMultiple too, and a deal created in a colleague's or a team's name by Upsert or CreateMultiple records who
    /// created it and its owner, as a Create does.
    /// </summary>
    public class OwnerHistoryChannelScenarios
    {
        private const string History = "crmc_ownerhistory";
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _carl, _account;

        public OwnerHistoryChannelScenarios()
        {
            _account = _org.Account("Fabrikam");
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _org.Setup.AssignRole(_org.Rep, "System Administrator");
        }

        private Entity NewDeal(EntityReference owner, Guid? id = null) => new Entity("opportunity", id ?? Guid.Empty)
        {
            ["name"] = "Retrofit for a colleague", ["customerid"] = new EntityReference("account", _account), ["ownerid"] = owner,
        };

        private string HistoryOf(Guid deal) => _org.System.Retrieve("opportunity", deal, new ColumnSet(History)).GetAttributeValue<string>(History);

        [Fact]
        public void No_client_sets_the_owner_history_in_a_transaction_or_an_upsert_of_many()
        {
            Guid deal = _org.Deal(_account);
            IOrganizationService rep = _org.As(_org.Rep);
            Entity Forged(Guid id)
            {
                var forged = new Entity("opportunity", id) { [History] = _carl.ToString("D") };
                if (id != deal) { forged["name"] = "Forged deal"; forged["customerid"] = new EntityReference("account", _account); }
                return forged;
            }

            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.InExecuteTransaction(rep, new UpdateRequest { Target = Forged(deal) }), Touched);
            foreach (Guid id in new[] { deal, Guid.NewGuid() })
                _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => rep.Execute(new OrganizationRequest("UpsertMultiple")
                {
                    ["Targets"] = new EntityCollection(new List<Entity> { Forged(id) }) { EntityName = "opportunity" },
                }), Touched);
            Assert.Null(HistoryOf(deal));
        }

        [Theory]
        [InlineData("Upsert", "systemuser")]
        [InlineData("CreateMultiple", "systemuser")]
        [InlineData("Create", "team")]
        [InlineData("Upsert", "team")]
        public void A_deal_created_in_someone_elses_name_records_its_creator_on_every_channel(string channel, string ownerTable)
        {
            Guid desk = _org.Setup.CreateTeam("Key accounts desk", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Salesperson");
            var owner = new EntityReference(ownerTable, ownerTable == "team" ? desk : _carl);
            IOrganizationService rep = _org.As(_org.Rep);
            Guid id = Guid.NewGuid();
            switch (channel)
            {
                case "Upsert": CrmCollabOrg.InUpsert(rep, NewDeal(owner, id)); break;
                case "CreateMultiple":
                    rep.Execute(new CreateMultipleRequest { Targets = new EntityCollection(new List<Entity> { NewDeal(owner, id) }) { EntityName = "opportunity" } });
                    break;
                default: rep.Create(NewDeal(owner, id)); break;
            }

            Assert.Equal(new[] { _org.Rep, owner.Id }, DealOwnerHistory.Parse(HistoryOf(id)));
            if (ownerTable == "team") Assert.Equal(new[] { desk }, DealOwnerHistory.Teams(HistoryOf(id)));
        }

        /// <summary>
        /// An integration running in the SYSTEM context filled a deal's Owner History to the column's 100,000 characters:
        /// the salesperson still hands the deal to a colleague (before, the platform refused the longer value and the Assign
        /// with it), and the owner it had is recorded in place of the oldest entries.
        /// </summary>
        [Fact]
        public void A_deal_whose_owner_history_an_integration_filled_to_the_limit_can_still_be_handed_on_and_records_who_had_it()
        {
            Guid deal = _org.Deal(_account);
            string full = string.Join(",", Enumerable.Range(0, 2702).Select(_ => Guid.NewGuid().ToString("D")));
            _org.System.Update(new Entity("opportunity", deal) { [History] = full });

            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", _carl) });

            string recorded = HistoryOf(deal);
            Assert.True(recorded.Length <= DealOwnerHistory.MaxLength);
            Assert.Equal(new[] { _org.Rep, _carl }, DealOwnerHistory.Parse(recorded).Skip(DealOwnerHistory.Parse(recorded).Count - 2));
        }
    }
}
