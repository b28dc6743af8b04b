using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal hands off to the account's own ADV, logistics and SAV people, with due dates; routing rules are read
    /// only for work nobody of the account takes, and only those that can match it.
    /// </summary>
    public class HandoffRoutingScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _bob, _lena, _sector, _defaultLogistics;

        public HandoffRoutingScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _bob = _org.User("Bob ADV backup", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _sector = _org.User("Rita Retail Logistics", "CrmCollab Logistics");
            _defaultLogistics = _org.User("Dan Default Logistics", "CrmCollab Logistics");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
        }

        private Entity TaskOf(Guid deal, BusinessFunction function) =>
            _org.HandoffTasks(deal).Entities.Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)function);

        private static Guid OwnerOf(Entity task) => task.GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void A_won_deal_routes_each_handoff_to_the_accounts_dedicated_owner_with_its_due_date_and_terms()
        {
            Guid account = _org.Account("Contoso Lyon");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            Guid deal = _org.Deal(account, amount: 125000m, discount: 12.5m);

            _org.Win(deal);

            Entity adv = TaskOf(deal, BusinessFunction.Adv);
            Assert.Equal(_alice, OwnerOf(adv));
            Assert.Equal(CrmCollabOrg.Start.AddDays(5), adv.GetAttributeValue<DateTime>("scheduledend"), TimeSpan.FromMinutes(1)); // five days after the win
            Assert.Contains("Discount: 12.5 %", adv.GetAttributeValue<string>("crmc_agreedterms"));
            Assert.Contains("dedicated owner of account Contoso Lyon", adv.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(_lena, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void A_disabled_dedicated_owner_hands_over_to_the_backup()
        {
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice, backup: _bob);
            _org.Setup.DisableUser(_alice);
            Guid deal = _org.Deal(account);

            _org.Win(deal);

            Entity adv = TaskOf(deal, BusinessFunction.Adv);
            Assert.Equal(_bob, OwnerOf(adv));
            Assert.Contains("is disabled → backup", adv.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_plant_inherits_the_dedicated_owner_of_its_parent_account()
        {
            Guid group = _org.Account("Contoso Group");
            Guid plant = _org.Account("Contoso Lille plant", parent: group);
            _org.DedicatedOwner(group, BusinessFunction.Logistics, user: _lena);
            Guid deal = _org.Deal(plant);

            _org.Win(deal);

            Entity logistics = TaskOf(deal, BusinessFunction.Logistics);
            Assert.Equal(_lena, OwnerOf(logistics));
            Assert.Contains("parent account Contoso Group", logistics.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_plant_moved_under_another_group_hands_its_open_logistics_work_to_the_new_groups_owner()
        {
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            Guid group = _org.Account("Contoso Group");
            Guid other = _org.Account("Fabrikam Group");
            Guid plant = _org.Account("Lille plant", parent: group);
            _org.DedicatedOwner(group, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(other, BusinessFunction.Logistics, user: leo);
            Guid deal = _org.Deal(plant);
            _org.Win(deal);

            _org.As(_org.Rep).Update(new Entity("account", plant) { ["parentaccountid"] = new EntityReference("account", other) });
            _org.Engine.DrainAsync();

            Entity logistics = TaskOf(deal, BusinessFunction.Logistics);
            Assert.Equal(leo, OwnerOf(logistics));
            Assert.Contains("parent account Fabrikam Group", logistics.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_site_under_a_plant_moved_to_another_group_follows_the_new_groups_owner_too()
        {
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            Guid group = _org.Account("Contoso Group");
            Guid other = _org.Account("Fabrikam Group");
            Guid plant = _org.Account("Lille plant", parent: group);
            Guid site = _org.Account("Lille packaging site", parent: plant);
            _org.DedicatedOwner(group, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(other, BusinessFunction.Logistics, user: leo);
            Guid deal = _org.Deal(site);
            _org.Win(deal);
            Assert.Equal(_lena, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));

            _org.As(_org.Rep).Update(new Entity("account", plant) { ["parentaccountid"] = new EntityReference("account", other) });
            _org.Engine.DrainAsync();

            Assert.Equal(leo, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void A_new_logistics_owner_of_a_group_takes_the_open_work_of_its_plants_that_have_none_of_their_own()
        {
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            Guid group = _org.Account("Contoso Group");
            Guid plant = _org.Account("Lille plant", parent: group);
            Guid line = _org.Account("Lille line 2", parent: plant);
            Guid ownPlant = _org.Account("Lyon plant", parent: group);
            Guid row = _org.DedicatedOwner(group, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(ownPlant, BusinessFunction.Logistics, user: _sector);
            Guid plantDeal = _org.Deal(plant), lineDeal = _org.Deal(line), ownDeal = _org.Deal(ownPlant);
            foreach (Guid deal in new[] { plantDeal, lineDeal, ownDeal }) _org.Win(deal);

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = new EntityReference("systemuser", leo) });
            _org.Engine.DrainAsync();

            Assert.Equal(leo, OwnerOf(TaskOf(plantDeal, BusinessFunction.Logistics)));
            Assert.Equal(leo, OwnerOf(TaskOf(lineDeal, BusinessFunction.Logistics)));
            Assert.Equal(_sector, OwnerOf(TaskOf(ownDeal, BusinessFunction.Logistics))); // the plant's own owner stays
        }

        [Fact]
        public void A_sector_rule_beats_the_default_and_ties_go_to_the_lower_priority_number()
        {
            _org.Rule("Logistics default", BusinessFunction.Logistics, _defaultLogistics, priority: 1);
            _org.Rule("Retail logistics (backup desk)", BusinessFunction.Logistics, _lena, priority: 20, industry: 27);
            _org.Rule("Retail logistics", BusinessFunction.Logistics, _sector, priority: 10, industry: 27);
            Guid retailer = _org.Account("Litware Stores", industry: 27);
            Guid bank = _org.Account("Woodgrove Bank", industry: 6);

            Guid retailDeal = _org.Deal(retailer);
            Guid bankDeal = _org.Deal(bank);
            _org.Win(retailDeal);
            _org.Win(bankDeal);

            Assert.Equal(_sector, OwnerOf(TaskOf(retailDeal, BusinessFunction.Logistics)));
            Assert.Equal(_defaultLogistics, OwnerOf(TaskOf(bankDeal, BusinessFunction.Logistics)));
        }

        /// <summary>A default logistics desk, a retail one (industry 5) and, better placed but for another sector, Oskar's.</summary>
        private void LogisticsDesks()
        {
            _org.Rule("Logistics desk (default)", BusinessFunction.Logistics, _defaultLogistics);
            _org.Rule("Logistics, retail", BusinessFunction.Logistics, _sector, priority: 50, industry: 5);
            _org.Rule("Logistics, other sector", BusinessFunction.Logistics, _org.User("Oskar Other Sector", "CrmCollab Logistics"), priority: 1, industry: 6);
        }

        /// <summary>Wins the deal and counts the queries and creates of the asynchronous handoff step alone.</summary>
        private (int Queries, int Creates) WinAndCountTheHandoffStepsCalls(Guid deal)
        {
            _org.Engine.DrainAsync(); // what the new dedicated owners queued
            _org.Win(deal, drain: false);
            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.Engine.DrainAsync();
                return (scope.PluginCallsFor("RetrieveMultiple"), scope.PluginCallsFor("Create"));
            }
        }

        [Fact]
        public void Handoffs_the_accounts_own_people_take_read_no_routing_rule()
        {
            LogisticsDesks();
            Guid account = _org.Account("Contoso Lyon", industry: 5);
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            Guid deal = _org.Deal(account);

            (int queries, int creates) = WinAndCountTheHandoffStepsCalls(deal);

            Assert.Equal(4, queries); // the deal's latest close, templates, existing handoffs, owners: no rules
            Assert.Equal(2, creates);
            Assert.Equal(_lena, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void A_retail_account_without_its_own_logistics_contact_goes_to_the_retail_desk_not_another_sectors()
        {
            LogisticsDesks();
            Guid account = _org.Account("Northwind Stores", industry: 5);
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            Guid deal = _org.Deal(account);

            (int queries, _) = WinAndCountTheHandoffStepsCalls(deal);

            Assert.Equal(5, queries); // the deal's latest close, templates, existing handoffs, owners, rules
            Assert.Equal(_sector, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void An_account_with_no_industry_goes_to_the_default_desk_whatever_the_sector_rules()
        {
            LogisticsDesks();
            Guid account = _org.Account("Unclassified Ltd");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            Guid deal = _org.Deal(account);

            _org.Win(deal);

            Assert.Equal(_defaultLogistics, OwnerOf(TaskOf(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void The_rules_read_for_an_account_are_those_of_the_functions_asked_that_can_match_it()
        {
            LogisticsDesks();
            _org.Rule("Finance desk (default)", BusinessFunction.Finance, _org.User("Fiona Finance", "CrmCollab Reviewer"));
            var repository = new CrmCollab.Plugins.Data.RoutingRepository(_org.System);
            var retail = new AccountProfile { Id = Guid.NewGuid(), Name = "Retail", IndustryCode = 5 };
            var none = new AccountProfile { Id = Guid.NewGuid(), Name = "None" };
            var logistics = new[] { BusinessFunction.Logistics };

            Assert.Equal(new[] { "Logistics desk (default)", "Logistics, retail" },
                repository.ActiveRulesFor(retail, logistics).Select(r => r.Name).OrderBy(n => n));
            Assert.Equal(new[] { "Logistics desk (default)" }, repository.ActiveRulesFor(none, logistics).Select(r => r.Name));
            Assert.Equal(new[] { "Finance desk (default)", "Logistics desk (default)", "Logistics, retail" },
                repository.ActiveRulesFor(retail).Select(r => r.Name).OrderBy(n => n)); // every function's
            Assert.Empty(repository.ActiveRulesFor(retail, new BusinessFunction[0])); // no function asked: nothing to read
        }

        [Fact]
        public void With_nobody_to_route_to_the_handoff_waits_in_the_unrouted_queue_flagged_and_the_rep_is_told()
        {
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted" });
            Guid account = _org.Account("Northwind");
            Guid deal = _org.Deal(account);

            _org.Win(deal);

            Entity adv = TaskOf(deal, BusinessFunction.Adv);
            Assert.True(adv.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("unrouted", adv.GetAttributeValue<string>("crmc_routingpath"));
            var inQueue = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            inQueue.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            Assert.Equal(2, _org.System.RetrieveMultiple(inQueue).Entities.Count);
            var notes = new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject", "notetext") };
            notes.Criteria.AddCondition("objectid", ConditionOperator.Equal, deal);
            Assert.Contains(_org.System.RetrieveMultiple(notes).Entities, n => ((string)n["notetext"]).Contains("No dedicated ADV owner"));
        }
    }
}
