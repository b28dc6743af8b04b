using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A function's word is its newest current review; two made at the same instant count as the less favourable.</summary>
    public class NewestReviewsTests
    {
        private static readonly DateTime Second = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        private static ReviewState Finance(ReviewDecision decision, DateTime createdOn, string id) => new ReviewState
        {
            Id = Guid.Parse(id), Function = BusinessFunction.Finance, Decision = decision, CreatedOn = createdOn,
        };

        [Fact]
        public void The_newest_finance_review_is_finances_word()
        {
            var older = Finance(ReviewDecision.Pending, Second.AddHours(-1), "00000000-0000-0000-0000-000000000001");
            var newer = Finance(ReviewDecision.Approved, Second, "00000000-0000-0000-0000-000000000002");

            Assert.Same(newer, NewestReviews.PerFunction(new[] { older, newer }).Single());
            Assert.True(FeasibilityGate.Evaluate(new[] { older, newer }).IsCleared);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_pending_finance_review_made_in_the_second_of_an_approval_holds_the_deal_whatever_order_they_are_read_in(bool approvalFirst)
        {
            var approval = Finance(ReviewDecision.Approved, Second, "ffffffff-0000-0000-0000-000000000000");
            var byHand = Finance(ReviewDecision.Pending, Second, "00000000-0000-0000-0000-000000000001");
            var read = approvalFirst ? new[] { approval, byHand } : new[] { byHand, approval };

            Assert.Same(byHand, NewestReviews.PerFunction(read).Single());
            Assert.Equal(FeasibilityStatus.Pending, FeasibilityGate.Evaluate(read).Status);
            var attempt = new GateAttempt { FromStage = SalesStage.Develop, ToStage = SalesStage.Propose };
            var required = new[] { new RequiredReview { Function = BusinessFunction.Finance, GateStage = SalesStage.Propose, RelevantColumns = new string[0] } };
            Assert.NotNull(FeasibilityClearance.Check(attempt, SalesStage.Develop, required, read));
        }

        [Fact]
        public void A_rejection_and_an_approval_of_the_same_second_block_the_deal()
        {
            var approval = Finance(ReviewDecision.ApprovedWithConditions, Second, "00000000-0000-0000-0000-000000000001");
            var rejection = Finance(ReviewDecision.Rejected, Second, "ffffffff-0000-0000-0000-000000000000");

            Assert.Equal(FeasibilityStatus.Blocked, FeasibilityGate.Evaluate(new[] { approval, rejection }).Status);
        }

        [Fact]
        public void Withdrawn_and_invalidated_reviews_are_no_word_at_all()
        {
            var withdrawn = Finance(ReviewDecision.Withdrawn, Second, "00000000-0000-0000-0000-000000000001");
            var invalidated = Finance(ReviewDecision.Invalidated, Second, "00000000-0000-0000-0000-000000000002");

            Assert.Empty(NewestReviews.PerFunction(new[] { withdrawn, invalidated }));
        }
    }
}
