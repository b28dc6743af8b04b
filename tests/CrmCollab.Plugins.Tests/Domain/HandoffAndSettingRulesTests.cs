using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Settings;
using CrmCollab.Plugins.Domain.Signals;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Handoffs, templates, dedicated owners, signals and settings: what each refuses, in which order.</summary>
    public class HandoffAndSettingRulesTests
    {
        private static Func<T> Never<T>() => () => throw new InvalidOperationException("This fact must not be asked.");

        [Fact]
        public void A_handoff_is_on_time_when_completed_by_its_due_date_or_when_it_has_none()
        {
            var due = new DateTime(2026, 3, 10, 17, 0, 0, DateTimeKind.Utc);
            Assert.True(HandoffRules.ClosedOnTime(due, due));
            Assert.False(HandoffRules.ClosedOnTime(due, due.AddMinutes(1)));
            Assert.True(HandoffRules.ClosedOnTime(null, due));
        }

        [Fact]
        public void A_handoff_reopened_for_a_new_win_sets_aside_the_evidence_of_the_work_canceled_in_a_note()
        {
            var reopened = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
            string note = ReopenedHandoffEvidence.Note(new[]
            {
                new KeyValuePair<string, object>("Tracking number", "1Z-OLD"), new KeyValuePair<string, object>("Contract number", " "),
                new KeyValuePair<string, object>("Delivered on", new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc)),
                new KeyValuePair<string, object>("Service reference", null),
            }, reopened);

            Assert.Contains("Tracking number: 1Z-OLD; Delivered on: 2026-02-03", note);
            Assert.DoesNotContain("Contract number", note);
            Assert.Null(ReopenedHandoffEvidence.Note(new[] { new KeyValuePair<string, object>("Tracking number", null) }, reopened));
        }

        [Fact]
        public void Only_the_server_creates_a_task_carrying_a_handoff_key()
        {
            Assert.Equal(RefusalCodes.HandoffServerColumn, HandoffRules.CheckCreate(new[] { "Handoff key" }, () => false).Code);
            Assert.Null(HandoffRules.CheckCreate(new[] { "Handoff key" }, () => true));
            Assert.Null(HandoffRules.CheckCreate(new string[0], Never<bool>())); // an ordinary task
        }

        [Fact]
        public void A_template_names_its_function_and_subject_and_an_update_may_leave_them_out()
        {
            Assert.Null(HandoffTemplateRules.CheckContent(true, (int)BusinessFunction.Adv, true, "Draw up the contract"));
            Assert.Null(HandoffTemplateRules.CheckContent(false, null, false, null)); // an update of other columns
            Assert.Equal(RefusalCodes.TemplateIncomplete, HandoffTemplateRules.CheckContent(true, null, false, null).Code);
            Assert.Equal(RefusalCodes.TemplateIncomplete, HandoffTemplateRules.CheckContent(true, 7, false, null).Code);
            Assert.Equal(RefusalCodes.TemplateIncomplete, HandoffTemplateRules.CheckContent(false, null, true, "  ").Code);
            Assert.Equal(RefusalCodes.TemplateIncomplete, HandoffTemplateRules.CheckContent(true, (int)BusinessFunction.Adv, true, "Contract", true, null).Code);
            Assert.Null(HandoffTemplateRules.CheckContent(true, (int)BusinessFunction.Adv, true, "Contract", true, 0)); // the day of the win
        }

        [Fact]
        public void A_handoff_is_canceled_by_an_administrator_with_a_reason_and_completed_with_its_evidence()
        {
            var cancel = new HandoffEdit { Before = HandoffState.Open, After = HandoffState.Canceled, CallerIsAdministrator = () => false };
            Assert.Equal(RefusalCodes.HandoffCancelAdminOnly, HandoffRules.CheckUpdate(cancel).Code);
            cancel.CallerIsAdministrator = () => true;
            Assert.Equal(RefusalCodes.HandoffCancelReason, HandoffRules.CheckUpdate(cancel).Code);
            cancel.HasCancelReason = true;
            Assert.Null(HandoffRules.CheckUpdate(cancel));

            var complete = new HandoffEdit
            {
                Before = HandoffState.Open, After = HandoffState.Completed, MissingEvidence = () => new[] { "Tracking number" },
                CallerOwnsTask = () => true,
            };
            Assert.Contains("fill in Tracking number first", HandoffRules.CheckUpdate(complete).Text);
        }

        [Fact]
        public void Someone_a_handoff_is_only_shared_with_neither_fills_in_its_evidence_nor_completes_it()
        {
            var evidence = new HandoffEdit { Before = HandoffState.Open, After = HandoffState.Open, WritesEvidence = () => true };
            Assert.Equal(RefusalCodes.HandoffWorkOwnerOnly, HandoffRules.CheckUpdate(evidence).Code);
            var complete = new HandoffEdit { Before = HandoffState.Open, After = HandoffState.Completed };
            Assert.Equal(RefusalCodes.HandoffWorkOwnerOnly, HandoffRules.CheckUpdate(complete).Code);

            complete.CallerIsAdministrator = () => true;
            Assert.Null(HandoffRules.CheckUpdate(complete));
            evidence.IsServerCall = () => true;
            Assert.Null(HandoffRules.CheckUpdate(evidence));
            evidence.IsServerCall = () => false;
            evidence.CallerOwnsTask = () => true;
            Assert.Null(HandoffRules.CheckUpdate(evidence));
        }

        [Fact]
        public void A_closed_handoff_keeps_its_evidence_and_dates_and_only_an_administrator_reopens_it()
        {
            Assert.Equal(RefusalCodes.HandoffServerColumn, HandoffRules.CheckUpdate(new HandoffEdit
            {
                ChangedServerColumns = new[] { "Actual end" }, Before = HandoffState.Completed, After = HandoffState.Completed,
            }).Code);
            Assert.Equal(RefusalCodes.HandoffClosed, HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Completed, After = HandoffState.Completed, ChangedEvidence = new[] { "Tracking number" },
                MissingEvidence = Never<IReadOnlyList<string>>(),
            }).Code);
            Assert.Equal(RefusalCodes.HandoffReopenAdminOnly, HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Canceled, After = HandoffState.Open,
            }).Code);
            Assert.Equal(RefusalCodes.HandoffAcceptOwnerOnly, HandoffRules.CheckUpdate(new HandoffEdit { Accepting = true }).Code);
        }

        [Fact]
        public void A_closed_handoff_of_a_lost_deal_stays_closed_for_an_administrator_too_and_the_deal_is_read_only_for_a_reopen()
        {
            var reopen = new HandoffEdit
            {
                Before = HandoffState.Canceled, After = HandoffState.Open, IsServerCall = () => false,
                CallerIsAdministrator = () => false, LostDealName = Never<string>(),
            };
            Assert.Equal(RefusalCodes.HandoffReopenAdminOnly, HandoffRules.CheckUpdate(reopen).Code); // who may, first

            reopen.CallerIsAdministrator = () => true;
            reopen.LostDealName = () => "Line 4 retrofit";
            Refusal lost = HandoffRules.CheckUpdate(reopen);
            Assert.Equal(RefusalCodes.HandoffReopenLostDeal, lost.Code);
            Assert.StartsWith("'Line 4 retrofit' was lost", lost.Message);

            reopen.LostDealName = () => null; // the deal is open again (or won)
            Assert.Null(HandoffRules.CheckUpdate(reopen));
            reopen.IsServerCall = () => true; // CrmCollab gives canceled handoffs back at a re-win
            reopen.LostDealName = Never<string>();
            Assert.Null(HandoffRules.CheckUpdate(reopen));
            // Any other change of a handoff never reads the deal.
            Assert.Null(HandoffRules.CheckUpdate(new HandoffEdit { Before = HandoffState.Open, After = HandoffState.Open, LostDealName = Never<string>() }));
        }

        [Fact]
        public void A_canceled_handoff_is_recorded_as_completed_only_by_an_administrator_or_crmcollab()
        {
            Func<HandoffEdit> completing = () => new HandoffEdit
            {
                Before = HandoffState.Canceled, After = HandoffState.Completed, CallerOwnsTask = () => true, HasCancelReason = true,
            };
            Assert.Equal(RefusalCodes.HandoffClosedStateAdminOnly, HandoffRules.CheckUpdate(completing()).Code);
            HandoffEdit byAdministrator = completing();
            byAdministrator.CallerIsAdministrator = () => true;
            Assert.Null(HandoffRules.CheckUpdate(byAdministrator));
            HandoffEdit byCrmCollab = completing();
            byCrmCollab.IsServerCall = () => true;
            Assert.Null(HandoffRules.CheckUpdate(byCrmCollab));
            // Completed to canceled stays the cancel's rule.
            Assert.Equal(RefusalCodes.HandoffCancelAdminOnly, HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Completed, After = HandoffState.Canceled, CallerOwnsTask = () => true, HasCancelReason = true,
            }).Code);
        }

        [Fact]
        public void A_template_names_only_watched_task_columns_and_stays_while_its_handoffs_are_open()
        {
            string[] watched = { "crmc_contractnumber", "crmc_trackingnumber" };
            Func<IReadOnlyList<string>, IReadOnlyList<string>> neverProbed = outside => throw new InvalidOperationException("No column needs a probe.");
            Assert.Null(HandoffTemplateRules.CheckEvidence(new[] { "CRMC_TrackingNumber" }, watched, neverProbed));
            Assert.Null(HandoffTemplateRules.CheckEvidence(new string[0], watched, neverProbed));
            Assert.Contains("names crmc_trackingno, which tasks do not have",
                HandoffTemplateRules.CheckEvidence(new[] { "crmc_trackingnumber", "crmc_trackingno" }, watched, outside => outside).Text);
            Refusal notWatched = HandoffTemplateRules.CheckEvidence(new[] { "description" }, watched, outside => new string[0]);
            Assert.Equal(RefusalCodes.TemplateEvidenceNotWatched, notWatched.Code);
            Assert.Equal("Required Evidence can name only crmc_contractnumber, crmc_trackingnumber: the columns CrmCollab keeps fixed once a handoff " +
                "is closed. description could be changed after the close without anyone noticing; remove it from the list.", notWatched.Text);
            Assert.Equal(RefusalCodes.TemplateInUse, HandoffTemplateRules.CheckDelete(true).Code);
            Assert.Null(HandoffTemplateRules.CheckDelete(false));
        }

        [Fact]
        public void A_dedicated_owner_must_be_able_to_own_the_work_routed_to_it()
        {
            Refusal team = DedicatedOwnerRules.CheckCanOwn("the team Logistics North", isTeam: true, isAccessTeam: false, hasSecurityRole: false);
            Assert.Equal(RefusalCodes.OwnerCannotOwn, team.Code);
            Assert.StartsWith("The team Logistics North has no security role, so it lacks the Read privilege on tasks (prvReadActivity)", team.Text);
            Assert.Contains("access teams cannot own records", DedicatedOwnerRules.CheckCanOwn("the team Deal room", true, true, true).Text);
            Assert.Null(DedicatedOwnerRules.CheckCanOwn("the user Ann", false, false, true));
        }

        [Fact]
        public void A_routing_rules_user_or_team_must_be_able_to_own_the_work_it_routes_as_a_dedicated_owner_must()
        {
            Refusal roleless = DedicatedOwnerRules.CheckRuleTarget("the user Nora Newcomer", isTeam: false, isAccessTeam: false, hasSecurityRole: false, isDisabledUser: false);
            Refusal disabled = DedicatedOwnerRules.CheckRuleTarget("the user Gus Gone", false, false, true, isDisabledUser: true);

            Assert.Equal(RefusalCodes.RoutingTargetCannotOwn, roleless.Code);
            Assert.EndsWith("then save this routing rule again.", roleless.Text);
            Assert.Equal(DedicatedOwnerRules.CheckCanOwn("the user Nora Newcomer", false, false, false).Text.Replace("dedicated owner", "routing rule"), roleless.Text);
            Assert.Equal(RefusalCodes.RoutingTargetCannotOwn, disabled.Code);
            Assert.StartsWith("The user Gus Gone is disabled", disabled.Text);
            Assert.EndsWith("Choose an owner team, a user or a queue.", DedicatedOwnerRules.CheckRuleTarget("the team Deal room", true, true, true, false).Text);
            Assert.Null(DedicatedOwnerRules.CheckRuleTarget("the team Finance North", true, false, true, false));
            Assert.Null(DedicatedOwnerRules.CheckRuleTarget("the user Fiona", false, false, true, false));
        }

        [Fact]
        public void A_routing_rules_queue_is_judged_by_its_owner_who_holds_what_waits_in_it()
        {
            Refusal roleless = DedicatedOwnerRules.CheckRuleTarget("the user Quinn Keeper", false, false, hasSecurityRole: false, isDisabledUser: false, ownedQueue: "Finance desk");
            Refusal disabled = DedicatedOwnerRules.CheckRuleTarget("the user Quinn Keeper", false, false, true, isDisabledUser: true, ownedQueue: "Finance desk");

            Assert.Equal(RefusalCodes.RoutingTargetCannotOwn, roleless.Code);
            Assert.StartsWith("The user Quinn Keeper, who owns the queue Finance desk and so holds what waits in it, has no security role", roleless.Text);
            Assert.EndsWith("Or give the queue Finance desk to an owner who can own this work.", roleless.Text);
            Assert.StartsWith("The user Quinn Keeper, who owns the queue Finance desk and so holds what waits in it, is disabled", disabled.Text);
            Assert.Null(DedicatedOwnerRules.CheckRuleTarget("the team Finance North", true, false, true, false, ownedQueue: "North desk"));
        }

        [Fact]
        public void A_signals_function_comes_from_its_raisers_role_then_their_dedicated_owner_rows()
        {
            var account = Guid.NewGuid();
            var on = new DateTime(2026, 11, 23);
            var rows = new[]
            {
                new DedicatedOwner { AccountId = Guid.NewGuid(), Function = BusinessFunction.Adv, ValidFrom = on.AddYears(-1) },
                new DedicatedOwner { AccountId = account, Function = BusinessFunction.Sav, ValidFrom = on.AddYears(-1) },
                new DedicatedOwner { AccountId = account, Function = BusinessFunction.Logistics, ValidFrom = on.AddYears(-2), ValidTo = on.AddDays(-1) },
            };

            Func<IReadOnlyList<Guid>> chain = () => new[] { account };
            Assert.Equal(BusinessFunction.Logistics, FieldSignalRules.RaiserFunction(new[] { BusinessFunction.Logistics }, rows, chain, on));
            Assert.Equal(BusinessFunction.Sav, FieldSignalRules.RaiserFunction(new BusinessFunction[0], rows, chain, on));
            Assert.Null(FieldSignalRules.RaiserFunction(new BusinessFunction[0], new DedicatedOwner[0], chain, on));
            Assert.Equal(BusinessFunction.Sav, FieldSignalRules.RaiserFunction(new BusinessFunction[0], rows, () => new[] { Guid.NewGuid(), account }, on));
            Assert.Null(FieldSignalRules.RaiserFunction(new BusinessFunction[0], rows, () => new[] { Guid.NewGuid() }, on)); // rows elsewhere say nothing
            Assert.Null(FieldSignalRules.CheckRaisedByFunction((int)BusinessFunction.Sav, BusinessFunction.Sav));
            Assert.Equal(RefusalCodes.SignalServerColumn, FieldSignalRules.CheckRaisedByFunction((int)BusinessFunction.Sav, null).Code);
            Assert.Equal(RefusalCodes.SignalServerColumn, FieldSignalRules.CheckUpdate(new[] { "Raised by function" }, () => false, false, Never<bool>()).Code);
        }

        [Fact]
        public void Who_raised_a_signal_for_a_function_acknowledges_it_only_as_the_accounts_own_salesperson_asked_only_then()
        {
            var none = new string[0];
            Assert.Equal(RefusalCodes.SignalServerColumn, FieldSignalRules.CheckUpdate(none, () => false, true, () => true,
                callerRaisedItForAFunction: true, callerOwnsAccount: () => false).Code); // passed back to the raiser
            Assert.Equal(RefusalCodes.SignalServerColumn, FieldSignalRules.CheckUpdate(none, () => false, true, () => true,
                callerRaisedItForAFunction: true).Code); // nobody says the raiser owns the account
            Assert.Null(FieldSignalRules.CheckUpdate(none, () => false, true, () => true,
                callerRaisedItForAFunction: true, callerOwnsAccount: () => true)); // the raiser is the account's salesperson
            Assert.Null(FieldSignalRules.CheckUpdate(none, () => false, true, () => true,
                callerRaisedItForAFunction: false, callerOwnsAccount: Never<bool>())); // the salesperson, as always: no read
        }

        [Fact]
        public void A_setting_is_checked_binding_first_then_format_columns_and_queue()
        {
            var wrongName = new SettingValue
            {
                Label = "Stage Requirements", ValueSchemaName = "crmc_StageRequirementsOld", DefinitionSchemaName = "crmc_StageRequirements",
                FormatProblem = "not JSON", UnknownColumns = Never<IReadOnlyList<string>>(),
            };
            Assert.Equal(RefusalCodes.SettingSchemaMismatch, SettingRules.Check(wrongName).Code);
            wrongName.ValueSchemaName = "crmc_stagerequirements"; // schema names compare as Dataverse does, ignoring case
            Assert.Equal(RefusalCodes.SettingInvalid, SettingRules.Check(wrongName).Code);
            Assert.Equal(RefusalCodes.SettingSchemaMismatch, SettingRules.Check(new SettingValue { ValueSchemaName = "crmc_UnroutedQueue" }).Code);

            var locked = new SettingValue
            {
                Label = "Locked Terms Columns", DefinitionSchemaName = "crmc_LockedTermsColumns", UnknownColumns = () => new[] { "crmc_discont" },
            };
            Assert.Contains("the opportunity has no column crmc_discont", SettingRules.Check(locked).Text);
            locked.UnknownColumns = () => new string[0];
            locked.NotLockable = new[] { "ownerid" };
            locked.Lockable = new[] { "estimatedvalue", "description" };
            locked.UnverifiedColumns = new[] { "description" };
            Assert.Equal("Locked Terms Columns: CrmCollab cannot lock ownerid after the win: its guard watches only estimatedvalue, description. " +
                "Remove the other columns from the setting (a column the guard does not watch would change unnoticed).", SettingRules.Check(locked).Text);
            locked.NotLockable = new string[0];
            Assert.Equal(RefusalCodes.SettingUnverifiable, SettingRules.Check(locked).Code);
            Assert.Equal(RefusalCodes.SettingUnknownQueue, SettingRules.Check(new SettingValue
            {
                Label = "Unrouted Handoffs Queue", DefinitionSchemaName = "crmc_UnroutedQueue", Value = "Nobody", NamesMissingQueue = () => true,
            }).Code);
        }
    
        [Fact]
        public void A_handoff_goes_only_with_its_deal_and_an_ordinary_task_is_not_a_handoff()
        {
            Assert.Equal(RefusalCodes.HandoffIsHistory, HandoffRules.CheckDelete(isHandoff: true, deletedWithItsDeal: false, () => false).Code);
            Assert.Null(HandoffRules.CheckDelete(isHandoff: true, deletedWithItsDeal: true, Never<bool>()));
            Assert.Null(HandoffRules.CheckDelete(isHandoff: true, deletedWithItsDeal: false, () => true)); // CrmCollab's server code
            Assert.Null(HandoffRules.CheckDelete(isHandoff: false, deletedWithItsDeal: false, Never<bool>())); // no WhoAmI for an ordinary task
        }
}
}
