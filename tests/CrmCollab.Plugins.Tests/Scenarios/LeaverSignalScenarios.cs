using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Sally (SAV) warns Contoso's salesperson, Sam, that the customer is leaving; Sam passes the signal to his colleague
    /// Paula, who then leaves the company (her user disabled). The signal waits for nobody: the leaver's handover gives it
    /// back to the account's salesperson, who acknowledges it and may then clear the churn mark. When the account's
    /// salesperson has left too, it stays with Paula until the account is handed to an active salesperson (who takes it
    /// with the account) or Sam comes back. Acknowledged or inactive signals are history and stay where they are.
    /// </summary>
    public class LeaverSignalScenarios
    {
        private readonly CrmCollabOrg _org;
        private readonly Guid _sally, _paula, _rob, _sid, _account;

        public LeaverSignalScenarios() : this(new CrmCollabOrg()) { }

        private LeaverSignalScenarios(CrmCollabOrg org)
        {
            _org = org;
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _paula = _org.User("Paula Rep", "CrmCollab Salesperson", _org.Sales);
            _rob = _org.User("Rob Rep", "CrmCollab Salesperson", _org.Sales);
            _sid = _org.User("Sid Sysadmin", "System Administrator"); // who hands accounts over
            _account = _org.Account("Contoso"); // Sam's
        }

        private Guid OwnerOf(Guid signal) => _org.Row("crmc_fieldsignal", signal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        private void Acknowledge(Guid by, Guid signal) =>
            _org.As(by).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });

        /// <summary>A churn-risk signal Sam passed to Paula (Assign, as from the grid).</summary>
        private Guid ChurnRiskPassedToPaula()
        {
            Guid signal = _org.Signal(_account, SignalKind.ChurnRisk, _sally, "They are talking to a competitor");
            PassToPaula(signal);
            return signal;
        }

        private void PassToPaula(Guid signal) => _org.As(_org.Rep).Execute(new AssignRequest
        {
            Target = new EntityReference("crmc_fieldsignal", signal), Assignee = new EntityReference("systemuser", _paula),
        });

        private void Disable(Guid user, string path)
        {
            if (path == "Update") _org.Setup.DisableUser(user);
            else _org.System.Execute(CrmCollabOrg.StateChange(path, "systemuser", user, 1, -1));
            _org.Engine.DrainAsync();
        }

        private void Enable(Guid user)
        {
            _org.Setup.EnableUser(user);
            _org.Engine.DrainAsync();
        }

        private void HandAccountTo(Guid salesperson) => _org.As(_sid).Execute(new AssignRequest
        {
            Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", salesperson),
        });

        private void ClearChurnMark(Guid by) =>
            _org.As(by).Update(new Entity("account", _account) { ["crmc_churnrisk"] = false });

        [Theory]
        [InlineData("Update")]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_signal_passed_to_a_colleague_who_leaves_goes_back_to_the_accounts_salesperson_who_acknowledges_it(string path)
        {
            Guid signal = ChurnRiskPassedToPaula();
            Assert.Equal(_paula, OwnerOf(signal));

            Disable(_paula, path);

            Assert.Equal(_org.Rep, OwnerOf(signal));
            Acknowledge(_org.Rep, signal);
            ClearChurnMark(_org.Rep); // the alert was read: the mark may go
            Assert.False(_org.Row("account", _account, "crmc_churnrisk").GetAttributeValue<bool>("crmc_churnrisk"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_signal_of_a_leaver_goes_to_whoever_has_the_account_now()
        {
            Guid signal = ChurnRiskPassedToPaula();
            HandAccountTo(_rob); // territories redrawn: Paula's signal stays with her (passed to a colleague)
            Assert.Equal(_paula, OwnerOf(signal));

            Disable(_paula, "Update");

            Assert.Equal(_rob, OwnerOf(signal));
            Acknowledge(_rob, signal);
            ClearChurnMark(_rob);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void With_the_accounts_salesperson_gone_too_the_signal_stays_until_the_account_is_handed_to_an_active_salesperson()
        {
            Guid signal = ChurnRiskPassedToPaula();
            Disable(_org.Rep, "Update"); // Sam left first, his accounts not handed over yet

            Disable(_paula, "Update");

            Assert.Equal(_paula, OwnerOf(signal)); // nobody can take it: a record cannot be given to nobody

            HandAccountTo(_rob);

            Assert.Equal(_rob, OwnerOf(signal));
            Acknowledge(_rob, signal);
            ClearChurnMark(_rob);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void With_the_accounts_salesperson_gone_too_the_signal_goes_to_him_when_he_comes_back()
        {
            Guid signal = ChurnRiskPassedToPaula();
            Disable(_org.Rep, "Update");
            Disable(_paula, "Update");

            Enable(_org.Rep); // Sam is back from leave: his account's signals left with leavers come to him

            Assert.Equal(_org.Rep, OwnerOf(signal));
            Acknowledge(_org.Rep, signal);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_signal_on_a_team_owned_account_goes_back_to_the_team()
        {
            Guid team = _org.Setup.CreateTeam("Key accounts", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Salesperson");
            _org.Setup.AddMembers(team, _rob);
            _org.System.Update(new Entity("account", _account) { ["ownerid"] = new EntityReference("team", team) });
            Guid signal = _org.Signal(_account, SignalKind.Complaint, _sally, "Late deliveries again");
            _org.System.Update(new Entity("crmc_fieldsignal", signal) { ["ownerid"] = new EntityReference("systemuser", _paula) });

            Disable(_paula, "Update");

            Assert.Equal(team, OwnerOf(signal));
            Acknowledge(_rob, signal); // a member of the account's team
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Acknowledged_and_inactive_signals_of_a_leaver_stay_with_her_as_history()
        {
            Guid read = _org.Signal(_account, SignalKind.Complaint, _sally, "Late deliveries again");
            Guid closed = _org.Signal(_account, SignalKind.CompetitorPresence, _sally, "A rival's van at the dock", _org.System.Create(
                new Entity("competitor") { ["name"] = "Rival" }));
            PassToPaula(read);
            PassToPaula(closed);
            Acknowledge(_paula, read);
            Acknowledge(_paula, closed);
            _org.As(_paula).Update(new Entity("crmc_fieldsignal", closed) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            DateTime readModified = _org.Row("crmc_fieldsignal", read, "modifiedon").GetAttributeValue<DateTime>("modifiedon");

            Disable(_paula, "Update");

            Assert.Equal(_paula, OwnerOf(read));
            Assert.Equal(_paula, OwnerOf(closed));
            Assert.Equal(readModified, _org.Row("crmc_fieldsignal", read, "modifiedon").GetAttributeValue<DateTime>("modifiedon"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void An_account_handed_over_takes_the_signals_a_leaver_holds_as_well_as_the_previous_salespersons()
        {
            // As an earlier version left them: Paula's disable handed none of her signals back (no handover step here).
            var org = new LeaverSignalScenarios(new CrmCollabOrg((solution, options) =>
                solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".DisabledOwnerHandover", StringComparison.Ordinal))));
            Guid waiting = org.ChurnRiskPassedToPaula();
            Guid read = org._org.Signal(org._account, SignalKind.Complaint, org._sally, "Late deliveries again");
            org.PassToPaula(read);
            org.Acknowledge(org._paula, read);
            org.Disable(org._paula, "Update");
            Assert.Equal(org._paula, org.OwnerOf(waiting));

            org.HandAccountTo(org._rob);

            Assert.Equal(org._rob, org.OwnerOf(waiting));
            Assert.Equal(org._paula, org.OwnerOf(read)); // read: history
            org.Acknowledge(org._rob, waiting);
            org.ClearChurnMark(org._rob);
        }

        [Fact]
        public void A_leaver_holding_more_signals_than_one_run_takes_has_every_one_given_back()
        {
            Guid[] signals = Enumerable.Range(0, DisabledOwnerHandover.MaxPerRun + 30).Select(i =>
            {
                Guid signal = _org.Signal(_account, SignalKind.Lead, _sally, "They want a quote " + i);
                _org.System.Update(new Entity("crmc_fieldsignal", signal) { ["ownerid"] = new EntityReference("systemuser", _paula) });
                return signal;
            }).ToArray();

            Disable(_paula, "Update");

            Assert.All(signals, signal => Assert.Equal(_org.Rep, OwnerOf(signal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
