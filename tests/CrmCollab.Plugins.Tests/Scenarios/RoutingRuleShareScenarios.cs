using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule change that concerns more accounts than one background run may take (the 2-minute limit of a
    /// plug-in) is re-routed share by share, each share a background run of its own, so every account's open work
    /// follows. Before, one run took the oldest 250 accounts and the rest kept the old desk until the next change.
    /// </summary>
    public class RoutingRuleShareScenarios
    {
        private const int Retail = 27, Manufacturing = 12;
        private static readonly int MoreThanOneRun = RoutingRuleChange.MaxAccountsPerRun + 60;
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly IOrganizationService _admin;

        public RoutingRuleShareScenarios()
        {
            _admin = _org.As(_org.Admin);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Engine.DrainAsync();
        }

        private List<Guid> WonDeals(int count, int? industry = null) =>
            Enumerable.Range(0, count).Select(i =>
            {
                Guid deal = _org.Deal(_org.Account($"Customer {industry} {i}", industry: industry));
                _org.Win(deal);
                return deal;
            }).ToList();

        private Guid ContractOwner(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void When_the_adv_desks_rule_goes_to_another_planner_every_one_of_more_contracts_than_one_run_takes_follows()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, alice);
            List<Guid> deals = WonDeals(MoreThanOneRun);
            Assert.All(deals, deal => Assert.Equal(alice, ContractOwner(deal)));

            _admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_userid"] = new EntityReference("systemuser", bruno) });
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_retail_rule_moved_to_manufacturing_gives_every_retail_contract_back_to_the_default_desk_share_by_share()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), carla = _org.User("Carla ADV", "CrmCollab ADV");
            _org.Rule("ADV default", BusinessFunction.Adv, carla);
            Guid retailRule = _org.Rule("ADV retail", BusinessFunction.Adv, alice, industry: Retail);
            List<Guid> retail = WonDeals(MoreThanOneRun, Retail);
            Guid plant = WonDeals(1, Manufacturing).Single();
            Assert.Equal(carla, ContractOwner(plant));

            // The shares run after the change: each must still know the rule decided for retail before it.
            _admin.Update(new Entity("crmc_routingrule", retailRule) { ["crmc_industrycode"] = new OptionSetValue(Manufacturing) });
            _org.Engine.DrainAsync();

            Assert.All(retail, deal => Assert.Equal(carla, ContractOwner(deal)));
            Assert.Equal(alice, ContractOwner(plant));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deleted_retail_rule_leaves_every_one_of_more_retail_contracts_than_one_run_takes_to_the_default_desk()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), carla = _org.User("Carla ADV", "CrmCollab ADV");
            _org.Rule("ADV default", BusinessFunction.Adv, carla);
            Guid retailRule = _org.Rule("ADV retail", BusinessFunction.Adv, alice, industry: Retail);
            List<Guid> retail = WonDeals(MoreThanOneRun, Retail);
            Assert.All(retail, deal => Assert.Equal(alice, ContractOwner(deal)));

            _admin.Delete("crmc_routingrule", retailRule); // no row left: its shares are written on the rule that remains
            _org.Engine.DrainAsync();

            Assert.All(retail, deal => Assert.Equal(carla, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_retail_adv_queue_given_to_a_new_keeper_brings_her_every_one_of_more_contracts_routed_past_it_than_one_run_takes()
        {
            Guid quinn = _org.User("Quinn ADV", "CrmCollab ADV"), eve = _org.User("Eve ADV", "CrmCollab ADV"), carla = _org.User("Carla ADV", "CrmCollab ADV");
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Retail ADV desk", ["ownerid"] = new EntityReference("systemuser", quinn) });
            _org.Rule("ADV default", BusinessFunction.Adv, carla);
            _org.Rule("ADV retail", BusinessFunction.Adv, new EntityReference("queue", queue), priority: 1, industry: Retail);
            _org.Setup.DisableUser(quinn);
            _org.Engine.DrainAsync();
            List<Guid> retail = WonDeals(MoreThanOneRun, Retail);
            Assert.All(retail, deal => Assert.Equal(carla, ContractOwner(deal))); // passed over: its keeper has left

            _org.System.Update(new Entity("queue", queue) { ["ownerid"] = new EntityReference("systemuser", eve) });
            _org.Engine.DrainAsync();

            Assert.All(retail, deal => Assert.Equal(eve, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_last_rule_deleted_flags_every_one_of_more_contracts_than_one_run_takes_as_unrouted()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, alice);
            List<Guid> deals = WonDeals(MoreThanOneRun);
            Assert.All(deals, deal => Assert.False(_org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<bool>("crmc_isunrouted")));

            // No rule is left to carry the shares: the first account concerned carries them.
            _admin.Delete("crmc_routingrule", rule);
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.True(_org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<bool>("crmc_isunrouted")));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Theory]
        [InlineData("Update"), InlineData("UpdateMultiple"), InlineData("Upsert"), InlineData("ExecuteMultiple"), InlineData("ExecuteTransaction")]
        public void An_administrator_cannot_write_a_rules_re_routing_batch(string channel)
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, alice);
            string share = new ReroutingBatch { Share = new WorkShare { Index = 0, Count = 2 }, Function = BusinessFunction.Adv }.Write();

            string message = _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn,
                () => CrmCollabOrg.UpdateThrough(channel, _admin, new Entity("crmc_routingrule", rule) { ["crmc_reroutingbatch"] = share }),
                "crmc_routingrule");
            Assert.Contains("Re-routing Batch", message);
        }

        [Fact]
        public void Nobody_creates_a_rule_carrying_a_re_routing_batch()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "ADV default", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
                ["crmc_userid"] = new EntityReference("systemuser", alice), ["crmc_priority"] = 100,
                ["crmc_reroutingbatch"] = new ReroutingBatch { Share = new WorkShare { Index = 0, Count = 1 }, Function = BusinessFunction.Adv }.Write(),
            };

            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _admin.Create(rule), "crmc_routingrule");
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _admin.Execute(new CreateMultipleRequest
                { Targets = new EntityCollection { EntityName = "crmc_routingrule", Entities = { rule } } }), "crmc_routingrule");
        }
    }
}
