using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The Unrouted Handoffs Queue setting names its desk by name (the shipped default is "CrmCollab Unrouted") or by id,
    /// and is checked when it is saved. The desk itself is then renamed or deleted by whoever tidies queues and teams:
    /// the setting named nothing any more, and every review and handoff nobody else was found for left the desk without a
    /// word ("no unrouted queue configured"), the reviews held by the salesperson whose move asked them.
    /// </summary>
    public class UnroutedDeskReferenceScenarios
    {
        private static readonly string[] Desks = { "queue", "team" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sysadmin;
        private readonly Guid _ulla;

        public UnroutedDeskReferenceScenarios()
        {
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
            _ulla = _org.User("Ulla Unrouted", "CrmCollab Administrator");
        }

        private Guid Queue(string name) =>
            _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", _ulla) });

        [Fact]
        public void The_unrouted_desks_queue_is_not_renamed_or_deleted_while_the_setting_names_it_so_unrouted_work_still_reaches_it()
        {
            Guid desk = Queue("CrmCollab Unrouted"); // the setting's shipped default names it
            IOrganizationService sysadmin = _org.As(_sysadmin);

            string renamed = _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse,
                () => sysadmin.Update(new Entity("queue", desk) { ["name"] = "Unrouted - Europe" }), Desks);
            _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse,
                () => CrmCollabOrg.InExecuteMultiple(sysadmin, new UpdateRequest { Target = new Entity("queue", desk) { ["name"] = "Old desk" } }), Desks);
            string deleted = _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse, () => sysadmin.Delete("queue", desk), Desks);

            Assert.Equal("The Unrouted Handoffs Queue setting names the queue CrmCollab Unrouted: renamed or deleted, it would name nothing, " +
                "and the reviews and handoffs no one else is found for would no longer reach it. Set the setting to another queue or team first. " +
                "[CRMC-SETTING-QUEUE-IN-USE]", renamed);
            Assert.Equal(renamed, deleted);

            // The desk still takes a won deal's handoff nobody is routed to.
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid deal = _org.Deal(_org.Account("Northwind"));
            _org.Win(deal);
            Entity adv = _org.HandoffOf(deal, BusinessFunction.Adv);
            Assert.Equal(_ulla, adv.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.EndsWith("→ unrouted, queue CrmCollab Unrouted", adv.GetAttributeValue<string>("crmc_routingpath"));

            // A save of the queue's other columns, or of its name as it is, passes.
            sysadmin.Update(new Entity("queue", desk) { ["name"] = "CrmCollab Unrouted", ["description"] = "Work no owner was found for" });
            // Once the setting names another desk, the old one is free to go.
            Queue("Field desk");
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);
            sysadmin.Update(new Entity("queue", desk) { ["name"] = "Old desk" });
            sysadmin.Delete("queue", desk);
        }

        [Fact]
        public void A_desk_named_by_id_may_be_renamed_but_not_deleted()
        {
            Guid desk = Queue("Unrouted work");
            _org.SetVariable("crmc_UnroutedQueue", desk.ToString(), _sysadmin);
            IOrganizationService sysadmin = _org.As(_sysadmin);

            sysadmin.Update(new Entity("queue", desk) { ["name"] = "Unrouted work (EU)" });
            _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse, () => sysadmin.Delete("queue", desk), Desks);
        }

        [Fact]
        public void The_unrouted_team_is_not_renamed_or_deleted_while_the_setting_names_it()
        {
            Guid team = _org.Setup.CreateTeam("Unrouted desk", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Administrator");
            _org.Setup.AddMembers(team, _ulla);
            _org.SetVariable("crmc_UnroutedQueue", "Unrouted desk", _sysadmin);
            IOrganizationService sysadmin = _org.As(_sysadmin);

            string renamed = _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse,
                () => sysadmin.Update(new Entity("team", team) { ["name"] = "Back office" }), Desks);
            _org.RefusedNamingNoId(RefusalCodes.SettingQueueInUse, () => sysadmin.Delete("team", team), Desks);

            Assert.StartsWith("The Unrouted Handoffs Queue setting names the team Unrouted desk: renamed or deleted", renamed);
        }
    
        /// <summary>
        /// The administrator set the setting's value to the field desk; the default it ships with names "CrmCollab Unrouted",
        /// a queue this organisation never made (a definition's default is not checked against the queues at import).
        /// Deleting the value (to "go back to the default") left the setting naming nothing.
        /// </summary>
        [Fact]
        public void The_unrouted_settings_value_is_not_deleted_while_the_default_it_falls_back_to_names_no_desk()
        {
            Queue("Field desk");
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);
            Guid value = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("environmentvariablevalue")
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("value"), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" },
            }).Entities[0].Id;
            IOrganizationService sysadmin = _org.As(_sysadmin);
            string[] settings = { "environmentvariablevalue", "environmentvariabledefinition" };

            string refusal = _org.Refused(RefusalCodes.SettingUnknownQueue, () => sysadmin.Delete("environmentvariablevalue", value), settings);
            _org.Refused(RefusalCodes.SettingUnknownQueue,
                () => CrmCollabOrg.InExecuteMultiple(sysadmin, new DeleteRequest { Target = new EntityReference("environmentvariablevalue", value) }), settings);

            Assert.Equal("Without this value the Unrouted Handoffs Queue setting falls back to its default 'CrmCollab Unrouted', and no queue or team " +
                "is named (or has the id) 'CrmCollab Unrouted', so the reviews and handoffs no one else is found for would reach no desk. " +
                "Keep the value, or set it to the queue or team that should take them. [CRMC-SETTING-UNKNOWN-QUEUE]", refusal);

            // Once the default's desk exists, the value goes and the default takes over.
            Queue("CrmCollab Unrouted");
            sysadmin.Delete("environmentvariablevalue", value);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid deal = _org.Deal(_org.Account("Northwind"));
            _org.Win(deal);
            Assert.EndsWith("→ unrouted, queue CrmCollab Unrouted", _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void Removing_the_settings_definition_takes_its_value_with_it_without_a_fallback_check()
        {
            Queue("Field desk");
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);
            Guid definition = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("environmentvariabledefinition")
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" },
            }).Entities[0].Id;

            _org.As(_sysadmin).Delete("environmentvariabledefinition", definition);

            Assert.Empty(_org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("environmentvariablevalue")
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" },
            }).Entities);
        }
    }
}
