using System;
using System.Linq;
using CrmCollab.Cli.Commands;
using CrmCollab.Cli.Simulation;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Tooling.Setup;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The simulated organisation grows like a real one: a bigger team really shares the work out.</summary>
    public class SimulatedOrganizationTests
    {
        private static SimulatedOrganization Seed(int deals)
        {
            var options = new EngineOptions { Seed = 7, StartTimeUtc = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc) };
            var engine = ShippedEngine.Boot(RepoPaths.Default("solution"), options);
            var templates = HandoffTemplateSetup.Read(RepoPaths.Default("setup/handoff-templates.json"));
            return new SimulatedOrganization(engine, new Random(7), deals, templates, new Outcomes());
        }

        /// <summary>The finance people some sector desk (routing rule) sends reviews to.</summary>
        private static int FinanceDesks(SimulatedOrganization org)
        {
            var query = new QueryExpression("crmc_routingrule") { ColumnSet = new ColumnSet("crmc_userid") };
            query.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Finance);
            return org.Engine.SystemService.RetrieveMultiple(query).Entities
                .Select(r => r.GetAttributeValue<EntityReference>("crmc_userid").Id).Distinct().Count();
        }

        /// <summary>Who the plugins' own routing gives each account's finance reviews to.</summary>
        private static int FinanceReviewersReached(SimulatedOrganization org)
        {
            var routing = new RoutingRepository(org.Engine.SystemService);
            return org.Accounts.Select(a => routing.ResolverFor(a).Resolve(BusinessFunction.Finance, org.Engine.Clock.UtcNow).Owner.Id)
                .Distinct().Count();
        }

        [Fact]
        public void A_finance_team_larger_than_the_sector_desks_all_receive_reviews()
        {
            SimulatedOrganization org = Seed(1500); // 15 people per function, 8 sectors: two territories
            Assert.Equal(2, org.Territories.Count);
            Assert.Equal(15, org.People[BusinessFunction.Finance].Count);
            Assert.Equal(15, FinanceDesks(org));
            Assert.True(FinanceReviewersReached(org) > 9, "the accounts' finance reviews reach more people than there are sectors");
            Assert.All(org.Accounts, a => Assert.NotNull(org.Engine.SystemService.Retrieve("account", a, new ColumnSet("territoryid"))
                .GetAttributeValue<EntityReference>("territoryid")));
        }

        [Fact]
        public void A_small_organisation_has_no_territories_and_one_desk_per_sector()
        {
            SimulatedOrganization org = Seed(500); // 5 people per function: fewer than the sectors
            Assert.Empty(org.Territories);
            Assert.Equal(5, FinanceDesks(org));
        }
    }
}
