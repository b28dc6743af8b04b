using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The Unrouted Handoffs view is where an administrator finds the work nobody is routed to. An open handoff says how it
    /// is held, whoever holds it: when an administrator's change leaves its function with nobody on the account, it stays
    /// where it waited but shows as unrouted; when the routing names the person already holding it, it is routed; and a
    /// handoff created unrouted because the account's people were disabled goes to them when one is enabled again.
    /// </summary>
    public class UnroutedFlagScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _account;

        public UnroutedFlagScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Contoso");
        }

        private Entity Delivery(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Logistics);

        private Guid WonDeal()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            return deal;
        }

        [Fact]
        public void A_delivery_whose_logistics_owner_is_retired_with_nobody_after_her_shows_among_the_unrouted_handoffs()
        {
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            Guid deal = WonDeal();
            Assert.False(Delivery(deal).GetAttributeValue<bool>("crmc_isunrouted"));

            _org.As(_org.Admin).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_dedicatedowner", row), State = new OptionSetValue(1), Status = new OptionSetValue(2),
            });
            _org.Engine.DrainAsync();

            Entity delivery = Delivery(deal);
            Assert.Equal(_lena, delivery.GetAttributeValue<EntityReference>("ownerid").Id); // it stays where it waited
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("no dedicated owner and no routing rule", delivery.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_delivery_held_unrouted_by_the_salesperson_is_routed_once_he_is_made_the_accounts_logistics_owner()
        {
            Guid deal = WonDeal(); // nobody for logistics: Sam, the deal's owner, holds it, flagged unrouted
            Assert.True(Delivery(deal).GetAttributeValue<bool>("crmc_isunrouted"));

            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep); // a small customer: Sam plans its deliveries
            _org.Engine.DrainAsync();

            Entity delivery = Delivery(deal);
            Assert.Equal(_org.Rep, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("dedicated owner of account Contoso", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_delivery_won_while_its_logistics_owner_was_disabled_goes_to_her_when_she_is_enabled_again()
        {
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _org.Setup.DisableUser(_lena);
            _org.Engine.DrainAsync();
            Guid deal = WonDeal();
            Assert.Equal(_org.Rep, Delivery(deal).GetAttributeValue<EntityReference>("ownerid").Id); // held by the deal's owner meanwhile

            _org.Setup.EnableUser(_lena);
            _org.Engine.DrainAsync();

            Entity delivery = Delivery(deal);
            Assert.Equal(_lena, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
