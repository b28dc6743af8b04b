using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A retail group's dedicated owner answers for every store below it that has none of its own. When the group's
    /// owner changes and the stores are more than one background run may take (the 2-minute limit of a plug-in), their
    /// open work follows share by share, each share a background run of its own. Before, one run took every store,
    /// however many: a run the platform would stop at two minutes, leaving the rest with the old owner.
    /// </summary>
    public class DedicatedOwnerShareScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _bruno, _group, _row;

        public DedicatedOwnerShareScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _group = _org.Account("Litware Group");
            _row = _org.DedicatedOwner(_group, BusinessFunction.Adv, user: _alice);
            _org.Engine.DrainAsync();
        }

        private Guid ContractOwner(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>A won deal on each of <paramref name="count"/> new stores below <paramref name="parent"/>.</summary>
        private Guid[] WonDealsOfStoresBelow(Guid parent, int count, string store = "Litware Store") =>
            Enumerable.Range(0, count).Select(i =>
            {
                Guid deal = _org.Deal(_org.Account($"{store} {i}", parent: parent));
                _org.Win(deal);
                return deal;
            }).ToArray();

        /// <summary>What the administrator reads in the plug-in trace log of the background runs on the table (null: any).</summary>
        private string[] BackgroundTraces(string table = null) =>
            _org.Engine.Traces.Where(t => t.Mode == 1 && (table == null || t.PrimaryEntityName == table)).Select(t => t.Text).ToArray();

        [Fact]
        public void The_groups_new_adv_owner_takes_the_open_contracts_of_more_stores_below_it_than_one_run_takes()
        {
            Guid[] deals = WonDealsOfStoresBelow(_group, RoutingRuleChange.MaxAccountsPerRun + 50);
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));

            _org.Engine.ClearTraces();

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", _row) { ["crmc_userid"] = new EntityReference("systemuser", _bruno) });
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
            // What the administrator reads in the plug-in trace log: the change's run split the stores, a run for each share.
            string[] traces = BackgroundTraces("crmc_dedicatedowner");
            Assert.Contains(traces, text => text.Contains("re-routed in 2 background run(s)"));
            Assert.Contains(traces, text => text.Contains("share 1 of 2"));
            Assert.Contains(traces, text => text.Contains("share 2 of 2"));
        }

        [Fact]
        public void The_groups_new_adv_owner_takes_the_work_of_stores_beyond_the_five_thousand_one_query_returns()
        {
            const int Stores = 5_001; // one more than a query returns without paging
            IOrganizationService system = _org.System;
            Guid[] stores = Enumerable.Range(0, Stores).Select(i => system.Create(new Entity("account")
            {
                ["name"] = $"Litware Store {i}", ["parentaccountid"] = new EntityReference("account", _group),
                ["ownerid"] = new EntityReference("systemuser", _org.Rep),
            })).ToArray();
            // The store a query of the group's stores returns only on its second page.
            var stores2 = new QueryExpression("account") { ColumnSet = new ColumnSet(false),
                PageInfo = new PagingInfo { Count = 5000, PageNumber = 2 } };
            stores2.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, _group);
            stores2.AddOrder("accountid", OrderType.Ascending);
            Guid beyond = Assert.Single(system.RetrieveMultiple(stores2).Entities).Id;
            Guid first = _org.Deal(stores.First(s => s != beyond)), far = _org.Deal(beyond);
            _org.Win(first);
            _org.Win(far);

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", _row) { ["crmc_userid"] = new EntityReference("systemuser", _bruno) });
            _org.Engine.DrainAsync();

            Assert.Equal(_bruno, ContractOwner(first));
            Assert.Equal(_bruno, ContractOwner(far));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_duplicate_group_merged_into_litware_hands_every_one_of_its_stores_contracts_to_litwares_adv_owner_share_by_share()
        {
            Guid duplicate = _org.Account("Litware Group (duplicate)"); // no dedicated owner: its stores' ADV work goes to the desk
            _org.Rule("ADV default", BusinessFunction.Adv, _bruno);
            _org.Engine.DrainAsync();
            Guid[] deals = WonDealsOfStoresBelow(duplicate, 60);
            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            _org.Engine.ClearTraces();

            _org.System.Execute(new MergeRequest
                { Target = new EntityReference("account", _group), SubordinateId = duplicate, UpdateContent = new Entity("account") });
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
            // 61 accounts, six functions each: more than one run takes, so a run for each function's share.
            Assert.Contains(BackgroundTraces("account"), text => text.Contains("re-routed in 6 background run(s)"));
        }

        [Fact]
        public void A_group_moved_under_litware_hands_every_one_of_its_stores_contracts_to_litwares_adv_owner_share_by_share()
        {
            Guid northwind = _org.Account("Northwind Holding");
            _org.DedicatedOwner(northwind, BusinessFunction.Adv, user: _bruno);
            Guid chain = _org.Account("Corner Shops", parent: northwind);
            _org.Engine.DrainAsync();
            Guid[] deals = WonDealsOfStoresBelow(chain, 60, "Corner Shop");
            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal))); // through the chain to Northwind's owner
            _org.Engine.ClearTraces();

            _org.System.Update(new Entity("account", chain) { ["parentaccountid"] = new EntityReference("account", _group) });
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
            // 61 accounts, six functions each: more than one run takes, so a run for each function's share.
            Assert.Contains(BackgroundTraces("account"), text => text.Contains("re-routed in 6 background run(s)"));
        }

        [Fact]
        public void The_groups_deleted_adv_owner_row_leaves_every_stores_contract_to_the_desk_share_by_share()
        {
            _org.Rule("ADV default", BusinessFunction.Adv, _bruno);
            Guid[] deals = WonDealsOfStoresBelow(_group, RoutingRuleChange.MaxAccountsPerRun + 50);
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));
            _org.Engine.ClearTraces();

            _org.As(_org.Admin).Delete("crmc_dedicatedowner", _row); // no row left: its shares are written on the group
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
            Assert.Contains(BackgroundTraces(), text => text.Contains("re-routed in 2 background run(s)"));
        }

        [Theory]
        [InlineData("Update"), InlineData("UpdateMultiple"), InlineData("Upsert"), InlineData("ExecuteMultiple"), InlineData("ExecuteTransaction")]
        public void An_administrator_cannot_write_an_accounts_re_routing_batch(string channel)
        {
            string share = new AccountShare { Share = new WorkShare { Index = 0, Count = 1 }, AccountId = _group, Function = BusinessFunction.Adv }.Write();

            string message = _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.UpdateThrough(channel, _org.As(_org.Admin),
                new Entity("account", _group) { ["crmc_reroutingbatch"] = share }), "account");
            Assert.Contains("Re-routing Batch", message);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Create(
                new Entity("account") { ["name"] = "Northwind", ["crmc_reroutingbatch"] = share }), "account");
        }

        [Theory]
        [InlineData("Update"), InlineData("UpdateMultiple"), InlineData("Upsert"), InlineData("ExecuteMultiple"), InlineData("ExecuteTransaction")]
        public void An_administrator_cannot_write_a_dedicated_owners_re_routing_batch(string channel)
        {
            string share = new AccountShare { Share = new WorkShare { Index = 0, Count = 2 }, AccountId = _group, Function = BusinessFunction.Adv }.Write();

            string message = _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.UpdateThrough(channel, _org.As(_org.Admin),
                new Entity("crmc_dedicatedowner", _row) { ["crmc_reroutingbatch"] = share }), "crmc_dedicatedowner");
            Assert.Contains("Re-routing Batch", message);
        }

        [Fact]
        public void Nobody_creates_a_dedicated_owner_row_carrying_a_re_routing_batch()
        {
            var row = new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "Logistics owner", ["crmc_accountid"] = new EntityReference("account", _group),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics), ["crmc_userid"] = new EntityReference("systemuser", _bruno),
                ["crmc_validfrom"] = CrmCollabOrg.Start.Date.AddYears(-1),
                ["crmc_reroutingbatch"] = new AccountShare { Share = new WorkShare { Index = 0, Count = 1 }, AccountId = _group, Function = BusinessFunction.Logistics }.Write(),
            };

            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Create(row), "crmc_dedicatedowner");
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Execute(new CreateMultipleRequest
                { Targets = new EntityCollection { EntityName = "crmc_dedicatedowner", Entities = { row } } }), "crmc_dedicatedowner");
        }
    }
}
