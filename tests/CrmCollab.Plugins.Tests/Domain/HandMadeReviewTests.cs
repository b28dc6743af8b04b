using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A review created by hand: what it may bring, and what CrmCollab records on it.</summary>
    public class HandMadeReviewTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        private static readonly string[] Sent = { "Relevant columns" };

        private static Func<bool> Never() => () => throw new InvalidOperationException("This fact must not be asked.");

        private static FeasibilityRule Rule(BusinessFunction function, string columns, decimal? minAmount = null, int gate = SalesStage.Propose, int sla = 48) =>
            new FeasibilityRule
            {
                Name = function + " " + columns, Function = function, RelevantColumns = columns.Split(','), MinAmount = minAmount,
                GateStage = gate, SlaHours = sla,
            };

        [Fact]
        public void A_create_bringing_the_columns_CrmCollab_records_is_refused_unless_CrmCollab_makes_it_after_the_decision_status_deal_and_function()
        {
            Assert.Equal(RefusalCodes.ReviewServerColumn, ReviewEditRules.CheckCreate(null, false, Sent, () => false).Code);
            Assert.Null(ReviewEditRules.CheckCreate(null, false, Sent, () => true));
            Assert.Null(ReviewEditRules.CheckCreate(null, false, new string[0], Never())); // nothing sent: nobody is asked who calls
            Assert.Equal(RefusalCodes.ReviewCreatedInactive, ReviewEditRules.CheckCreate(null, true, Sent, Never()).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedDecided, ReviewEditRules.CheckCreate((int)ReviewDecision.Approved, true, Sent, Never()).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedIncomplete, ReviewEditRules.CheckCreate(null, false, Sent, Never(), namesDealAndFunction: false).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedInactive, ReviewEditRules.CheckCreate(null, true, Sent, Never(), namesDealAndFunction: false).Code);
            Assert.EndsWith("cannot be set by hand: Relevant columns. Leave them empty: CrmCollab records them from the feasibility rules when the review is saved.",
                ReviewEditRules.CheckCreate(null, false, Sent, () => false).Text);
        }

        [Fact]
        public void A_review_of_a_function_the_deal_needs_watches_what_the_rules_that_apply_watch()
        {
            var rules = new[]
            {
                Rule(BusinessFunction.Finance, "estimatedvalue", minAmount: 50000m, sla: 24),
                Rule(BusinessFunction.Finance, "crmc_discountpercent", minAmount: 50000m, gate: SalesStage.Close, sla: 72),
                Rule(BusinessFunction.Finance, "crmc_paymentterms", minAmount: 500000m, gate: SalesStage.Develop, sla: 8), // does not apply
            };

            ReviewBasis basis = HandMadeReview.Record(BusinessFunction.Finance, new DealFacts { Amount = 80000m }, rules, Now);

            Assert.Equal(new[] { "estimatedvalue", "crmc_discountpercent" }, basis.RelevantColumns);
            Assert.Equal(SalesStage.Propose, basis.GateStage);
            Assert.Equal(Now.AddHours(24), basis.DueDate);
        }

        [Fact]
        public void An_opinion_no_rule_asks_for_still_watches_every_term_its_function_reviews()
        {
            var rules = new[]
            {
                Rule(BusinessFunction.Logistics, "crmc_requesteddelivery", minAmount: 500000m, gate: SalesStage.Close, sla: 96),
                Rule(BusinessFunction.Logistics, "products,crmc_requesteddelivery", minAmount: 900000m, sla: 72),
                Rule(BusinessFunction.Finance, "estimatedvalue"), // another function's rule
            };

            ReviewBasis opinion = HandMadeReview.Record(BusinessFunction.Logistics, new DealFacts { Amount = 1000m }, rules, Now);
            ReviewBasis unruled = HandMadeReview.Record(BusinessFunction.Engineering, new DealFacts { Amount = 1000m }, rules, Now);

            Assert.Equal(new[] { "crmc_requesteddelivery", "products" }, opinion.RelevantColumns);
            Assert.Equal(SalesStage.Propose, opinion.GateStage);
            Assert.Equal(Now.AddHours(72), opinion.DueDate);
            Assert.Empty(unruled.RelevantColumns);
            Assert.Equal(SalesStage.Propose, unruled.GateStage);
            Assert.Equal(Now.AddHours(48), unruled.DueDate);
        }

        [Fact]
        public void A_review_is_made_by_hand_on_an_open_deal_only()
        {
            Assert.Null(HandMadeReview.CheckDeal(0));
            Assert.Null(HandMadeReview.CheckDeal(null));
            Assert.Equal(RefusalCodes.ReviewDealClosed, HandMadeReview.CheckDeal(1).Code);
            Assert.Equal(RefusalCodes.ReviewDealClosed, HandMadeReview.CheckDeal(2).Code);
            Assert.Equal(RefusalCodes.ReviewCreatedIncomplete, HandMadeReview.CheckDeal(null, exists: false).Code);
        }
    }
}
