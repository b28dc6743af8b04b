using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule is a segment fallback: it names who takes a function's work on accounts without a dedicated owner.
    /// When an administrator gives the rule to another desk, retires it, deletes it or adds one, the function's open
    /// handoffs and pending reviews follow, as they follow a dedicated owner change. Before, the replaced desk kept the
    /// contracts it held and kept deciding the reviews.
    /// </summary>
    public class RoutingRuleChangeScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly IOrganizationService _admin;

        public RoutingRuleChangeScenarios()
        {
            _admin = _org.As(_org.Admin);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Engine.DrainAsync();
        }

        private Guid WonDeal(string account = "Northwind")
        {
            Guid deal = _org.Deal(_org.Account(account));
            _org.Win(deal);
            return deal;
        }

        private Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void When_the_adv_desks_rule_is_given_to_another_planner_the_open_contract_handoff_follows()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, alice);
            Guid deal = WonDeal();
            Assert.Equal(alice, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Adv)));

            _admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_userid"] = new EntityReference("systemuser", bruno) });
            _org.Engine.DrainAsync();

            Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(bruno, OwnerOf(contract));
            Assert.Contains("after a routing rule change", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_retired_fallback_hands_its_open_contracts_to_the_next_rule_whether_retired_by_its_flag_or_deactivated()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid first = _org.Rule("ADV first line", BusinessFunction.Adv, alice, priority: 1);
            _org.Rule("ADV overflow", BusinessFunction.Adv, bruno, priority: 100);
            Guid byFlag = WonDeal("Northwind"), byState = WonDeal("Contoso");

            _admin.Update(new Entity("crmc_routingrule", first) { ["crmc_isactive"] = false });
            _org.Engine.DrainAsync();
            Assert.Equal(bruno, OwnerOf(_org.HandoffOf(byFlag, BusinessFunction.Adv)));
            Assert.Equal(bruno, OwnerOf(_org.HandoffOf(byState, BusinessFunction.Adv)));

            // Back in force, then deactivated from the grid (SetState): the work goes back, then leaves again.
            _admin.Update(new Entity("crmc_routingrule", first) { ["crmc_isactive"] = true });
            _org.Engine.DrainAsync();
            Assert.Equal(alice, OwnerOf(_org.HandoffOf(byState, BusinessFunction.Adv)));
            _admin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_routingrule", first), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            _org.Engine.DrainAsync();
            Assert.Equal(bruno, OwnerOf(_org.HandoffOf(byState, BusinessFunction.Adv)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deleted_rule_leaves_its_contracts_to_the_rule_that_remains()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid first = _org.Rule("ADV first line", BusinessFunction.Adv, alice, priority: 1);
            _org.Rule("ADV overflow", BusinessFunction.Adv, bruno, priority: 100);
            Guid deal = WonDeal();

            _admin.Delete("crmc_routingrule", first);
            _org.Engine.DrainAsync();

            Assert.Equal(bruno, OwnerOf(_org.HandoffOf(deal, BusinessFunction.Adv)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_contract_nobody_was_routed_to_goes_to_the_desk_of_a_new_rule_and_leaves_the_unrouted_list()
        {
            Guid deal = WonDeal();
            Entity unrouted = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.True(unrouted.GetAttributeValue<bool>("crmc_isunrouted"));
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");

            _org.Rule("ADV default", BusinessFunction.Adv, alice);
            _org.Engine.DrainAsync();

            Entity contract = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void An_account_with_its_own_adv_owner_keeps_her_when_the_fallback_changes()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid dora = _org.User("Dora Dedicated", "CrmCollab ADV");
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, alice);
            Guid account = _org.Account("Adatum");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: dora);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Entity before = _org.HandoffOf(deal, BusinessFunction.Adv);

            _admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_userid"] = new EntityReference("systemuser", bruno) });
            _org.Engine.DrainAsync();

            Entity after = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(dora, OwnerOf(after));
            Assert.Equal(before.GetAttributeValue<string>("crmc_routingpath"), after.GetAttributeValue<string>("crmc_routingpath")); // not written again
        }

        [Fact]
        public void A_pending_finance_review_follows_the_finance_desks_new_keeper_and_a_decided_one_stays()
        {
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer"), felix = _org.User("Felix Finance", "CrmCollab Reviewer");
            Guid rule = _org.Rule("Finance default", BusinessFunction.Finance, fiona);
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid pendingDeal = _org.CustomDeal(_org.Account("Adatum"));
            _org.MoveTo(pendingDeal, SalesStage.Develop);
            Guid decidedDeal = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.MoveTo(decidedDeal, SalesStage.Develop);
            Guid decided = _org.Review(decidedDeal, BusinessFunction.Finance).Id;
            _org.As(fiona).Update(new Entity("crmc_feasibilityreview", decided) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) });

            _admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_userid"] = new EntityReference("systemuser", felix) });
            _org.Engine.DrainAsync();

            Assert.Equal(felix, OwnerOf(_org.Review(pendingDeal, BusinessFunction.Finance)));
            Assert.Equal(fiona, OwnerOf(_org.Row("crmc_feasibilityreview", decided, "ownerid")));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        private const int Retail = 27, Manufacturing = 12;

        [Fact]
        public void A_retail_rule_given_to_another_planner_moves_the_retail_contract_behind_more_older_contracts_of_other_sectors_than_one_run_takes()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            Guid carla = _org.User("Carla ADV", "CrmCollab ADV");
            _org.Rule("ADV manufacturing", BusinessFunction.Adv, carla, industry: Manufacturing);
            Guid retailRule = _org.Rule("ADV retail", BusinessFunction.Adv, alice, industry: Retail);
            for (int i = 0; i <= RoutingRuleChange.MaxAccountsPerRun; i++)
                _org.Win(_org.Deal(_org.Account($"Plant {i}", industry: Manufacturing)));
            Guid shop = _org.Deal(_org.Account("Litware Stores", industry: Retail));
            _org.Win(shop);
            Assert.Equal(alice, OwnerOf(_org.HandoffOf(shop, BusinessFunction.Adv)));

            _admin.Update(new Entity("crmc_routingrule", retailRule) { ["crmc_userid"] = new EntityReference("systemuser", bruno) });
            _org.Engine.DrainAsync();

            Assert.Equal(bruno, OwnerOf(_org.HandoffOf(shop, BusinessFunction.Adv)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
