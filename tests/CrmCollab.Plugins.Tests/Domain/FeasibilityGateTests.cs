using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class FeasibilityGateTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        private static readonly FeasibilityRule LogisticsOnCustomAbove50k = new FeasibilityRule
        {
            Name = "Custom deals above 50k: logistics", Function = BusinessFunction.Logistics, MinAmount = 50000m, CustomOnly = true,
            SlaHours = 48, RelevantColumns = new[] { "crmc_requesteddelivery", "products" },
        };
        private static readonly FeasibilityRule FinanceOnCustomAbove50k = new FeasibilityRule
        {
            Name = "Custom deals above 50k: finance", Function = BusinessFunction.Finance, MinAmount = 50000m, CustomOnly = true,
            SlaHours = 24, RelevantColumns = new[] { "crmc_discountpercent", "estimatedvalue" },
        };
        private static readonly FeasibilityRule FinanceOnBigDiscount = new FeasibilityRule
        {
            Name = "Discounts of 15 % or more", Function = BusinessFunction.Finance, MinDiscountPercent = 15m, SlaHours = 72,
            RelevantColumns = new[] { "crmc_paymentterms" },
        };

        private static readonly FeasibilityRule[] Rules = { LogisticsOnCustomAbove50k, FinanceOnCustomAbove50k, FinanceOnBigDiscount };

        [Fact]
        public void A_custom_deal_above_50k_needs_logistics_and_finance_once_each()
        {
            var deal = new DealFacts { Amount = 80000m, IsCustomSolution = true, DiscountPercent = 20m };

            var required = FeasibilityRequirements.For(deal, SalesStage.Develop, Now, Rules);

            Assert.Equal(new[] { BusinessFunction.Logistics, BusinessFunction.Finance }, required.Select(r => r.Function));
            RequiredReview finance = required.Single(r => r.Function == BusinessFunction.Finance);
            Assert.Equal(24, finance.SlaHours);
            Assert.Equal(new[] { "crmc_discountpercent", "estimatedvalue", "crmc_paymentterms" }, finance.RelevantColumns);
        }

        [Fact]
        public void A_standard_deal_below_the_threshold_needs_no_review()
        {
            var deal = new DealFacts { Amount = 20000m, IsCustomSolution = false, DiscountPercent = 5m };

            Assert.Empty(FeasibilityRequirements.For(deal, SalesStage.Develop, Now, Rules));
            Assert.Null(FeasibilityRequirements.GateStage(deal, Now, Rules));
        }

        [Fact]
        public void Reviews_are_not_requested_before_the_trigger_stage()
        {
            var deal = new DealFacts { Amount = 80000m, IsCustomSolution = true };

            Assert.Empty(FeasibilityRequirements.For(deal, SalesStage.Qualify, Now, Rules));
        }

        [Fact]
        public void A_lead_time_rule_applies_only_to_deliveries_promised_within_its_days()
        {
            var rule = new FeasibilityRule { Name = "Rush", Function = BusinessFunction.Operations, MaxLeadDays = 30 };

            Assert.True(rule.Applies(new DealFacts { RequestedDelivery = Now.AddDays(20) }, Now));
            Assert.False(rule.Applies(new DealFacts { RequestedDelivery = Now.AddDays(45) }, Now));
            Assert.False(rule.Applies(new DealFacts(), Now));
        }

        private static ReviewState Review(BusinessFunction function, ReviewDecision decision, int minutesAgo = 0, string reason = null) =>
            new ReviewState { Id = Guid.NewGuid(), Function = function, Decision = decision, RejectionReason = reason, CreatedOn = Now.AddMinutes(-minutesAgo), ReviewerName = function.Label() + " reviewer" };

        [Fact]
        public void The_gate_is_cleared_only_when_every_current_review_is_approved()
        {
            var verdict = FeasibilityGate.Evaluate(new[]
            {
                Review(BusinessFunction.Logistics, ReviewDecision.Approved),
                Review(BusinessFunction.Finance, ReviewDecision.ApprovedWithConditions),
            });

            Assert.Equal(FeasibilityStatus.Cleared, verdict.Status);
            Assert.True(verdict.IsCleared);
            Assert.Empty(verdict.Blocking);
        }

        [Fact]
        public void A_rejected_review_blocks_with_its_reason_in_the_message()
        {
            var verdict = FeasibilityGate.Evaluate(new[]
            {
                Review(BusinessFunction.Logistics, ReviewDecision.Rejected, reason: "No carrier can deliver to site before March"),
                Review(BusinessFunction.Finance, ReviewDecision.Pending),
            });

            Assert.Equal(FeasibilityStatus.Blocked, verdict.Status);
            string message = FeasibilityGate.RefusalMessage(verdict, "be won");
            Assert.Contains("Logistics rejected (Logistics reviewer): No carrier can deliver to site before March", message);
            Assert.Contains("Finance pending", message);
        }

        [Fact]
        public void An_invalidated_review_is_history_and_its_successor_counts()
        {
            var verdict = FeasibilityGate.Evaluate(new[]
            {
                Review(BusinessFunction.Finance, ReviewDecision.Invalidated, minutesAgo: 60),
                Review(BusinessFunction.Finance, ReviewDecision.Pending),
                Review(BusinessFunction.Logistics, ReviewDecision.Approved),
            });

            Assert.Equal(FeasibilityStatus.Pending, verdict.Status);
            Assert.Single(verdict.Blocking);
            Assert.StartsWith("Finance pending", verdict.Blocking[0]);
        }

        [Fact]
        public void Only_a_move_forward_into_or_past_the_gate_stage_or_a_win_crosses_the_gate()
        {
            Assert.True(new GateAttempt { FromStage = SalesStage.Develop, ToStage = SalesStage.Propose }.Crosses(SalesStage.Propose));
            Assert.True(new GateAttempt { FromStage = SalesStage.Qualify, ToStage = SalesStage.Close }.Crosses(SalesStage.Propose));
            Assert.False(new GateAttempt { FromStage = SalesStage.Qualify, ToStage = SalesStage.Develop }.Crosses(SalesStage.Propose));
            // At the gate stage already, moving on still needs its reviews (one may have gone back to pending there).
            Assert.True(new GateAttempt { FromStage = SalesStage.Propose, ToStage = SalesStage.Close }.Crosses(SalesStage.Propose));
            Assert.False(new GateAttempt { FromStage = SalesStage.Close, ToStage = SalesStage.Propose }.Crosses(SalesStage.Propose));
            Assert.False(new GateAttempt { FromStage = SalesStage.Propose, ToStage = SalesStage.Propose }.Crosses(SalesStage.Propose));
            Assert.True(new GateAttempt { FromStage = SalesStage.Close, ToStage = SalesStage.Close, Winning = true }.Crosses(SalesStage.Propose));
        }

        [Fact]
        public void A_deals_stage_is_the_later_of_its_sales_stage_and_its_pipeline_phase()
        {
            Assert.Equal(SalesStage.Close, SalesStage.Of(SalesStage.Develop, "4-Close"));
            Assert.Equal(SalesStage.Propose, SalesStage.Of(SalesStage.Propose, "2-Develop"));
            Assert.Equal(SalesStage.Develop, SalesStage.Of(null, "2-Develop"));
            Assert.Equal(SalesStage.Qualify, SalesStage.Of(SalesStage.Qualify, "a phase of our own"));
            Assert.Null(SalesStage.Of(null, null));
        }

        [Fact]
        public void A_skipped_trigger_stage_tells_the_rep_which_reviews_and_where_to_save_first()
        {
            string message = FeasibilityGate.SkippedReviewsMessage(new GateAttempt { FromStage = SalesStage.Qualify, ToStage = SalesStage.Propose },
                new[] { BusinessFunction.Logistics, BusinessFunction.Finance }, SalesStage.Develop);

            Assert.Equal("This opportunity cannot enter Propose yet: it needs feasibility reviews from Logistics, Finance, which are requested " +
                "at the Develop stage. Save the deal in Develop first, then wait for the reviewers' approval.", message);
        }

        [Fact]
        public void Approved_with_conditions_without_conditions_is_refused_and_rejection_needs_a_reason()
        {
            Assert.Contains("Write the conditions", ReviewDecisionRules.Check(ReviewDecision.Pending, ReviewDecision.ApprovedWithConditions, " ", null));
            Assert.Contains("reason for the rejection", ReviewDecisionRules.Check(ReviewDecision.Pending, ReviewDecision.Rejected, null, null));
            Assert.Contains("invalidated", ReviewDecisionRules.Check(ReviewDecision.Invalidated, ReviewDecision.Approved, null, null));
            Assert.Null(ReviewDecisionRules.Check(ReviewDecision.Pending, ReviewDecision.ApprovedWithConditions, "Delivery in two lots", null));
        }

        [Fact]
        public void The_rep_cannot_approve_their_own_deal()
        {
            var rep = Guid.NewGuid();

            Assert.Contains("You own this opportunity", ReviewDecisionRules.CheckDecider(rep, rep, rep, null, () => false));
            Assert.Null(ReviewDecisionRules.CheckDecider(rep, rep, Guid.NewGuid(), null, () => true));
        }

        [Fact]
        public void A_member_of_the_reviewing_team_may_decide_and_an_outsider_may_not()
        {
            Guid member = Guid.NewGuid(), team = Guid.NewGuid();

            Assert.Null(ReviewDecisionRules.CheckDecider(member, Guid.NewGuid(), team, () => new[] { member }, () => false));
            Assert.Contains("Only the reviewer", ReviewDecisionRules.CheckDecider(Guid.NewGuid(), Guid.NewGuid(), team, () => new[] { member }, () => false));
        }

        [Fact]
        public void The_reviewer_s_roles_and_the_team_s_members_are_asked_only_when_the_answer_depends_on_them()
        {
            Guid rep = Guid.NewGuid(), reviewer = Guid.NewGuid(), team = Guid.NewGuid(), member = Guid.NewGuid();
            Func<bool> rolesNotAsked = () => throw new InvalidOperationException("roles read");
            Func<IEnumerable<Guid>> membersNotAsked = () => throw new InvalidOperationException("members read");

            Assert.Null(ReviewDecisionRules.CheckDecider(reviewer, rep, reviewer, membersNotAsked, rolesNotAsked));
            Assert.Null(ReviewDecisionRules.CheckDecider(member, rep, team, () => new[] { member }, rolesNotAsked));
            Assert.Contains("You own this opportunity", ReviewDecisionRules.CheckDecider(rep, rep, rep, membersNotAsked, () => false));
            Assert.Null(ReviewDecisionRules.CheckDecider(rep, rep, rep, membersNotAsked, () => true));
            Assert.Contains("Only the reviewer", ReviewDecisionRules.CheckDecider(Guid.NewGuid(), rep, team, () => new[] { member }, () => false));
            Assert.Null(ReviewDecisionRules.CheckDecider(Guid.NewGuid(), rep, team, () => new[] { member }, () => true));
        }

        [Fact]
        public void A_member_of_the_team_that_owns_the_deal_decides_none_of_its_reviews_unless_an_administrator()
        {
            Guid desk = Guid.NewGuid(), rep = Guid.NewGuid(), reviewer = Guid.NewGuid();
            Func<IEnumerable<Guid>> deskMembers = () => new[] { rep };

            Assert.Contains("Your team owns this opportunity", ReviewDecisionRules.CheckDecider(rep, desk, rep, null, () => false, deskMembers));
            Assert.Null(ReviewDecisionRules.CheckDecider(rep, desk, rep, null, () => true, deskMembers));
            Assert.Null(ReviewDecisionRules.CheckDecider(reviewer, desk, reviewer, null, () => throw new InvalidOperationException("roles read"), deskMembers));
        }

        [Fact]
        public void A_discount_change_touches_finance_only()
        {
            var changed = new[] { "crmc_discountpercent", "modifiedon" };

            Assert.True(TermsFingerprint.Touches(FinanceOnCustomAbove50k.RelevantColumns, changed));
            Assert.False(TermsFingerprint.Touches(LogisticsOnCustomAbove50k.RelevantColumns, changed));
        }

        [Fact]
        public void The_fingerprint_ignores_column_order_and_sees_value_changes()
        {
            var before = new Dictionary<string, string> { ["estimatedvalue"] = "80000.00", ["crmc_discountpercent"] = "10" };
            var after = new Dictionary<string, string> { ["estimatedvalue"] = "80000.00", ["crmc_discountpercent"] = "12" };

            Assert.Equal(TermsFingerprint.Of(new[] { "estimatedvalue", "crmc_discountpercent" }, before),
                TermsFingerprint.Of(new[] { "crmc_discountpercent", "estimatedvalue" }, before));
            Assert.NotEqual(TermsFingerprint.Of(new[] { "crmc_discountpercent" }, before), TermsFingerprint.Of(new[] { "crmc_discountpercent" }, after));
        }

        [Fact]
        public void Bad_rule_configuration_is_refused_with_every_problem_named()
        {
            var rule = new FeasibilityRule
            {
                Function = BusinessFunction.Finance, MinAmount = -1m, TriggerStage = SalesStage.Propose, GateStage = SalesStage.Develop,
                RelevantColumns = CommaList.Parse("estimatedvalue, crmc_discount, products"),
            };
            var columns = new HashSet<string> { "estimatedvalue", "crmc_discountpercent" };

            var problems = FeasibilityRuleValidator.Check(rule, columns).ToList();

            Assert.Contains(problems, p => p.Contains("cannot be negative"));
            Assert.Contains(problems, p => p.Contains("The gate stage (Develop) must come after the stage that requests the reviews (Propose)"));
            Assert.Contains(problems, p => p.Contains("unknown on the opportunity: crmc_discount."));
            Assert.DoesNotContain(problems, p => p.Contains("would never re-open")); // estimatedvalue and products are watched
        }

        [Theory]
        [InlineData("1-Qualify", SalesStage.Qualify)]
        [InlineData("3-Propose", SalesStage.Propose)]
        [InlineData("2-Propose", SalesStage.Propose)] // a renamed process: the stage it names wins over its number
        [InlineData("Close the deal", SalesStage.Close)]
        [InlineData("3-Negotiate", SalesStage.Propose)] // no stage named: the out-of-the-box numbering
        [InlineData("Negotiate", null)]
        [InlineData("", null)]
        public void A_process_step_name_reads_as_the_stage_it_names_else_by_its_number(string step, int? stage)
        {
            Assert.Equal(stage, SalesStage.FromStepName(step));
        }

        [Fact]
        public void A_relevant_column_whose_change_would_never_reopen_the_review_is_refused()
        {
            var rule = new FeasibilityRule
            {
                Function = BusinessFunction.Finance, TriggerStage = SalesStage.Develop, GateStage = SalesStage.Propose, SlaHours = 24,
                RelevantColumns = CommaList.Parse("closeprobability, crmc_paymentterms, products"),
            };
            var columns = new HashSet<string> { "closeprobability", "crmc_paymentterms", "products" };

            string problem = Assert.Single(FeasibilityRuleValidator.Check(rule, columns));

            Assert.StartsWith("A change of closeprobability would never re-open this review.", problem);
            Assert.Contains("crmc_paymentterms", problem); // the message lists what the admin can choose
        }
    }
}
