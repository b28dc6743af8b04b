using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The administrators set up the unrouted desk while work waits unrouted (even seeds), and change it while work waits there: the desk's queue given to
    /// another dispatcher (Assign, or a save of its owner), the Unrouted Handoffs Queue setting pointed at the back office's
    /// queue or back to the default (its value deleted). Now and then someone who may not tries. The invariants then hold
    /// the handoffs and reviews waiting unrouted to wherever the desk is now.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private Guid _desk, _backOffice;
        private Guid[] _dispatchers = new Guid[0];

        /// <summary>
        /// The desk's two dispatchers and the back office's queue (constructor set-up); the desk's queue itself in odd seeds, while
        /// even seeds' administrators set it up later, once work waits unrouted. The desk's dispatchers leave and come back like anyone.
        /// </summary>
        private void SetUpDesk(bool withDesk)
        {
            _dispatchers = new[] { Org.User("Dora Dispatch", "CrmCollab Logistics"), Org.User("Dex Dispatch", "CrmCollab Logistics") };
            _backOffice = Org.System.Create(new Entity("queue")
                { ["name"] = "Back office", ["ownerid"] = new EntityReference("systemuser", Org.User("Bea Back-office", "CrmCollab Logistics")) });
            if (withDesk) _desk = CreateDesk();
        }

        private Guid CreateDesk() =>
            Org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _dispatchers[0]) });

        private FuzzAction DeskChange()
        {
            if (_desk == Guid.Empty)
                return new FuzzAction("the administrator sets up the unrouted desk's queue, kept by Dora", () => _desk = CreateDesk());
            Guid who = _random.Next(6) > 0 ? _sysadmin : Admin();
            if (_random.Next(2) == 0)
            {
                Guid keeper = Pick(_dispatchers);
                bool assign = _random.Next(2) == 0;
                return new FuzzAction($"{who} gives the unrouted desk's queue to {keeper} by {(assign ? "Assign" : "Update")}", () =>
                {
                    IOrganizationService service = Org.As(who);
                    var owner = new EntityReference("systemuser", keeper);
                    if (assign) service.Execute(new AssignRequest { Target = new EntityReference("queue", _desk), Assignee = owner });
                    else service.Update(new Entity("queue", _desk) { ["ownerid"] = owner });
                });
            }
            if (_random.Next(2) == 0)
                return new FuzzAction($"{who} points the Unrouted Handoffs Queue setting at the back office", () => Org.SetVariable("crmc_UnroutedQueue", "Back office", who));
            return new FuzzAction($"{who} deletes the Unrouted Handoffs Queue setting's value (back to the default desk)", () =>
            {
                var values = Org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("environmentvariablevalue")
                    { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities;
                foreach (Entity value in values) Org.As(who).Delete("environmentvariablevalue", value.Id);
            });
        }

        /// <summary>
        /// Someone takes an item out of the unrouted desk's queue or a rule's desk queue (RemoveFromQueue): its keeper, tidying
        /// the list, or the system administrator. The work stays with whom it was routed to; a later change of the desk finds it all the same.
        /// </summary>
        private FuzzAction QueueItemTakenOut()
        {
            var query = new Microsoft.Xrm.Sdk.Query.QueryExpression("queueitem") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("queueid") };
            query.Criteria.AddCondition("queueid", Microsoft.Xrm.Sdk.Query.ConditionOperator.In,
                new object[] { _advQueue, _logisticsQueue }.Concat(_desk == Guid.Empty ? new object[0] : new object[] { _desk }).ToArray());
            var items = Org.System.RetrieveMultiple(query).Entities;
            if (items.Count == 0) return DeskChange();
            Entity item = Pick(items.ToArray());
            Guid queue = item.GetAttributeValue<EntityReference>("queueid").Id;
            EntityReference keeper = Org.System.Retrieve("queue", queue, new Microsoft.Xrm.Sdk.Query.ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid");
            Guid who = keeper.LogicalName == "systemuser" && _random.Next(3) > 0 ? keeper.Id : _sysadmin;
            return new FuzzAction($"{who} takes item {item.Id} out of queue {queue} (RemoveFromQueue)",
                () => Org.As(who).Execute(new OrganizationRequest("RemoveFromQueue") { ["QueueItemId"] = item.Id }));
        }
    }
}
