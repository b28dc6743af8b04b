using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Rows reached through their parent's privileges: a queue item through its queue (powerapps-docs queue-entities.md:
    /// prvReadQueue reads the items, prvAppendToQueue creates, updates and deletes them), an opportunity line through its
    /// deal (the CRM SDK lists no OpportunityProduct privileges). A role naming the child table's own rights gets nothing.
    /// </summary>
    public class ParentSecuredTableTests
    {
        private readonly SecurityRows _rows = new SecurityRows();
        private readonly SecurityGuard _guard;
        private readonly OrganizationSetup _setup;
        private readonly Guid _unit;

        public ParentSecuredTableTests()
        {
            var desk = Role("Desk", ("queue", AccessRight.Read, PrivilegeDepth.Local), ("queue", AccessRight.AppendTo, PrivilegeDepth.Local));
            var reader = Role("Queue reader", ("queue", AccessRight.Read, PrivilegeDepth.Local));
            var itemClerk = Role("Item clerk", ("queueitem", AccessRight.Read, PrivilegeDepth.Global), ("queueitem", AccessRight.Write, PrivilegeDepth.Global),
                ("opportunityproduct", AccessRight.Create, PrivilegeDepth.Global), ("opportunityproduct", AccessRight.Read, PrivilegeDepth.Global));
            var rep = Role("Rep", ("opportunity", AccessRight.Read, PrivilegeDepth.Local), ("opportunity", AccessRight.Write, PrivilegeDepth.Basic));
            var roles = new[] { desk, reader, itemClerk, rep };
            _guard = new SecurityGuard(_rows, roles, new EngineClock(new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc)));
            Guid root = Guid.NewGuid();
            _rows.Put(new Entity("businessunit", root) { ["businessunitid"] = root, ["name"] = "Contoso" });
            _setup = new OrganizationSetup(new RecordingOrganizationService(_rows, _guard.SystemUserId, () => _guard));
            foreach (var role in roles) _setup.CreateRole(role.Name, root, role.Id);
            _unit = _setup.CreateBusinessUnit("Operations");
        }

        private static RoleDefinition Role(string name, params (string Table, AccessRight Right, PrivilegeDepth Depth)[] privileges)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            foreach (var (table, right, depth) in privileges) role.Privileges[(table, right)] = depth;
            return role;
        }

        private Entity Put(string table, Guid id, params (string Column, object Value)[] values)
        {
            var row = new Entity(table, id);
            foreach (var (column, value) in values) row[column] = value;
            return _rows.Put(row);
        }

        /// <summary>A queue owned by a user of the unit, and an item in it that SYSTEM made (owned by SYSTEM, in no unit of theirs).</summary>
        private Entity QueuedItem(Guid queueOwner)
        {
            Guid queue = Guid.NewGuid();
            Put("queue", queue, ("ownerid", new EntityReference("systemuser", queueOwner)), ("owningbusinessunit", new EntityReference("businessunit", _unit)));
            return Put("queueitem", Guid.NewGuid(), ("queueid", new EntityReference("queue", queue)),
                ("ownerid", new EntityReference("systemuser", _guard.SystemUserId)));
        }

        [Fact]
        public void A_queue_item_is_read_with_the_queues_read_and_changed_with_its_append_to()
        {
            Guid keeper = _setup.CreateUser("Kim Keeper", _unit, "Desk");
            Guid planner = _setup.CreateUser("Lena Planner", _unit, "Desk");
            Guid watcher = _setup.CreateUser("Wes Watcher", _unit, "Queue reader");
            Entity item = QueuedItem(keeper);

            Assert.True(_guard.CanRead(planner, "queueitem", item));
            _guard.Demand(planner, "queueitem", AccessRight.Write, item);
            _guard.Demand(planner, "queueitem", AccessRight.Delete, item);
            Assert.True(_guard.CanRead(watcher, "queueitem", item));
            Fails(() => _guard.Demand(watcher, "queueitem", AccessRight.Write, item), SecurityFaults.PrivilegeDenied);
        }

        [Fact]
        public void Privileges_named_after_the_child_table_give_nothing()
        {
            Guid keeper = _setup.CreateUser("Kim Keeper", _unit, "Desk");
            Guid clerk = _setup.CreateUser("Cal Clerk", _unit, "Item clerk");
            Entity item = QueuedItem(keeper);
            Guid deal = Guid.NewGuid();
            Put("opportunity", deal, ("ownerid", new EntityReference("systemuser", keeper)), ("owningbusinessunit", new EntityReference("businessunit", _unit)));
            var line = new Entity("opportunityproduct") { ["opportunityid"] = new EntityReference("opportunity", deal) };

            Assert.False(_guard.CanRead(clerk, "queueitem", item));
            Assert.False(_guard.CanRead(clerk, "opportunityproduct", line));
            Fails(() => _guard.Demand(clerk, "opportunityproduct", AccessRight.Create, line), SecurityFaults.PrivilegeDenied);
        }

        [Fact]
        public void An_opportunity_line_is_read_with_its_deal_and_changed_only_by_who_may_write_the_deal()
        {
            Guid owner = _setup.CreateUser("Sam Sales", _unit, "Rep");
            Guid colleague = _setup.CreateUser("Sid Sales", _unit, "Rep");
            Guid deal = Guid.NewGuid();
            Put("opportunity", deal, ("ownerid", new EntityReference("systemuser", owner)), ("owningbusinessunit", new EntityReference("businessunit", _unit)));
            var line = new Entity("opportunityproduct") { ["opportunityid"] = new EntityReference("opportunity", deal) };

            _guard.Demand(owner, "opportunityproduct", AccessRight.Create, line);
            _guard.Demand(owner, "opportunityproduct", AccessRight.Delete, line);
            Assert.True(_guard.CanRead(colleague, "opportunityproduct", line));
            Fails(() => _guard.Demand(colleague, "opportunityproduct", AccessRight.Write, line), SecurityFaults.AccessCheckFailed);
        }
    }
}
