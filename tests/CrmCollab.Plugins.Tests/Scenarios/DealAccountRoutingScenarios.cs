using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal is routed by its customer when the customer is an account, its Account field serving only when the customer
    /// is a contact. A deal sold to a distributor's site with the end customer in its Account field is the site's work:
    /// a change of the end customer's dedicated owner leaves it where the site's routing put it.
    /// </summary>
    public class DealAccountRoutingScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _site, _endCustomer, _deal;

        public DealAccountRoutingScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            _site = _org.Account("Northwind Lille site");
            _endCustomer = _org.Account("Fabrikam");
            _org.DedicatedOwner(_site, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(_site);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["parentaccountid"] = new EntityReference("account", _endCustomer) });
            _org.Win(_deal);
        }

        private Guid LogisticsOwner() => _org.HandoffTasks(_deal).Entities
            .Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Logistics)
            .GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void The_end_customers_new_logistics_owner_does_not_take_the_sites_delivery()
        {
            Assert.Equal(_lena, LogisticsOwner()); // routed by the customer, the site

            _org.DedicatedOwner(_endCustomer, BusinessFunction.Logistics, user: _leo);
            _org.Engine.DrainAsync();

            Assert.Equal(_lena, LogisticsOwner());
        }

        [Fact]
        public void The_sites_new_logistics_owner_takes_it()
        {
            Guid row = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("crmc_dedicatedowner")).Entities.Single().Id;
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = new EntityReference("systemuser", _leo) });
            _org.Engine.DrainAsync();

            Assert.Equal(_leo, LogisticsOwner());
        }
    }
}
