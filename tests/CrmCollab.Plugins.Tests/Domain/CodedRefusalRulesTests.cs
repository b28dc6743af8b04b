using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>The rules behind refusals that used to be bare sentences: each now gives its code, in a fixed order.</summary>
    public class CodedRefusalRulesTests
    {
        private const string Guid36 = @"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
        private static Func<bool> Never() => () => throw new InvalidOperationException("The deal must not be read.");

        [Fact]
        public void A_review_is_never_deactivated_except_by_crmcollab_and_that_is_checked_after_its_server_columns()
        {
            Assert.Equal(RefusalCodes.ReviewNotDeactivated, ReviewEditRules.Check(new ReviewEdit { ChangesState = true }).Code);
            Assert.Null(ReviewEditRules.Check(new ReviewEdit { ChangesState = true, IsServerCall = () => true }));
            Assert.Equal(RefusalCodes.ReviewServerColumn,
                ReviewEditRules.Check(new ReviewEdit { ChangesState = true, ChangedServerColumns = new[] { "Function" } }).Code);
        }

        [Fact]
        public void A_new_amendment_is_checked_stamps_state_content_deal_then_won_and_the_deal_is_read_last()
        {
            Refusal Create(bool stamps = false, AmendmentState? state = null, string reason = "Customer asked", bool proposes = true,
                bool deal = true, Func<bool> won = null) =>
                AmendmentCreateRules.Check(stamps, state, reason, proposes, deal, won ?? (() => true));

            Assert.Equal(RefusalCodes.AmendmentStamps, Create(stamps: true, state: AmendmentState.Applied, won: Never()).Code);
            Assert.Equal(RefusalCodes.AmendmentCreatedDecided, Create(state: AmendmentState.Applied, reason: "", won: Never()).Code);
            Assert.StartsWith("A new amendment cannot be saved as Rejected", Create(state: AmendmentState.Rejected, won: Never()).Text);
            Assert.Contains("cannot be saved as that state", Create(state: (AmendmentState)42, won: Never()).Text);
            Assert.Equal(RefusalCodes.AmendmentContent, Create(proposes: false, deal: false, won: Never()).Code);
            Assert.Equal(RefusalCodes.AmendmentNoDeal, Create(deal: false, won: Never()).Code);
            Assert.Equal(RefusalCodes.AmendmentDealNotWon, Create(won: () => false).Code);
            Assert.Null(Create(state: AmendmentState.Submitted));
            Assert.Null(Create());
        }

        [Fact]
        public void A_review_is_created_pending_or_without_a_decision()
        {
            Assert.Null(ReviewEditRules.CheckCreate(null));
            Assert.Null(ReviewEditRules.CheckCreate((int)ReviewDecision.Pending));
            foreach (ReviewDecision decided in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected,
                ReviewDecision.Invalidated, ReviewDecision.Withdrawn })
                Assert.Equal(RefusalCodes.ReviewCreatedDecided, ReviewEditRules.CheckCreate((int)decided).Code);
        }

        [Fact]
        public void A_review_is_created_active_and_a_decision_is_named_before_the_status()
        {
            Assert.Null(ReviewEditRules.CheckCreate(null, inactive: false));
            Assert.Equal(RefusalCodes.ReviewCreatedInactive, ReviewEditRules.CheckCreate(null, inactive: true).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedInactive, ReviewEditRules.CheckCreate((int)ReviewDecision.Pending, inactive: true).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedDecided, ReviewEditRules.CheckCreate((int)ReviewDecision.Approved, inactive: true).Code);
        }

        [Fact]
        public void A_signal_is_raised_active_and_deactivated_only_once_acknowledged()
        {
            Assert.Null(FieldSignalRules.CheckCreatedActive(false));
            Assert.Equal(RefusalCodes.SignalCreatedInactive, FieldSignalRules.CheckCreatedActive(true).Code);
            Assert.Null(FieldSignalRules.CheckDeactivation(0, null, false)); // a change that leaves the status alone
            Assert.Null(FieldSignalRules.CheckDeactivation(1, 1, false)); // already inactive
            Assert.Null(FieldSignalRules.CheckDeactivation(0, 0, false)); // kept active
            Assert.Null(FieldSignalRules.CheckDeactivation(null, 1, true));
            Assert.Equal(RefusalCodes.SignalNotAcknowledged, FieldSignalRules.CheckDeactivation(null, 1, false).Code);
            Assert.Equal(RefusalCodes.SignalNotAcknowledged, FieldSignalRules.CheckDeactivation(0, 1, false).Code);
        }

        [Fact]
        public void A_competitor_signals_name_is_deleted_only_by_a_crmcollab_administrator_who_is_asked_only_then()
        {
            Assert.Null(FieldSignalRules.CheckCompetitorDelete(false, () => throw new InvalidOperationException("No role must be read.")));
            Assert.Null(FieldSignalRules.CheckCompetitorDelete(true, () => true));
            Assert.Equal(RefusalCodes.SignalCompetitorIsHistory, FieldSignalRules.CheckCompetitorDelete(true, () => false).Code);
        }

        [Fact]
        public void An_accounts_last_signal_date_is_written_only_by_the_intake_or_kept_by_a_merge()
        {
            DateTime raised = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), other = raised.AddDays(-40);
            int mergedAwayReads = 0;
            Func<DateTime?> mergedAway = () => { mergedAwayReads++; return other; };

            Assert.Null(FieldSignalRules.CheckLastSignalDate(false, other, raised, false, null)); // not sent
            Assert.Null(FieldSignalRules.CheckLastSignalDate(true, raised, null, true, null)); // the intake's own write
            Assert.Null(FieldSignalRules.CheckLastSignalDate(true, raised, raised, false, null)); // sent again as it is
            Assert.Null(FieldSignalRules.CheckLastSignalDate(true, other, raised, false, mergedAway)); // the merged-away account's
            Assert.Equal(RefusalCodes.AccountSignalDate, FieldSignalRules.CheckLastSignalDate(true, other, raised, false, null).Code);
            Assert.Equal(RefusalCodes.AccountSignalDate, FieldSignalRules.CheckLastSignalDate(true, null, raised, false, null).Code); // cleared
            Assert.Equal(RefusalCodes.AccountSignalDate, FieldSignalRules.CheckLastSignalDate(true, raised.AddDays(1), raised, false, mergedAway).Code);
            Assert.Equal(RefusalCodes.AccountSignalDate, FieldSignalRules.CheckLastSignalDate(true, raised, null, false, null).Code); // created with one
            Assert.Equal(2, mergedAwayReads); // read only when a merge sends another date
        }

        [Fact]
        public void An_amendment_is_created_active_and_deactivated_only_once_decided()
        {
            Assert.Null(AmendmentStatusRules.CheckCreate(null));
            Assert.Null(AmendmentStatusRules.CheckCreate(0));
            Assert.Equal(RefusalCodes.AmendmentCreatedInactive, AmendmentStatusRules.CheckCreate(1).Code);
            Assert.Null(AmendmentStatusRules.CheckDeactivation(0, null, AmendmentState.Submitted)); // the status left alone
            Assert.Null(AmendmentStatusRules.CheckDeactivation(0, 0, AmendmentState.Draft)); // kept active
            Assert.Null(AmendmentStatusRules.CheckDeactivation(1, 1, AmendmentState.Submitted)); // already inactive
            Assert.Null(AmendmentStatusRules.CheckDeactivation(0, 1, AmendmentState.Rejected));
            Assert.Null(AmendmentStatusRules.CheckDeactivation(null, 1, AmendmentState.Applied));
            Assert.Equal(RefusalCodes.AmendmentNotDeactivated, AmendmentStatusRules.CheckDeactivation(0, 1, AmendmentState.Draft).Code);
            Assert.Equal(RefusalCodes.AmendmentNotDeactivated, AmendmentStatusRules.CheckDeactivation(null, 1, AmendmentState.Submitted).Code);
            Assert.Equal(RefusalCodes.AmendmentNotDeactivated, AmendmentStatusRules.CheckDeactivation(0, 1, AmendmentState.Approved).Code);
        }

        [Fact]
        public void A_status_change_alone_of_a_decided_amendment_passes_and_of_an_open_one_is_refused()
        {
            AmendmentEdit StatusOnly(AmendmentState state) => new AmendmentEdit
            {
                From = state, To = state, StatusBefore = 0, StatusAfter = 1, ChangesOnlyStatus = true,
            };
            Assert.Null(AmendmentEditRules.Check(StatusOnly(AmendmentState.Rejected)));
            Assert.Null(AmendmentEditRules.Check(StatusOnly(AmendmentState.Applied)));
            Assert.Equal(RefusalCodes.AmendmentNotDeactivated, AmendmentEditRules.Check(StatusOnly(AmendmentState.Submitted)).Code);
            // With other columns, a decided amendment still cannot change.
            var reworded = StatusOnly(AmendmentState.Applied);
            reworded.ChangesOnlyStatus = false;
            reworded.ChangesContent = true;
            Assert.Equal(RefusalCodes.AmendmentTransition, AmendmentEditRules.Check(reworded).Code);
        }

        [Fact]
        public void A_signal_needs_an_account_whose_salesperson_can_receive_it()
        {
            Assert.Null(FieldSignalRules.CheckSalespersonActive(false, "Contoso", "Sam Sales"));
            Refusal refused = FieldSignalRules.CheckSalespersonActive(true, "Contoso", "Sam Sales");
            Assert.Equal(RefusalCodes.SignalSalespersonDisabled, refused.Code);
            Assert.StartsWith("Sam Sales of Contoso is disabled", refused.Text);
            Assert.StartsWith("The salesperson of this account is disabled", FieldSignalRules.CheckSalespersonActive(true, null, null).Text);
        }

        [Fact]
        public void A_signal_is_raised_unacknowledged()
        {
            Assert.Null(FieldSignalRules.CheckNoAcknowledgementSent(false));
            Refusal refused = FieldSignalRules.CheckNoAcknowledgementSent(true);
            Assert.Equal(RefusalCodes.SignalServerColumn, refused.Code);
            Assert.EndsWith("Leave it empty.", refused.Text);
        }

        [Fact]
        public void A_merge_hands_waiting_signals_only_to_an_active_salesperson()
        {
            Assert.Null(FieldSignalRules.CheckMergeSalespersonActive(false, "Contoso", "Sam Sales", "Contoso Ltd"));
            Refusal refused = FieldSignalRules.CheckMergeSalespersonActive(true, "Contoso", "Sam Sales", "Contoso Ltd");
            Assert.Equal(RefusalCodes.SignalSalespersonDisabled, refused.Code);
            Assert.StartsWith("Sam Sales, the salesperson of Contoso, is disabled", refused.Text);
            Assert.Contains("in the merge, choose Contoso Ltd's owner", refused.Text);
            Assert.StartsWith("The salesperson of the account that stays is disabled, so the field signals still waiting on the account merged into it", FieldSignalRules.CheckMergeSalespersonActive(true, null, null, null).Text);
        }

        [Fact]
        public void A_signal_needs_its_kind_what_was_seen_the_competitor_and_the_account_in_that_order()
        {
            Assert.StartsWith("Choose what kind", FieldSignalRules.CheckContent(null, "", false, false).Text);
            Assert.StartsWith("Choose what kind", FieldSignalRules.CheckContent(7, "Seen", true, true).Text);
            Assert.StartsWith("Describe what you saw", FieldSignalRules.CheckContent((int)SignalKind.Lead, " ", false, false).Text);
            Assert.StartsWith("Name the competitor", FieldSignalRules.CheckContent((int)SignalKind.CompetitorPresence, "Seen", false, false).Text);
            Refusal noAccount = FieldSignalRules.CheckContent((int)SignalKind.ChurnRisk, "Unhappy with service", false, false);
            Assert.Equal(RefusalCodes.SignalIncomplete, noAccount.Code);
            Assert.StartsWith("Choose the account this signal is about", noAccount.Text);
            Assert.Null(FieldSignalRules.CheckContent((int)SignalKind.CompetitorPresence, "Seen", true, true));
        }

        private static DedicatedOwner Row(PrincipalKind kind, string name, DateTime from, DateTime? to = null) => new DedicatedOwner
        {
            Id = Guid.NewGuid(), AccountId = Guid.NewGuid(), Function = BusinessFunction.Logistics,
            Owner = new Principal(kind, Guid.NewGuid(), name), ValidFrom = from, ValidTo = to,
        };

        [Fact]
        public void An_overlap_names_the_other_owner_by_name_and_never_by_id()
        {
            DedicatedOwner lena = Row(PrincipalKind.User, null, new DateTime(2026, 1, 1), new DateTime(2026, 6, 30));
            DedicatedOwner team = Row(PrincipalKind.Team, null, DateTime.MinValue);

            Refusal named = DedicatedOwnerRules.Overlap(lena, "Lena Logistics", "Logistics owner");
            Refusal nameless = DedicatedOwnerRules.Overlap(lena, null, lena.Id.ToString());
            Refusal byTeam = DedicatedOwnerRules.Overlap(team, " Logistics North ", null);

            Assert.Equal(RefusalCodes.OwnerOverlap, named.Code);
            Assert.StartsWith("The user Lena Logistics is already this account's Logistics dedicated owner from 2026-01-01 to 2026-06-30 (row 'Logistics owner'), ", named.Text);
            Assert.StartsWith("Another owner is already this account's Logistics dedicated owner from 2026-01-01 to 2026-06-30, and one account", nameless.Text);
            Assert.StartsWith("The team Logistics North is already this account's Logistics dedicated owner with no start or end date, ", byTeam.Text);
            Assert.Contains("with no end date", DedicatedOwnerRules.Overlap(Row(PrincipalKind.User, null, new DateTime(2026, 1, 1)), Guid.NewGuid().ToString(), null).Text);
            foreach (Refusal refusal in new[] { named, nameless, byTeam })
            {
                Assert.DoesNotMatch(Guid36, refusal.Text);
                Assert.Contains("End that row (set its 'valid to' before this one starts)", refusal.Text);
            }
        }

        [Fact]
        public void Handoff_creation_says_why_with_its_code()
        {
            Refusal noAccount = HandoffCreationRules.NoAccount("Walk-in order");
            Refusal unnamed = HandoffCreationRules.NoAccount(null);
            Refusal partial = HandoffCreationRules.Incomplete(new[] { "ADV 'Draw up the contract': no role" }, 2);

            Assert.Equal(RefusalCodes.HandoffNoAccount, noAccount.Code);
            Assert.StartsWith("The opportunity 'Walk-in order' has no account", noAccount.Text);
            Assert.StartsWith("This opportunity has no account", unnamed.Text);
            Assert.Equal(RefusalCodes.HandoffIncomplete, partial.Code);
            Assert.StartsWith("1 handoff(s) could not be created (ADV 'Draw up the contract': no role); the other 2 were.", partial.Text);
        }

        [Fact]
        public void The_handoff_workflow_step_says_why_it_created_nothing_with_its_code()
        {
            Refusal notWon = HandoffCreationRules.NotWon("Walk-in order");
            Refusal missing = HandoffCreationRules.MissingForStep("Line 4 retrofit", new[] { "Logistics 'Plan the delivery'" });
            Refusal many = HandoffCreationRules.MissingForStep(null, Enumerable.Range(1, 12).Select(i => $"ADV 'Step {i}'").ToList());

            Assert.Equal(RefusalCodes.HandoffDealNotWon, notWon.Code);
            Assert.StartsWith("The opportunity 'Walk-in order' is not won", notWon.Text);
            Assert.Equal(RefusalCodes.HandoffMissing, missing.Code);
            Assert.StartsWith("1 post-sale handoff(s) of the won opportunity 'Line 4 retrofit' are missing, or hidden from the workflow's user: Logistics 'Plan the delivery'.", missing.Text);
            Assert.Contains("ADV 'Step 10' and 2 more.", many.Text);
            Assert.DoesNotContain("Step 11", many.Text);
        }
    

        [Fact]
        public void A_product_line_of_a_won_deal_is_refused_with_the_products_code_and_an_open_deals_is_not()
        {
            Refusal locked = LockedTerms.CheckProducts(dealWasWon: true);

            Assert.Equal(RefusalCodes.ProductsLocked, locked.Code);
            Assert.Equal(LockedTerms.ProductsRefusal + " [CRMC-PRODUCTS-LOCKED]", locked.Message);
            Assert.Null(LockedTerms.CheckProducts(dealWasWon: false));
            Assert.Null(LockedTerms.CheckProducts(dealWasWon: true, changesTheLine: false)); // re-saved as it is
        }

        [Fact]
        public void A_feasibility_rule_is_refused_with_every_problem_under_one_code_the_missing_function_first()
        {
            var columns = new System.Collections.Generic.HashSet<string> { "estimatedvalue", "crmc_discountpercent", "name" };
            var rule = new FeasibilityRule { MinAmount = -5m, RelevantColumns = new[] { "estimatedvalue" } };

            Refusal refusal = FeasibilityRuleValidator.CheckRule(rule, function: null, columns);

            Assert.Equal(RefusalCodes.RuleInvalid, refusal.Code);
            Assert.StartsWith("Choose the function this rule asks to review the deal. The minimum amount cannot be negative (-5).", refusal.Text);
            Assert.Equal(RefusalCodes.RuleInvalid, FeasibilityRuleValidator.CheckRule(new FeasibilityRule(), function: null, columns).Code);
            Assert.Null(FeasibilityRuleValidator.CheckRule(new FeasibilityRule { RelevantColumns = new[] { "estimatedvalue", "products" } }, (int)BusinessFunction.Finance, columns));
            Assert.StartsWith("The function value 42 is not one of CrmCollab's functions; choose one from the list.",
                FeasibilityRuleValidator.CheckRule(new FeasibilityRule(), 42, columns).Text);
        }
}
}
