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
    /// What a field signal leaves behind stays as it was raised and read: the lead it became keeps crediting the team that
    /// raised it, and its acknowledgement is the salesperson's, never the raiser's.
    /// </summary>
    public class SignalRecordScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal", "lead", "opportunity", "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _account;

        public SignalRecordScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _account = _org.Account("Contoso");
        }

        private Guid LeadOf(Guid signal) =>
            _org.Row("crmc_fieldsignal", signal, "crmc_leadid").GetAttributeValue<EntityReference>("crmc_leadid")?.Id ?? Guid.Empty;

        [Fact]
        public void The_salesperson_cannot_delete_the_lead_a_signal_became_on_any_path_so_the_raising_team_keeps_its_credit()
        {
            Guid signal = _org.Signal(_account, SignalKind.Lead, _alice, "They plan a second line next year");
            Guid lead = LeadOf(signal);
            IOrganizationService rep = _org.As(_org.Rep); // owns the lead, and the Salesperson role deletes its own leads

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalLeadIsHistory, () => rep.Delete("lead", lead), Touched);
            _org.Refused(RefusalCodes.SignalLeadIsHistory,
                () => CrmCollabOrg.InExecuteMultiple(rep, new DeleteRequest { Target = new EntityReference("lead", lead) }), Touched);
            _org.Refused(RefusalCodes.SignalLeadIsHistory,
                () => CrmCollabOrg.InExecuteTransaction(rep, new DeleteRequest { Target = new EntityReference("lead", lead) }), Touched);

            Assert.Contains("disqualify it instead", refusal);
            Assert.Equal(lead, LeadOf(signal));
            Guid ownLead = rep.Create(new Entity("lead") { ["subject"] = "Met at the fair", ["lastname"] = "Doe" });
            rep.Delete("lead", ownLead); // a lead no signal raised is the rep's to delete
            Guid sid = _org.User("Sid Sysadmin", "System Administrator");
            _org.Refused(RefusalCodes.SignalLeadIsHistory, () => _org.As(sid).Delete("lead", lead), Touched);
            _org.Setup.AssignRole(sid, "CrmCollab Administrator");
            _org.As(sid).Delete("lead", lead); // a CrmCollab Administrator may, when it must go
            Assert.Equal(Guid.Empty, LeadOf(signal));
        }

        [Fact]
        public void A_signal_passed_back_to_who_raised_it_is_not_acknowledged_by_them()
        {
            Guid signal = _org.Signal(_account, SignalKind.Complaint, _alice, "Late deliveries again");
            IOrganizationService rep = _org.As(_org.Rep);
            rep.Execute(new AssignRequest
            {
                Target = new EntityReference("crmc_fieldsignal", signal), Assignee = new EntityReference("systemuser", _alice),
            });

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalServerColumn, () => _org.As(_alice).Update(
                new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start }), Touched);
            _org.Refused(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_alice), new UpdateRequest
            {
                Target = new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start },
            }), Touched);

            Assert.StartsWith("You raised this signal", refusal);
            Assert.Null(_org.Row("crmc_fieldsignal", signal, "crmc_acknowledgedon").GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
            _org.As(_org.Admin).Execute(new AssignRequest // Alice may not assign; an administrator gives it back
            {
                Target = new EntityReference("crmc_fieldsignal", signal), Assignee = new EntityReference("systemuser", _org.Rep),
            });
            rep.Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
            Assert.NotNull(_org.Row("crmc_fieldsignal", signal, "crmc_acknowledgedon").GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
        }

        [Fact]
        public void A_churn_risk_signal_is_not_deleted_from_under_its_salesperson_so_the_mark_stays_until_it_is_read()
        {
            Guid signal = _org.Signal(_account, SignalKind.ChurnRisk, _alice, "They are talking to a competitor");
            Guid sid = _org.User("Sid Sysadmin", "System Administrator"); // holds Delete on every table, not the CrmCollab role
            var delete = new DeleteRequest { Target = new EntityReference("crmc_fieldsignal", signal) };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalIsHistory, () => _org.As(sid).Delete("crmc_fieldsignal", signal), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalIsHistory, () => CrmCollabOrg.InExecuteMultiple(_org.As(sid), delete), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalIsHistory, () => CrmCollabOrg.InExecuteTransaction(_org.As(sid), delete), Touched);

            Assert.Contains("acknowledge", refusal);
            // The signal still waits for Sam, and the account's churn mark cannot be cleared over it.
            _org.Refused(RefusalCodes.AccountChurnMark,
                () => _org.As(_org.Rep).Update(new Entity("account", _account) { ["crmc_churnrisk"] = false }), Touched);
            _org.Setup.AssignRole(sid, "CrmCollab Administrator");
            _org.As(sid).Delete("crmc_fieldsignal", signal); // a CrmCollab Administrator may, when it must go
        }

        [Fact]
        public void A_salesperson_cannot_delete_an_account_field_signals_were_raised_about_on_any_path_a_merge_keeps_them()
        {
            Guid duplicate = _org.Account("Contoso Ltd");
            Guid signal = _org.Signal(duplicate, SignalKind.Complaint, _alice, "Late deliveries again");
            IOrganizationService rep = _org.As(_org.Rep); // the Salesperson role deletes the accounts it owns
            var delete = new DeleteRequest { Target = new EntityReference("account", duplicate) };

            string refusal = _org.Refused(RefusalCodes.AccountDeleteSignals, () => rep.Delete("account", duplicate), Touched);
            _org.Refused(RefusalCodes.AccountDeleteSignals, () => CrmCollabOrg.InExecuteMultiple(rep, delete), Touched);
            _org.Refused(RefusalCodes.AccountDeleteSignals, () => CrmCollabOrg.InExecuteTransaction(rep, delete), Touched);

            Assert.Contains("merge it into that one", refusal);
            rep.Execute(new MergeRequest
            {
                Target = new EntityReference("account", _account), SubordinateId = duplicate, UpdateContent = new Entity("account"),
            });
            Assert.Equal(_account, _org.Row("crmc_fieldsignal", signal, "crmc_accountid").GetAttributeValue<EntityReference>("crmc_accountid").Id);
            rep.Delete("account", _org.Account("Fabrikam")); // an account no signal is about is the rep's to delete
        }
    }
}
