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
    }
}
