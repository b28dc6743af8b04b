using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A merge moves the duplicate's field signals to the account that stays: what the account says about its signals
    /// comes with them. A churn-risk signal still waiting keeps its account marked (nobody clears the mark over it, a merge
    /// neither), and "Last signal on" stays the date of the account's latest signal, whichever account it was raised on.
    /// </summary>
    public class MergedSignalAccountScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _kept, _duplicate;

        public MergedSignalAccountScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _kept = _org.Account("Contoso");
            _duplicate = _org.Account("Contoso Ltd");
        }

        private bool Marked(Guid account) => _org.Row("account", account, "crmc_churnrisk").GetAttributeValue<bool?>("crmc_churnrisk") == true;

        private DateTime? LastSignalOn(Guid account) => _org.Row("account", account, "crmc_lastsignalon").GetAttributeValue<DateTime?>("crmc_lastsignalon");

        private void Merge(Entity content) => _org.As(_org.Rep).Execute(new MergeRequest
        {
            Target = new EntityReference("account", _kept), SubordinateId = _duplicate, UpdateContent = content,
        });

        [Fact]
        public void A_churn_risk_signal_still_waiting_on_a_merged_duplicate_keeps_the_account_that_stays_marked()
        {
            Guid waiting = _org.Signal(_duplicate, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");
            Assert.True(Marked(_duplicate));

            Merge(new Entity("account")); // the salesperson merges the duplicate, keeping the account's own values

            Assert.Equal(_kept, _org.Row("crmc_fieldsignal", waiting, "crmc_accountid").GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Assert.True(Marked(_kept));
            // The mark stays until the signal is read, as for a signal raised on the account itself.
            _org.Refused(RefusalCodes.AccountChurnMark,
                () => _org.As(_org.Rep).Update(new Entity("account", _kept) { ["crmc_churnrisk"] = false }), "account");
        }

        [Fact]
        public void A_merge_that_sends_the_mark_cleared_does_not_clear_it_over_the_duplicates_waiting_churn_risk_signal()
        {
            Guid read = _org.Signal(_kept, SignalKind.ChurnRisk, _sally, "Their buyer asked for a competitor's quote");
            _org.As(_org.Rep).Update(new Entity("crmc_fieldsignal", read) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
            _org.Signal(_duplicate, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");

            // The account's own churn risk is handled: its salesperson clears the mark in the merge, but the duplicate's waits.
            Merge(new Entity("account") { ["crmc_churnrisk"] = false });

            Assert.True(Marked(_kept));
        }

        [Fact]
        public void The_account_that_stays_is_dated_by_the_latest_signal_of_the_two()
        {
            _org.Signal(_kept, SignalKind.Complaint, _sally, "Late deliveries again");
            DateTime keptDate = LastSignalOn(_kept).Value;
            _org.Engine.Clock.Advance(TimeSpan.FromDays(3));
            _org.Signal(_duplicate, SignalKind.Complaint, _sally, "Late deliveries again, at the other site");
            DateTime latest = LastSignalOn(_duplicate).Value;
            Assert.True(latest > keptDate);

            Merge(new Entity("account") { ["name"] = "Contoso Group" });

            Assert.Equal(latest, LastSignalOn(_kept));
        }

        [Fact]
        public void A_merge_keeping_the_duplicates_older_date_leaves_the_account_dated_by_its_latest_signal()
        {
            _org.Signal(_duplicate, SignalKind.Complaint, _sally, "Late deliveries again, at the other site");
            DateTime older = LastSignalOn(_duplicate).Value;
            _org.Engine.Clock.Advance(TimeSpan.FromDays(3));
            _org.Signal(_kept, SignalKind.Complaint, _sally, "Late deliveries again");
            DateTime latest = LastSignalOn(_kept).Value;

            Merge(new Entity("account") { ["crmc_lastsignalon"] = older }); // the merge dialog's choice of the duplicate's value

            Assert.Equal(latest, LastSignalOn(_kept));
        }

        [Fact]
        public void A_merge_giving_the_account_that_stays_the_duplicates_salesperson_hands_them_its_waiting_signals_even_without_the_update_steps()
        {
            // No page says a merge's UpdateContent runs the Update steps of the account that stays: without them, the Merge holds.
            var org = new CrmCollabOrg((solution, options) =>
                solution.Steps.RemoveAll(step => step.Id == new Guid("6a4a1a01-9046-43ff-8e5c-33bc76bbb971")));
            Guid sally = org.User("Sally SAV", "CrmCollab SAV"), rob = org.User("Rob Rep", "CrmCollab Salesperson", org.Sales);
            Guid sid = org.User("Sid Sysadmin", "System Administrator"); // merges accounts of two salespeople
            Guid kept = org.Account("Contoso"), duplicate = org.Account("Contoso Ltd");
            org.System.Update(new Entity("account", duplicate) { ["ownerid"] = new EntityReference("systemuser", rob) });
            Guid waiting = org.Signal(kept, SignalKind.ChurnRisk, sally, "Their buyer is talking to a competitor");
            Guid cameOver = org.Signal(duplicate, SignalKind.Complaint, sally, "Late deliveries again");
            Guid OwnerOf(Guid signal) => org.Row("crmc_fieldsignal", signal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

            // The merge dialog's choice of the duplicate's owner: Rob takes the account that stays.
            org.As(sid).Execute(new MergeRequest
            {
                Target = new EntityReference("account", kept), SubordinateId = duplicate,
                UpdateContent = new Entity("account") { ["ownerid"] = new EntityReference("systemuser", rob) },
            });

            Assert.Equal(rob, org.Row("account", kept, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(rob, OwnerOf(waiting));
            Assert.Equal(rob, OwnerOf(cameOver));
            org.As(rob).Update(new Entity("crmc_fieldsignal", waiting) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
        }

        [Fact]
        public void A_duplicate_without_signals_changes_neither_column_of_the_account_that_stays()
        {
            _org.Signal(_kept, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");
            DateTime keptDate = LastSignalOn(_kept).Value;

            Merge(new Entity("account"));

            Assert.True(Marked(_kept));
            Assert.Equal(keptDate, LastSignalOn(_kept));
        }

        [Fact]
        public void A_duplicate_with_waiting_signals_is_merged_into_the_account_of_a_salesperson_who_left_only_once_it_has_an_active_one()
        {
            // Rob's Contoso Ltd, a duplicate of Sam's Contoso, has a churn-risk signal waiting; Sam has left (his user disabled).
            Guid rob = _org.User("Rob Rep", "CrmCollab Salesperson", _org.Sales), sid = _org.User("Sid Sysadmin", "System Administrator");
            _org.System.Update(new Entity("account", _duplicate) { ["ownerid"] = new EntityReference("systemuser", rob) });
            Guid waiting = _org.Signal(_duplicate, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");
            _org.Setup.DisableUser(_org.Rep);
            _org.Engine.DrainAsync();
            MergeRequest MergeBySid(Entity content) => new MergeRequest
            {
                Target = new EntityReference("account", _kept), SubordinateId = _duplicate, UpdateContent = content,
            };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => _org.As(sid).Execute(MergeBySid(new Entity("account"))),
                "account", "crmc_fieldsignal");
            // A merge dialog sending the account's own owner back changes nothing to that.
            _org.RefusedNamingNoId(RefusalCodes.SignalSalespersonDisabled, () => _org.As(sid).Execute(MergeBySid(new Entity("account")
            {
                ["ownerid"] = new EntityReference("systemuser", _org.Rep),
            })), "account", "crmc_fieldsignal");
            Assert.Equal("Sam Sales, the salesperson of Contoso, is disabled, so the field signals still waiting on Contoso Ltd would reach nobody. " +
                "Give Contoso an active salesperson (in the merge, choose Contoso Ltd's owner), or ask your CrmCollab administrator to, then merge " +
                "again. [CRMC-SIGNAL-SALESPERSON-DISABLED]", refusal);

            // The merge dialog's choice of the duplicate's owner: Rob takes Contoso, and its signal with it.
            _org.As(sid).Execute(MergeBySid(new Entity("account") { ["ownerid"] = new EntityReference("systemuser", rob) }));
            Assert.Equal(rob, _org.Row("crmc_fieldsignal", waiting, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_kept, _org.Row("crmc_fieldsignal", waiting, "crmc_accountid").GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Assert.True(Marked(_kept));
        }

        [Fact]
        public void A_merge_whose_moving_of_the_duplicates_signals_runs_their_update_steps_is_not_refused_as_a_retargeting()
        {
            // No page says whether a merge moves the children through Updates that run their steps: where it does, as the
            // user who merges, the signal's account changes inside the merge, and that change is the merge's, not a client's.
            var org = CrmCollabOrg.WithTestStep<MergeReparentingThroughUpdates>("Merge", "account", StepStage.PreOperation);
            Guid sally = org.User("Sally SAV", "CrmCollab SAV");
            Guid kept = org.Account("Contoso"), duplicate = org.Account("Contoso Ltd");
            Guid waiting = org.Signal(duplicate, SignalKind.ChurnRisk, sally, "Their buyer is talking to a competitor");

            org.As(org.Rep).Execute(new MergeRequest { Target = new EntityReference("account", kept), SubordinateId = duplicate, UpdateContent = new Entity("account") });

            Assert.Equal(kept, org.Row("crmc_fieldsignal", waiting, "crmc_accountid").GetAttributeValue<EntityReference>("crmc_accountid").Id);
            // Outside a merge moving it from the duplicate, the signal's account stays CrmCollab's.
            Guid fabrikam = org.Account("Fabrikam");
            org.Refused(RefusalCodes.SignalServerColumn, () => org.As(org.Rep).Update(new Entity("crmc_fieldsignal", waiting)
            {
                ["crmc_accountid"] = new EntityReference("account", fabrikam),
            }), "crmc_fieldsignal");
        }
    }
}
