using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Work its salesperson holds unrouted, re-routed while the person the routing now names is on leave: it rightly stays
    /// with the salesperson, and says why — the routing of today, not of the win — with the hold by which that person's
    /// return brings it to them (RoutingHold.MovedBecauseOwnerDisabled). The deal moved to another account is the sibling
    /// of the reopened handoff (ReopenedHandoffScenarios, random operations seed 1301), which wrote nothing when the holder
    /// stayed; this path wrote its routing already, and is held to it here.
    /// </summary>
    public class UnroutedWorkOnLeaveScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _leo, _fabrikam, _deal, _delivery;

        /// <summary>
        /// Mia, a sales manager and CrmCollab Administrator, wins a Northwind deal; nobody does Northwind's logistics, so she
        /// holds its delivery handoff, unrouted. Leo does Fabrikam's.
        /// </summary>
        public UnroutedWorkOnLeaveScenarios()
        {
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid northwind = _org.Account("Northwind");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _leo);
            _deal = _org.Deal(northwind);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = Deal, Assignee = new EntityReference("systemuser", _manager) });
            _org.Win(_deal, _manager);
            _delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            Entity held = _org.Row("task", _delivery, "ownerid", "crmc_isunrouted");
            Assert.Equal(_manager, held.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(held.GetAttributeValue<bool>("crmc_isunrouted"));
        }

        private EntityReference Deal => new EntityReference("opportunity", _deal);

        [Fact]
        public void A_reopened_deal_moved_to_an_account_whose_logistics_owner_is_on_leave_brings_him_its_delivery_at_his_return()
        {
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = Deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Setup.DisableUser(_leo);
            _org.Engine.DrainAsync();

            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });

            Entity moved = _org.Row("task", _delivery, "ownerid", "crmc_isunrouted", "crmc_routingpath", "crmc_routinghold");
            Assert.Equal(_manager, moved.GetAttributeValue<EntityReference>("ownerid").Id); // Leo is on leave
            Assert.True(moved.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("after the deal moved to another account", moved.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, moved.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);

            _org.Setup.EnableUser(_leo);
            _org.Engine.DrainAsync();

            Entity back = _org.Row("task", _delivery, "ownerid", "crmc_isunrouted");
            Assert.Equal(_leo, back.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(back.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>
        /// Random operations, seed 6806: the reopened deal, its delivery now Leo's, is given a contact without an account as
        /// its customer, and Leo leaves. His handover passed over work whose deal has no account, so the delivery stayed with
        /// him, disabled; given an account with nobody doing its logistics and won again, the deal kept it there.
        /// </summary>
        [Fact]
        public void A_delivery_whose_deal_has_no_account_goes_to_the_deals_owner_when_its_logistics_owner_leaves()
        {
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = Deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });
            Assert.Equal(_leo, _org.Row("task", _delivery, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Guid contact = _org.As(_manager).Create(new Entity("contact") { ["lastname"] = "Walker", ["firstname"] = "Sam" });
            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("contact", contact) });

            _org.Setup.DisableUser(_leo);
            _org.Engine.DrainAsync();

            Entity handedOver = _org.Row("task", _delivery, "ownerid", "crmc_isunrouted", "crmc_routingpath");
            Assert.Equal(_manager, handedOver.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(handedOver.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("no account", handedOver.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>
        /// The reopened deal, its delivery routed to Leo, is given a contact without an account, then handed to a colleague:
        /// the platform cascades the Assign to the deal's tasks. Before, nothing was re-routed for a deal without an account,
        /// so the colleague kept Leo's delivery, not even flagged unrouted.
        /// </summary>
        [Fact]
        public void A_deal_without_an_account_handed_to_a_colleague_leaves_its_routed_delivery_with_leo()
        {
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = Deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });
            Guid contact = _org.As(_manager).Create(new Entity("contact") { ["lastname"] = "Walker", ["firstname"] = "Sam" });
            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("contact", contact) });

            _org.As(_manager).Execute(new AssignRequest { Target = Deal, Assignee = new EntityReference("systemuser", _org.Rep) });

            Entity delivery = _org.Row("task", _delivery, "ownerid", "crmc_isunrouted");
            Assert.Equal(_leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
