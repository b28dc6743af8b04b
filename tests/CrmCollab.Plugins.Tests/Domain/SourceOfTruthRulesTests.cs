using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class SourceOfTruthRulesTests
    {
        [Fact]
        public void A_discount_change_on_a_won_deal_violates_the_lock_and_the_message_says_to_raise_an_amendment()
        {
            var locked = LockedTerms.Columns("crmc_incoterms");

            var violations = LockedTerms.Violations(locked, new[] { "description", "crmc_discountpercent", "crmc_incoterms" });

            Assert.Equal(new[] { "crmc_discountpercent", "crmc_incoterms" }, violations);
            Assert.Contains("Raise an amendment", LockedTerms.RefusalMessage(new[] { "Discount (%)" }));
            Assert.Empty(LockedTerms.Violations(locked, new[] { "description" }));
        }

        [Fact]
        public void A_locked_column_no_amendment_proposes_is_said_to_stay_and_only_the_others_to_need_an_amendment()
        {
            Assert.True(LockedTerms.Amendable("crmc_discountpercent"));
            Assert.False(LockedTerms.Amendable("transactioncurrencyid"));
            Assert.False(LockedTerms.Amendable("pricelevelid"));

            string kept = LockedTerms.RefusalMessage(new[] { "Currency" }, new[] { "Currency" });
            string mixed = LockedTerms.RefusalMessage(new[] { "Currency", "Discount (%)" }, new[] { "Currency" });

            Assert.DoesNotContain("Raise an amendment", kept);
            Assert.Contains("Currency stays as the deal was won", kept);
            Assert.Contains("Currency stays as the deal was won. For the others, raise an amendment", mixed);
            Assert.Equal(LockedTerms.RefusalMessage(new[] { "Discount (%)" }), LockedTerms.RefusalMessage(new[] { "Discount (%)" }, new string[0]));
        }

        [Fact]
        public void Amendments_move_draft_submitted_approved_and_only_crmcollab_applies_them()
        {
            Assert.Null(AmendmentRules.CheckTransition(AmendmentState.Draft, AmendmentState.Submitted));
            Assert.Null(AmendmentRules.CheckTransition(AmendmentState.Submitted, AmendmentState.Approved));
            Assert.Contains("Submit it first", AmendmentRules.CheckTransition(AmendmentState.Draft, AmendmentState.Approved));
            Assert.Contains("cannot be set by hand", AmendmentRules.CheckTransition(AmendmentState.Approved, AmendmentState.Applied));
            Assert.Contains("Create a new amendment", AmendmentRules.CheckTransition(AmendmentState.Applied, AmendmentState.Draft));
        }

        [Fact]
        public void The_requester_never_approves_their_own_amendment()
        {
            var rep = Guid.NewGuid();

            Assert.Contains("someone else must approve", AmendmentRules.CheckApprover(rep, rep, true, true));
            Assert.Contains("Only the deal's finance reviewer", AmendmentRules.CheckApprover(Guid.NewGuid(), rep, false, false));
            Assert.Null(AmendmentRules.CheckApprover(Guid.NewGuid(), rep, false, true));
            Assert.Contains("Give the reason", AmendmentRules.CheckContent(" ", true));
            Assert.Contains("at least one new value", AmendmentRules.CheckContent("Customer asked", false));
        }

        [Fact]
        public void A_finance_reviewer_who_owns_or_has_owned_the_deal_does_not_approve_its_amendments_an_administrator_does()
        {
            var rep = Guid.NewGuid();
            bool asked = false;

            Assert.Contains("You own this opportunity, or have owned it", AmendmentRules.CheckApprover(Guid.NewGuid(), rep, false, true, () => true));
            Assert.Null(AmendmentRules.CheckApprover(Guid.NewGuid(), rep, false, true, () => false));
            Assert.Null(AmendmentRules.CheckApprover(Guid.NewGuid(), rep, true, false, () => asked = true)); // an administrator: not asked
            Assert.Contains("Only the deal's finance reviewer", AmendmentRules.CheckApprover(Guid.NewGuid(), rep, false, false, () => asked = true));
            Assert.False(asked);
        }

        [Fact]
        public void A_logistics_task_lists_the_missing_evidence()
        {
            var filled = new HashSet<string> { "crmc_trackingnumber" };

            var missing = EvidenceCheck.Missing(new[] { "crmc_trackingnumber", "crmc_deliveredon" }, filled.Contains);

            Assert.Equal(new[] { "crmc_deliveredon" }, missing);
            Assert.Contains("fill in Delivered on first", EvidenceCheck.RefusalMessage(new[] { "Delivered on" }));
        }

        [Fact]
        public void Entering_propose_needs_the_columns_of_every_stage_up_to_it()
        {
            var requirements = new StageRequirements(new Dictionary<int, IReadOnlyList<string>>
            {
                [1] = new[] { "customerneed" },
                [2] = new[] { "decisionmaker", "estimatedclosedate", "budgetamount" },
                [3] = new[] { "crmc_paymentterms" },
            });
            var filled = new HashSet<string> { "estimatedclosedate" };

            Assert.Equal(new[] { "customerneed", "decisionmaker", "budgetamount" }, requirements.Missing(SalesStage.Propose, filled.Contains));
            Assert.Equal("Before moving to Propose, fill in: Customer need.", StageRequirements.RefusalMessage("Propose", new[] { "Customer need" }));
        }

        [Fact]
        public void Stage_requirements_are_read_from_their_json_and_bad_json_is_explained()
        {
            var stages = new[] { 0, 1, 2, 3 };

            var requirements = StageRequirementsJson.Parse(" {\"1\": [\"CustomerNeed\"], \"2\": [\"budgetamount\", \"customerneed\"]} ", stages);

            Assert.Equal(new[] { "customerneed", "budgetamount" }, requirements.ColumnsUpTo(2));
            Assert.Empty(StageRequirementsJson.Parse("", stages).AllColumns);
            // A stage the setting does not list needs what the stages before it list; a column listed twice is asked once.
            var gapped = StageRequirementsJson.Parse("{\"3\":[\"budgetamount\",\"customerneed\"],\"1\":[\"customerneed\"]}", stages);
            Assert.Empty(gapped.ColumnsUpTo(0));
            Assert.Equal(new[] { "customerneed" }, gapped.ColumnsUpTo(2));
            Assert.Equal(new[] { "customerneed", "budgetamount" }, gapped.ColumnsUpTo(3));
            Assert.Empty(gapped.Missing(3, column => true));
            Assert.Contains("not valid JSON", Assert.Throws<FormatException>(() => StageRequirementsJson.Parse("{\"1\":\"customerneed\"}", stages)).Message);
            Assert.Contains("Unknown sales stage \"9\"", Assert.Throws<FormatException>(() => StageRequirementsJson.Parse("{\"9\":[]}", stages)).Message);
            Assert.Contains("listed twice", Assert.Throws<FormatException>(() => StageRequirementsJson.Parse("{\"1\":[],\"1\":[]}", stages)).Message);
            Assert.Contains("after the closing", Assert.Throws<FormatException>(() => StageRequirementsJson.Parse("{} x", stages)).Message);
        }

        [Fact]
        public void A_rejection_needs_a_comment_and_the_raisers_function_comes_from_their_role()
        {
            Assert.Contains("Say why", AmendmentRules.CheckDecision(AmendmentState.Rejected, " "));
            Assert.Null(AmendmentRules.CheckDecision(AmendmentState.Approved, null));
            Assert.Equal(BusinessFunction.Sav, FieldSignalRules.FunctionOfRoles(new[] { BusinessFunction.Sav }));
            Assert.Equal(BusinessFunction.Adv, FieldSignalRules.FunctionOfRoles(new[] { BusinessFunction.Sav, BusinessFunction.Adv })); // one order, whatever the roles' order
            Assert.Null(FieldSignalRules.FunctionOfRoles(new BusinessFunction[0]));
        }

        [Fact]
        public void Urgent_signals_are_due_sooner_and_leads_create_a_lead()
        {
            var raised = new DateTime(2026, 11, 23, 10, 0, 0);

            Assert.Equal(raised.AddDays(1), FieldSignalRules.AcknowledgementDue(SignalKind.ChurnRisk, raised));
            Assert.Equal(raised.AddDays(2), FieldSignalRules.AcknowledgementDue(SignalKind.Lead, raised));
            Assert.True(FieldSignalRules.CreatesLead(SignalKind.Lead));
            Assert.False(FieldSignalRules.CreatesLead(SignalKind.Complaint));
            Assert.Contains("Name the competitor", FieldSignalRules.CheckContent((int)SignalKind.CompetitorPresence, "Seen at the plant", false, true).Text);
            Assert.Contains("Describe what you saw", FieldSignalRules.CheckContent((int)SignalKind.Lead, "", false, true).Text);
        }
    }

    public class SharedObjectivesTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 1, 8, 0, 0);

        [Fact]
        public void Kpis_match_hand_computed_values_on_a_fixture()
        {
            // Turnarounds 2, 4, 6, 8, 30 hours: median 6; p90 = 8 + 0.6 × (30 − 8) = 21.2 (linear between ranks).
            var reviews = new[] { 2, 4, 6, 8, 30 }.Select(h => new ReviewRecord
            {
                Function = BusinessFunction.Finance, Decision = ReviewDecision.Approved, RequestedOn = T0, DecidedOn = T0.AddHours(h),
            }).ToList();
            reviews.Add(new ReviewRecord { Function = BusinessFunction.Logistics, Decision = ReviewDecision.Pending, RequestedOn = T0, DueOn = T0.AddHours(48) });
            reviews.Add(new ReviewRecord { Function = BusinessFunction.Logistics, Decision = ReviewDecision.Pending, RequestedOn = T0, DueOn = T0.AddHours(500) });
            reviews.Add(new ReviewRecord { Function = BusinessFunction.Logistics, Decision = ReviewDecision.Invalidated, RequestedOn = T0, DecidedOn = T0.AddHours(1) });
            var handoffs = new[]
            {
                new HandoffRecord { Function = BusinessFunction.Adv, CreatedOn = T0, AcceptedOn = T0.AddHours(3), DueOn = T0.AddDays(5), CompletedOn = T0.AddDays(4) },
                new HandoffRecord { Function = BusinessFunction.Adv, CreatedOn = T0, AcceptedOn = T0.AddHours(5), DueOn = T0.AddDays(5), CompletedOn = T0.AddDays(6) },
                new HandoffRecord { Function = BusinessFunction.Logistics, CreatedOn = T0, AcceptedOn = T0.AddHours(10), DueOn = T0.AddDays(10) },
            };
            var signals = new[]
            {
                new SignalRecord { RaisedBy = BusinessFunction.Sav, RaisedOn = T0, AcknowledgedOn = T0.AddHours(2) },
                new SignalRecord { RaisedBy = BusinessFunction.Sav, RaisedOn = T0 },
                new SignalRecord { RaisedBy = BusinessFunction.Logistics, RaisedOn = T0 },
            };

            KpiReport report = SharedObjectives.Compute(reviews, handoffs, signals, wonDeals: 4, amendments: 3, now: T0.AddHours(72));

            Assert.Equal(6, report.ReviewTurnaroundMedianHours);
            Assert.Equal(21.2, report.ReviewTurnaroundP90Hours.Value, 6);
            Assert.Equal(5, report.ReviewsDecided);
            Assert.Equal(1, report.ReviewsOverdue);
            Assert.Equal(5, report.HandoffAcceptanceMedianHours);
            FunctionFigure adv = Assert.Single(report.HandoffsOnTime);
            Assert.Equal((BusinessFunction.Adv, 2, 1), (adv.Function, adv.Total, adv.Part));
            Assert.Equal(0.5, report.SignalsAcknowledged.Single(s => s.Function == BusinessFunction.Sav).Rate);
            Assert.Equal(0.0, report.SignalsAcknowledged.Single(s => s.Function == BusinessFunction.Logistics).Rate);
            Assert.Equal(0.75, report.AmendmentsPerWonDeal);
        }

        [Fact]
        public void Empty_data_gives_no_figures_rather_than_zeros()
        {
            KpiReport report = SharedObjectives.Compute(new ReviewRecord[0], new HandoffRecord[0], new SignalRecord[0], 0, 0, T0);

            Assert.Null(report.ReviewTurnaroundMedianHours);
            Assert.Null(report.AmendmentsPerWonDeal);
            Assert.Empty(report.HandoffsOnTime);
        }
    }
}
