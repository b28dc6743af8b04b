using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff nobody is routed to waits with the deal's salesperson until its owner is set; a salesperson who has left
    /// (their user disabled) can own nothing, so a deal of theirs that an administrator wins must still get its handoffs:
    /// unrouted, held by the unrouted desk when there is one, else by CrmCollab, the routing path saying why.
    /// </summary>
    public class DisabledSalespersonHandoffScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _deal, _manager;

        public DisabledSalespersonHandoffScenarios()
        {
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Northwind"); // no dedicated owner, no routing rule
            _deal = _org.Deal(_account);
            // The system administrator closes the deals of a salesperson who left.
            _manager = _org.User("Sid Sysadmin", "System Administrator");
        }

        private void SalespersonLeaves()
        {
            _org.Setup.DisableUser(_org.Rep);
            _org.Engine.DrainAsync();
        }

        private int NotesOn(Guid deal)
        {
            var query = new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, deal);
            return _org.System.RetrieveMultiple(query).Entities.Count(n => (n.GetAttributeValue<string>("subject") ?? "").Contains("could not be created"));
        }

        [Fact]
        public void A_deal_of_a_salesperson_who_left_gets_its_unrouted_delivery_handoff_held_by_crmcollab_not_by_them()
        {
            SalespersonLeaves();

            _org.Win(_deal, _manager);

            Entity delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics);
            Assert.NotEqual(_org.Rep, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("the deal's owner (user Sam Sales) passed over: user Sam Sales is disabled", delivery.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
            Assert.Equal(0, NotesOn(_deal));
        }

        [Fact]
        public void A_deal_of_a_salesperson_who_left_gets_its_unrouted_delivery_handoff_in_the_unrouted_desk()
        {
            Guid desk = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _org.Admin) });
            SalespersonLeaves();

            _org.Win(_deal, _manager);

            Entity delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics);
            Assert.Equal(_org.Admin, delivery.GetAttributeValue<EntityReference>("ownerid").Id); // the desk's owner holds what waits in it
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            var items = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid") };
            items.Criteria.AddCondition("objectid", ConditionOperator.Equal, delivery.Id);
            Assert.Equal(desk, _org.System.RetrieveMultiple(items).Entities.Single().GetAttributeValue<EntityReference>("queueid").Id);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void An_active_salesperson_still_holds_the_unrouted_handoff_until_its_owner_is_set()
        {
            _org.Win(_deal);

            Entity delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics);
            Assert.Equal(_org.Rep, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
        }
    }
}
