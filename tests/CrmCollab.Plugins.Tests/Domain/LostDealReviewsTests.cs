using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>What a lost deal withdraws, and the reason its reviewers and salesperson read.</summary>
    public class LostDealReviewsTests
    {
        private static readonly DateTime LostOn = new DateTime(2026, 3, 4, 17, 30, 0, DateTimeKind.Utc);

        private static ReviewState Review(BusinessFunction function, ReviewDecision decision) =>
            new ReviewState { Id = Guid.NewGuid(), Function = function, Decision = decision, CreatedOn = LostOn.AddDays(-3) };

        [Fact]
        public void Only_the_reviews_still_waiting_for_a_decision_are_withdrawn()
        {
            var pendingLogistics = Review(BusinessFunction.Logistics, ReviewDecision.Pending);
            var pendingAdv = Review(BusinessFunction.Adv, ReviewDecision.Pending);
            var reviews = new[]
            {
                pendingLogistics,
                Review(BusinessFunction.Finance, ReviewDecision.Approved),
                Review(BusinessFunction.Operations, ReviewDecision.ApprovedWithConditions),
                Review(BusinessFunction.Engineering, ReviewDecision.Rejected),
                Review(BusinessFunction.Logistics, ReviewDecision.Invalidated),
                Review(BusinessFunction.Sav, ReviewDecision.Withdrawn),
                pendingAdv,
            };

            var withdrawn = LostDealReviews.ToWithdraw(reviews);

            Assert.Equal(new[] { pendingLogistics.Id, pendingAdv.Id }, withdrawn.Select(r => r.Id));
        }

        [Fact]
        public void A_deal_whose_reviews_are_all_decided_or_without_reviews_withdraws_nothing()
        {
            Assert.Empty(LostDealReviews.ToWithdraw(new ReviewState[0]));
            Assert.Empty(LostDealReviews.ToWithdraw(new[]
            {
                Review(BusinessFunction.Finance, ReviewDecision.Approved), Review(BusinessFunction.Logistics, ReviewDecision.Rejected),
            }));
        }

        [Fact]
        public void The_reason_says_when_the_deal_was_lost_and_what_a_reopen_does()
        {
            string reason = LostDealReviews.Reason(LostOn);

            Assert.Equal("Withdrawn: the deal was lost on 2026-03-04 (UTC), so this review no longer needs a decision. " +
                "If the deal is reopened and still needs it, CrmCollab asks for a new review.", reason);
            Assert.Equal(LostDealReviews.Reason(LostOn.Date), reason); // the day, not the time of day
        }

        [Fact]
        public void Without_the_close_date_the_reason_says_the_deal_was_lost_without_inventing_a_day()
        {
            Assert.Equal("Withdrawn: the deal was lost, so this review no longer needs a decision. " +
                "If the deal is reopened and still needs it, CrmCollab asks for a new review.", LostDealReviews.Reason(null));
        }
    }
}
