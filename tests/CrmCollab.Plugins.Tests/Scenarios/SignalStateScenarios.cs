using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A field signal stays in its salesperson's sight until they acknowledge it: nobody raises one inactive, and the
    /// salesperson deactivates one only once acknowledged, whatever the path. The acknowledgement figures count every
    /// signal, so a hidden one would count against them and the raiser would never hear back. When the salesperson has
    /// left (their user is disabled), the raiser is told what to do instead of a platform error, and nothing is written.
    /// </summary>
    public class SignalStateScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal", "lead", "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _account;

        public SignalStateScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _account = _org.Account("Contoso"); // Sam, the salesperson, owns it: its signals are routed to him
        }

        private Entity ChurnRisk(Guid? id = null, bool inactive = false)
        {
            var signal = new Entity("crmc_fieldsignal", id ?? Guid.Empty)
            {
                ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_kind"] = new OptionSetValue((int)SignalKind.ChurnRisk),
                ["crmc_description"] = "Talking to another supplier",
            };
            if (inactive) signal["statecode"] = new OptionSetValue(1);
            return signal;
        }

        private Entity Signal(Guid id) => _org.Row("crmc_fieldsignal", id, "statecode", "crmc_acknowledgedon");

        [Fact]
        public void A_signal_raised_inactive_is_refused_on_every_path_even_for_an_administrator()
        {
            IOrganizationService sally = _org.As(_sally), admin = _org.As(_org.Admin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive, () => sally.Create(ChurnRisk(inactive: true)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive, () => admin.Create(ChurnRisk(inactive: true)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive,
                () => CrmCollabOrg.InExecuteMultiple(sally, new CreateRequest { Target = ChurnRisk(inactive: true) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive,
                () => CrmCollabOrg.InExecuteTransaction(sally, new CreateRequest { Target = ChurnRisk(inactive: true) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive, () => CrmCollabOrg.InUpsert(sally, ChurnRisk(Guid.NewGuid(), inactive: true)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCreatedInactive, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { ChurnRisk(), ChurnRisk(inactive: true) }) { EntityName = "crmc_fieldsignal" },
            }), Touched);

            Assert.Equal("A field signal is raised active, in its salesperson's Unacknowledged signals: an inactive one would be hidden from " +
                "them while it still counts as waiting for their acknowledgement. Leave its status empty or Active. [CRMC-SIGNAL-CREATED-INACTIVE]", refusal);
            Assert.Equal(0, Signal(sally.Create(ChurnRisk())).GetAttributeValue<OptionSetValue>("statecode").Value); // raised active: fine
        }

        [Fact]
        public void A_signal_raised_already_acknowledged_is_refused_on_every_path_instead_of_waiting_for_its_salesperson_unsaid()
        {
            // An import of a legacy system's signals, read long ago: before, the date was dropped without a word, and each
            // came in waiting for its salesperson, due tomorrow, its churn risk marking the account.
            IOrganizationService sally = _org.As(_sally), admin = _org.As(_org.Admin);
            Entity Read(Guid? id = null)
            {
                Entity signal = ChurnRisk(id);
                signal["crmc_acknowledgedon"] = CrmCollabOrg.Start.AddDays(-200);
                return signal;
            }

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => sally.Create(Read()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => admin.Create(Read()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteMultiple(sally, new CreateRequest { Target = Read() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest { Target = Read() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InUpsert(admin, Read(Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { ChurnRisk(), Read() }) { EntityName = "crmc_fieldsignal" },
            }), Touched);

            Assert.Equal("'Acknowledged on' is set when the account's salesperson acknowledges the signal, after it is raised: a signal is " +
                "raised waiting for them. Leave it empty. [CRMC-SIGNAL-SERVER-COLUMN]", refusal);
            Entity empty = ChurnRisk();
            empty["crmc_acknowledgedon"] = null; // sent empty: fine
            Assert.Null(Signal(sally.Create(empty)).GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
        }

        [Fact]
        public void The_salesperson_deactivates_a_signal_only_once_acknowledged_whatever_the_path()
        {
            Guid signal = _org.As(_sally).Create(ChurnRisk());
            IOrganizationService sam = _org.As(_org.Rep);
            var reference = new EntityReference("crmc_fieldsignal", signal);
            Entity Deactivate() => new Entity("crmc_fieldsignal", signal) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalNotAcknowledged, () => sam.Update(Deactivate()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalNotAcknowledged, () => sam.Execute(new SetStateRequest
            {
                EntityMoniker = reference, State = new OptionSetValue(1), Status = new OptionSetValue(2),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalNotAcknowledged, () => sam.Execute(new OrganizationRequest("SetStateDynamicEntity")
            {
                ["EntityMoniker"] = reference, ["State"] = new OptionSetValue(1), ["Status"] = new OptionSetValue(2),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalNotAcknowledged, () => CrmCollabOrg.InExecuteMultiple(sam, new UpdateRequest { Target = Deactivate() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalNotAcknowledged, () => CrmCollabOrg.InUpsert(_org.As(_org.Admin), Deactivate()), Touched);

            Assert.Equal("This field signal has not been acknowledged: deactivating it would hide it from its salesperson while it still counts " +
                "as waiting for them. Acknowledge it first (Acknowledged on), then deactivate it. [CRMC-SIGNAL-NOT-ACKNOWLEDGED]", refusal);
            Assert.Equal(0, Signal(signal).GetAttributeValue<OptionSetValue>("statecode").Value);

            // Acknowledged and deactivated in one save, or deactivated after the acknowledgement: both fine.
            Entity both = Deactivate();
            both["crmc_acknowledgedon"] = CrmCollabOrg.Start;
            sam.Update(both);
            Assert.Equal(1, Signal(signal).GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.NotNull(Signal(signal).GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
            sam.Execute(new SetStateRequest { EntityMoniker = reference, State = new OptionSetValue(0), Status = new OptionSetValue(1) }); // reactivated
            sam.Execute(new SetStateRequest { EntityMoniker = reference, State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            Assert.Equal(1, Signal(signal).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void An_acknowledged_signal_stays_acknowledged_so_it_cannot_wait_again_unseen_or_outlive_its_churn_mark()
        {
            Guid signal = _org.As(_sally).Create(ChurnRisk());
            IOrganizationService sam = _org.As(_org.Rep);
            sam.Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
            sam.Update(new Entity("account", _account) { ["crmc_churnrisk"] = false }); // the risk is handled: Sam clears the mark
            sam.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_fieldsignal", signal), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            Entity Unacknowledged() => new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = null };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => sam.Update(Unacknowledged()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteMultiple(sam, new UpdateRequest { Target = Unacknowledged() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_org.Admin), Unacknowledged()), Touched);

            Assert.StartsWith("This signal was acknowledged, and an acknowledgement is not undone", refusal);
            Assert.NotNull(Signal(signal).GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
            sam.Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start.AddDays(3) }); // a second acknowledgement keeps the first
        }

        private Entity Lead() => new Entity("crmc_fieldsignal")
        {
            ["crmc_accountid"] = new EntityReference("account", _account),
            ["crmc_kind"] = new OptionSetValue((int)SignalKind.Lead),
            ["crmc_description"] = "They want a second line",
        };

        [Fact]
        public void A_signal_on_an_account_whose_salesperson_is_disabled_is_refused_with_what_to_do_until_the_account_has_an_active_one()
        {
            _org.System.Execute(CrmCollabOrg.StateChange("SetState", "systemuser", _org.Rep, 1, -1));
            _org.Engine.DrainAsync();
            IOrganizationService sally = _org.As(_sally);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => sally.Create(Lead()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => CrmCollabOrg.InExecuteMultiple(sally, new CreateRequest { Target = Lead() }), Touched);

            Assert.Equal("Sam Sales of Contoso is disabled, so the signal would reach nobody. Ask your CrmCollab administrator to give the " +
                "account an active salesperson, then raise the signal again. [CRMC-SIGNAL-SALESPERSON-DISABLED]", refusal);

            Guid kim = _org.User("Kim Sales", "CrmCollab Salesperson", _org.Sales);
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", kim) });
            Guid signal;
            using (var scope = _org.Engine.Metrics.Scope())
            {
                signal = sally.Create(Lead());
                // The raiser's roles, and the account with its owner read once: the routing after the save uses that read.
                Assert.Equal(2, scope.PluginCallsByStep("FieldSignalIntake", "RetrieveMultiple"));
                Assert.Equal(0, scope.PluginCallsByStep("FieldSignalIntake", "Retrieve"));
            }
            Assert.Equal(kim, _org.Row("crmc_fieldsignal", signal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_signal_on_an_account_held_by_a_key_account_team_whose_members_all_left_is_refused_until_someone_can_read_it()
        {
            Guid keyAccounts = _org.Setup.CreateTeam("Key accounts", _org.Sales, TeamType.Owner, "CrmCollab Salesperson");
            Guid kim = _org.User("Kim Sales", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.AddMembers(keyAccounts, kim);
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = new EntityReference("team", keyAccounts) });
            _org.System.Execute(CrmCollabOrg.StateChange("SetState", "systemuser", kim, 1, -1)); // Kim, the team's only salesperson, left
            _org.Engine.DrainAsync();
            IOrganizationService sally = _org.As(_sally);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => sally.Create(Lead()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => CrmCollabOrg.InExecuteMultiple(sally, new CreateRequest { Target = Lead() }), Touched);

            Assert.Equal("The team Key accounts, which owns Contoso, has no active member, so the signal would reach nobody. Ask your CrmCollab " +
                "administrator to give the account an active salesperson, then raise the signal again. [CRMC-SIGNAL-SALESPERSON-DISABLED]", refusal);

            // Someone joins the team: the team's signal reaches them.
            Guid lou = _org.User("Lou Sales", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.AddMembers(keyAccounts, lou);
            Guid signal = sally.Create(Lead());
            Assert.Equal(keyAccounts, _org.Row("crmc_fieldsignal", signal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
