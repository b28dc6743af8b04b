using System;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An ADV assistant who also looks after a few accounts as their salesperson raises signals about them as ADV (her
    /// role), and they are routed to her, the account's salesperson. Her acknowledgement says what it always says — the
    /// account's salesperson has read it — so she gives it; otherwise the signal would wait for ever (nobody else is
    /// routed it, an unacknowledged signal is not deactivated) and a churn-risk mark could never be cleared.
    /// </summary>
    public class OwnAccountSignalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alex, _account;

        public OwnAccountSignalScenarios()
        {
            _alex = _org.User("Alex Assistant", "CrmCollab Salesperson", _org.Sales);
            _org.Setup.AssignRole(_alex, "CrmCollab ADV");
            _account = _org.System.Create(new Entity("account") { ["name"] = "Fabrikam", ["ownerid"] = new EntityReference("systemuser", _alex) });
        }

        private Entity Row(Guid signal) => _org.Row("crmc_fieldsignal", signal, "ownerid", "crmc_raisedbyfunction", "crmc_acknowledgedon");

        [Fact]
        public void The_salesperson_who_raised_a_signal_about_their_own_account_acknowledges_it_and_then_clears_its_churn_mark()
        {
            Guid signal = _org.Signal(_account, SignalKind.ChurnRisk, _alex, "Their buyer is talking to a competitor");
            Assert.Equal(_alex, Row(signal).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal((int)BusinessFunction.Adv, Row(signal).GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction").Value);

            _org.As(_alex).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
            _org.As(_alex).Update(new Entity("account", _account) { ["crmc_churnrisk"] = false });

            Assert.NotNull(Row(signal).GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
            Assert.False(_org.Row("account", _account, "crmc_churnrisk").GetAttributeValue<bool>("crmc_churnrisk"));
        }
    }
}
