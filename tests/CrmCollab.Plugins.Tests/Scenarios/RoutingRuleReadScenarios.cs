using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Routing reads the rules only when it needs them, and only those that can match the account: the server filters
    /// out rules for other sectors, and the most specific matching rule still wins.
    /// </summary>
    public class RoutingRuleReadScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _lena, _retail, _otherSector, _default;

        public RoutingRuleReadScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _retail = _org.User("Rita Retail Logistics", "CrmCollab Logistics");
            _otherSector = _org.User("Oskar Other Sector", "CrmCollab Logistics");
            _default = _org.User("Dan Default Logistics", "CrmCollab Logistics");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Rule("Logistics desk (default)", BusinessFunction.Logistics, _default);
            _org.Rule("Logistics, retail", BusinessFunction.Logistics, _retail, priority: 50, industry: 5);
            // Better priority, but for another sector: never a match for a retail account.
            _org.Rule("Logistics, other sector", BusinessFunction.Logistics, _otherSector, priority: 1, industry: 6);
        }

        private Guid LogisticsOwnerOf(Guid deal) =>
            _org.HandoffTasks(deal).Entities
                .Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Logistics)
                .GetAttributeValue<EntityReference>("ownerid").Id;

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
            Guid account = _org.Account("Contoso Lyon", industry: 5);
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            Guid deal = _org.Deal(account);

            (int queries, int creates) = WinAndCountTheHandoffStepsCalls(deal);

            Assert.Equal(3, queries); // templates, existing handoffs, owners: no rules
            Assert.Equal(2, creates);
            Assert.Equal(_lena, LogisticsOwnerOf(deal));
        }

        [Fact]
        public void A_retail_account_without_its_own_logistics_contact_goes_to_the_retail_desk_not_another_sectors()
        {
            Guid account = _org.Account("Northwind Stores", industry: 5);
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            Guid deal = _org.Deal(account);

            (int queries, _) = WinAndCountTheHandoffStepsCalls(deal);

            Assert.Equal(4, queries); // templates, existing handoffs, owners, rules
            Assert.Equal(_retail, LogisticsOwnerOf(deal));
        }

        [Fact]
        public void An_account_with_no_industry_goes_to_the_default_desk_whatever_the_sector_rules()
        {
            Guid account = _org.Account("Unclassified Ltd");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            Guid deal = _org.Deal(account);

            _org.Win(deal);

            Assert.Equal(_default, LogisticsOwnerOf(deal));
        }

        [Fact]
        public void The_rules_read_for_an_account_are_those_of_the_functions_asked_that_can_match_it()
        {
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
        }
    }
}
