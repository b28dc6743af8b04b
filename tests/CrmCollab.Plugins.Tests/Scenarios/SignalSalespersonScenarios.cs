using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A signal goes to the account's salesperson. When that salesperson has left (their user is disabled), the raiser
    /// is told in a sentence what to do, instead of a platform error, and nothing is written.
    /// </summary>
    public class SignalSalespersonScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal", "lead", "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _account;

        public SignalSalespersonScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _account = _org.Account("Contoso"); // owned by Sam, the salesperson
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
    }
}
