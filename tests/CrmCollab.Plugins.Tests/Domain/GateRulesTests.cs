using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>The gate's rules on their own: which attempts pass, what each refusal says and carries.</summary>
    public class GateRulesTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        private static RequiredReview Needs(BusinessFunction f, int gate = SalesStage.Propose, int trigger = SalesStage.Develop) =>
            new RequiredReview { Function = f, GateStage = gate, TriggerStage = trigger, RelevantColumns = new string[0], RuleNames = new string[0] };

        private static ReviewState Review(BusinessFunction f, ReviewDecision d, int hoursAgo = 1, string who = "Lena") =>
            new ReviewState { Function = f, Decision = d, CreatedOn = Now.AddHours(-hoursAgo), ReviewerName = who, RejectionReason = "No carrier" };

        private static readonly GateAttempt Win = new GateAttempt { FromStage = SalesStage.Propose, ToStage = SalesStage.Propose, Winning = true };

        [Fact]
        public void A_win_with_every_required_function_approved_passes_and_extra_reviews_do_not_matter()
        {
            var required = new[] { Needs(BusinessFunction.Logistics) };
            var reviews = new[] { Review(BusinessFunction.Logistics, ReviewDecision.Approved), Review(BusinessFunction.Finance, ReviewDecision.Pending) };
            Assert.Null(FeasibilityClearance.Check(Win, SalesStage.Propose, required, reviews));
        }

        [Fact]
        public void A_required_function_without_a_current_review_blocks_like_a_pending_one()
        {
            var required = new[] { Needs(BusinessFunction.Logistics), Needs(BusinessFunction.Finance) };
            var reviews = new[] { Review(BusinessFunction.Logistics, ReviewDecision.Approved), Review(BusinessFunction.Finance, ReviewDecision.Invalidated) };

            Refusal refusal = FeasibilityClearance.Check(Win, SalesStage.Qualify, required, reviews);

            Assert.Equal(RefusalCodes.GateReviewMissing, refusal.Code);
            Assert.Contains("needs feasibility reviews from Finance, which are requested at the Develop stage", refusal.Text);
            Assert.Equal(refusal.Code, Refusal.CodeOf(refusal.Message));
        }

        [Fact]
        public void The_newest_current_review_counts_and_a_rejection_names_its_reason()
        {
            var required = new[] { Needs(BusinessFunction.Logistics) };
            var reviews = new[]
            {
                Review(BusinessFunction.Logistics, ReviewDecision.Approved, hoursAgo: 5),
                Review(BusinessFunction.Logistics, ReviewDecision.Rejected, hoursAgo: 1),
            };
            Refusal refusal = FeasibilityClearance.Check(Win, SalesStage.Propose, required, reviews);
            Assert.Equal(RefusalCodes.GateNotCleared, refusal.Code);
            Assert.Contains("Logistics rejected (Lena): No carrier", refusal.Text);
        }

        [Fact]
        public void A_stage_move_is_held_only_by_the_functions_whose_gate_it_crosses()
        {
            var required = new[] { Needs(BusinessFunction.Logistics, gate: SalesStage.Close), Needs(BusinessFunction.Finance) };
            var toPropose = new GateAttempt { FromStage = SalesStage.Develop, ToStage = SalesStage.Propose };
            Refusal refusal = FeasibilityClearance.Check(toPropose, SalesStage.Develop, required, new ReviewState[0]);
            Assert.Contains("Finance", refusal.Text);
            Assert.DoesNotContain("Logistics", refusal.Text);
        }

        [Fact]
        public void A_deals_next_move_through_a_gate_goes_to_the_nearest_gate_ahead_of_it_else_one_stage_on()
        {
            var required = new[] { Needs(BusinessFunction.Logistics, gate: SalesStage.Close), Needs(BusinessFunction.Finance) };

            Assert.Equal(SalesStage.Propose, GateAttempt.NextMove(SalesStage.Qualify, required).ToStage);
            Assert.Equal(SalesStage.Close, GateAttempt.NextMove(SalesStage.Propose, required).ToStage);
            Assert.Equal(SalesStage.Develop, GateAttempt.NextMove(SalesStage.Qualify, new RequiredReview[0]).ToStage);
            Assert.Null(GateAttempt.NextMove(SalesStage.Close, required));
        }

        [Fact]
        public void The_gates_decision_names_each_holding_review_with_its_reason_code_as_its_refusal_does()
        {
            var required = new[] { Needs(BusinessFunction.Logistics), Needs(BusinessFunction.Finance), Needs(BusinessFunction.Adv) };
            var reviews = new[] { Review(BusinessFunction.Logistics, ReviewDecision.Rejected), Review(BusinessFunction.Adv, ReviewDecision.Approved) };

            ClearanceDecision decision = FeasibilityClearance.Decide(Win, SalesStage.Propose, required, reviews);

            Assert.Equal(RefusalCodes.GateNotCleared, decision.Refusal.Code);
            Assert.Equal(new[] { "Logistics:REJECTED", "Finance:MISSING" },
                decision.Blocks.Select(b => b.Function.Label() + ":" + b.Reason));
            Assert.Equal(decision.Refusal.Message, FeasibilityClearance.Check(Win, SalesStage.Propose, required, reviews).Message);
        }

        [Fact]
        public void Only_pending_reviews_of_functions_no_rule_requires_are_withdrawn()
        {
            var reviews = new[]
            {
                Review(BusinessFunction.Logistics, ReviewDecision.Pending), Review(BusinessFunction.Finance, ReviewDecision.Pending),
                Review(BusinessFunction.Sav, ReviewDecision.Approved),
            };
            var stale = StaleReviews.ToWithdraw(reviews, new[] { Needs(BusinessFunction.Finance) });
            Assert.Equal(new[] { BusinessFunction.Logistics }, stale.Select(r => r.Function));
            Assert.False(new ReviewState { Decision = ReviewDecision.Withdrawn }.IsCurrent);
        }

        [Fact]
        public void A_custom_stage_counts_by_the_stage_order_of_its_process()
        {
            Guid qualify = Guid.NewGuid(), develop = Guid.NewGuid(), legal = Guid.NewGuid(), propose = Guid.NewGuid(), stray = Guid.NewGuid();
            var path = new List<PathStage>
            {
                new PathStage { Id = qualify, Category = 0 }, new PathStage { Id = develop, Category = 1 },
                new PathStage { Id = legal, Category = null }, new PathStage { Id = propose, Category = 2 },
            };
            Assert.Equal(SalesStage.Propose, ProcessPath.EffectiveStage(legal, null, path)); // past the trigger: held like the gate
            Assert.Equal(SalesStage.Propose, ProcessPath.EffectiveStage(propose, 2, path));
            Assert.Equal(SalesStage.Close, ProcessPath.EffectiveStage(stray, null, path));
            Assert.Equal(SalesStage.Close, ProcessPath.EffectiveStage(stray, 7, null)); // "Approval" category, no path

            // A flow without any sales category: first stage Qualify … last Close.
            Guid[] plain = { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
            var uncategorised = plain.Select(id => new PathStage { Id = id }).ToList();
            Assert.Equal(new[] { 0, 1, 2, 2, 3 }, plain.Select(id => ProcessPath.EffectiveStage(id, null, uncategorised)));
        }

        [Fact]
        public void Deals_are_created_open_and_only_an_administrator_reopens_or_deletes_a_won_one()
        {
            Assert.Equal(RefusalCodes.CreatedClosed, DealLifecycle.OnCreate(DealLifecycle.Won).Code);
            Assert.Null(DealLifecycle.OnCreate(null));
            Assert.Equal(RefusalCodes.ReopenNotAllowed, DealLifecycle.OnReopen(DealLifecycle.Won, DealLifecycle.Open, false).Code);
            Assert.Null(DealLifecycle.OnReopen(DealLifecycle.Won, DealLifecycle.Open, true));
            Assert.Null(DealLifecycle.OnReopen(DealLifecycle.Lost, DealLifecycle.Open, false));
            Assert.Equal(RefusalCodes.DeleteWonNotAllowed, DealLifecycle.OnDelete(true, false).Code);
            Assert.Null(DealLifecycle.OnDelete(false, false));
            Assert.Equal(RefusalCodes.DeleteWonNotAllowed, DealLifecycle.OnCustomerDelete(true, () => false).Code);
            Assert.Null(DealLifecycle.OnCustomerDelete(true, () => true));
            Assert.Null(DealLifecycle.OnCustomerDelete(false, () => throw new InvalidOperationException("no won deal: no role read")));
            Func<bool> unasked = () => throw new InvalidOperationException("not asked");
            Assert.Equal(RefusalCodes.DeleteWonNotAllowed, DealLifecycle.OnAccountContactsDelete(true, unasked, () => false).Code);
            Assert.StartsWith("Won deals name contacts", DealLifecycle.OnAccountContactsDelete(false, () => true, () => false).Text);
            Assert.Null(DealLifecycle.OnAccountContactsDelete(true, unasked, () => true));
            Assert.Null(DealLifecycle.OnAccountContactsDelete(false, () => false, unasked));
            Assert.Equal(RefusalCodes.MergeWonNotAllowed, DealLifecycle.OnCustomerMerge(true, () => false).Code);
            Assert.Null(DealLifecycle.OnCustomerMerge(true, () => true));
            Assert.Null(DealLifecycle.OnCustomerMerge(false, () => throw new InvalidOperationException("no won deal: no role read")));
        }

        [Fact]
        public void A_lost_deals_flow_moves_no_further_until_it_is_reopened_while_a_won_or_open_deals_is_left_to_the_gate()
        {
            Refusal lost = DealLifecycle.OnMovedForward(DealLifecycle.Lost, "Line 4 retrofit");
            Assert.Equal(RefusalCodes.DealClosed, lost.Code);
            Assert.Contains("'Line 4 retrofit' is lost", lost.Message);
            Assert.Null(DealLifecycle.OnMovedForward(DealLifecycle.Won, "Line 4 retrofit"));
            Assert.Null(DealLifecycle.OnMovedForward(DealLifecycle.Open, "Line 4 retrofit"));
            Assert.Null(DealLifecycle.OnMovedForward(null, "Line 4 retrofit"));
            Assert.StartsWith("This opportunity is lost", DealLifecycle.OnMovedForward(DealLifecycle.Lost, null).Text);
        }

        [Fact]
        public void A_deals_value_is_not_negative_and_its_discount_is_a_percentage()
        {
            Assert.Equal(RefusalCodes.NegativeAmount, DealAmounts.Check(-1m, null).Code);
            Assert.Equal(RefusalCodes.NegativeAmount, DealAmounts.Check(null, 100.5m).Code);
            Assert.Null(DealAmounts.Check(0m, 100m));
            Assert.Null(DealAmounts.Check(null, null));
        }

        [Theory]
        [InlineData("Text. [CRMC-GATE-NOT-CLEARED]", "CRMC-GATE-NOT-CLEARED")]
        [InlineData("Text without code.", null)]
        [InlineData("Text [not a code]", null)]
        [InlineData(null, null)]
        public void A_refusal_code_is_read_from_the_end_of_the_message_only(string message, string code) =>
            Assert.Equal(code, Refusal.CodeOf(message));

        [Fact]
        public void The_detail_carries_each_functions_review_as_escaped_json()
        {
            string json = FeasibilityDetail.ToJson(FeasibilityStatus.Blocked, new[]
            {
                new ReviewState { Function = BusinessFunction.Logistics, Decision = ReviewDecision.Rejected, ReviewerName = "Lena \"L\"",
                    RejectionReason = "No carrier\nbefore March", DueDate = Now },
            });
            Assert.Equal("{\"v\":1,\"status\":100000003,\"items\":[{\"function\":" + (int)BusinessFunction.Logistics +
                ",\"functionLabel\":\"Logistics\",\"decision\":100000003,\"decisionLabel\":\"Rejected\",\"blocking\":true," +
                "\"reviewer\":\"Lena \\\"L\\\"\",\"due\":\"2026-11-23T09:00:00Z\",\"reason\":\"No carrier\\nbefore March\",\"conditions\":null}]}", json);
        }
    }
}
