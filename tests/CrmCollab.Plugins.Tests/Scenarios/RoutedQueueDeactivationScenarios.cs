using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Whoever tidies queues deactivates one that CrmCollab still routes work to — a routing rule's desk, or the unrouted
    /// desk the setting names. Deactivated, it leaves the lists people work from, while reviews and handoffs would go on
    /// being routed into it. It is refused, as deleting or renaming it is, until the rule or the setting names another;
    /// a queue nothing routes to is deactivated freely.
    /// </summary>
    public class RoutedQueueDeactivationScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly IOrganizationService _sysadmin;
        private readonly Guid _keeper;

        public RoutedQueueDeactivationScenarios()
        {
            _sysadmin = _org.As(_org.User("Sid Sysadmin", "System Administrator"));
            _keeper = _org.User("Lena Logistics", "CrmCollab Logistics");
        }

        private Guid Queue(string name) =>
            _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", _keeper) });

        private static SetStateRequest Deactivate(Guid queue) =>
            new SetStateRequest { EntityMoniker = new EntityReference("queue", queue), State = new OptionSetValue(1), Status = new OptionSetValue(2) };

        [Fact]
        public void A_rules_desk_queue_is_not_deactivated_by_set_state_nor_by_a_save_of_its_status()
        {
            Guid desk = Queue("Logistics desk");
            _org.Rule("Logistics desk", BusinessFunction.Logistics, new EntityReference("queue", desk));

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingQueueInUse, () => _sysadmin.Execute(Deactivate(desk)), "queue");
            _org.RefusedNamingNoId(RefusalCodes.RoutingQueueInUse,
                () => _sysadmin.Update(new Entity("queue", desk) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) }), "queue");
            _org.RefusedNamingNoId(RefusalCodes.RoutingQueueInUse, () => CrmCollabOrg.InExecuteMultiple(_sysadmin, new Microsoft.Xrm.Sdk.Messages.UpdateRequest
                { Target = new Entity("queue", desk) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) } }), "queue");

            Assert.Equal("The queue Logistics desk takes the work of the routing rule 'Logistics desk': deactivated, it would leave the lists " +
                "people work from while reviews and handoffs are still routed into it. Give that rule another queue, user or team " +
                "(or retire it) first, then deactivate the queue. [CRMC-ROUTING-QUEUE-IN-USE]", refusal);
        }

        [Fact]
        public void The_unrouted_desks_queue_is_not_deactivated_while_the_setting_names_it()
        {
            Guid desk = Queue("CrmCollab Unrouted");

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingQueueInUse, () => _sysadmin.Execute(Deactivate(desk)), "queue");

            Assert.Contains("takes the work of the Unrouted Handoffs Queue setting", refusal);
            Assert.Contains("Set the setting to another queue or team first", refusal);
        }

        [Fact]
        public void A_queue_nothing_routes_to_or_whose_rule_was_retired_is_deactivated_and_reactivated_freely()
        {
            Guid spare = Queue("Spare");
            Guid retired = Queue("Old desk");
            Guid rule = _org.Rule("Old desk", BusinessFunction.Logistics, new EntityReference("queue", retired));
            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule) { ["crmc_isactive"] = false });

            _sysadmin.Execute(Deactivate(spare));
            _sysadmin.Execute(Deactivate(retired));
            _sysadmin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("queue", spare), State = new OptionSetValue(0), Status = new OptionSetValue(1) });

            Assert.Equal(1, _org.Row("queue", retired, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(0, _org.Row("queue", spare, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_rule_is_not_pointed_at_an_inactive_queue_nor_made_active_again_while_its_queue_is()
        {
            Guid old = Queue("Old desk");
            _sysadmin.Execute(Deactivate(old));
            IOrganizationService admin = _org.As(_org.Admin);

            string refusal = _org.Refused(RefusalCodes.RoutingTargetCannotOwn,
                () => _org.Rule("Logistics desk", BusinessFunction.Logistics, new EntityReference("queue", old)), "crmc_routingrule");
            Guid rule = _org.Rule("Logistics desk", BusinessFunction.Logistics, new EntityReference("queue", Queue("Live desk")));
            _org.Refused(RefusalCodes.RoutingTargetCannotOwn,
                () => admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_queueid"] = new EntityReference("queue", old) }), "crmc_routingrule");

            Assert.StartsWith("The queue Old desk is inactive: people no longer work from it", refusal);
        }

        [Fact]
        public void The_unrouted_setting_is_not_pointed_at_an_inactive_queue()
        {
            Guid old = Queue("Old desk");
            _sysadmin.Execute(Deactivate(old));

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SettingUnknownQueue,
                () => _org.SetVariable("crmc_UnroutedQueue", "Old desk", _org.User("Sam Sysadmin", "System Administrator")), "environmentvariablevalue");

            Assert.Contains("the queue Old desk is inactive", refusal);
        }

        [Fact]
        public void The_settings_value_is_not_deleted_while_its_default_would_find_an_inactive_queue()
        {
            Guid sam = _org.User("Sam Sysadmin", "System Administrator");
            Queue("Back office");
            _org.SetVariable("crmc_UnroutedQueue", "Back office", sam);
            Guid old = Queue("CrmCollab Unrouted"); // the shipped default's name
            _sysadmin.Execute(Deactivate(old));
            var value = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("environmentvariablevalue")
                { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities[0];

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SettingUnknownQueue,
                () => _org.As(sam).Delete("environmentvariablevalue", value.Id), "environmentvariablevalue");

            Assert.Contains("falls back to its default 'CrmCollab Unrouted', and the queue CrmCollab Unrouted is inactive", refusal);
        }
    }
}
