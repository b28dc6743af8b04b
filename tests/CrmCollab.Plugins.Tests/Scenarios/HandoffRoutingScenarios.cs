using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A won deal hands off to the account's own ADV, logistics and SAV people, with due dates.</summary>
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
            Assert.Equal(CrmCollabOrg.Start.Date.AddDays(5), adv.GetAttributeValue<DateTime>("scheduledend"));
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
