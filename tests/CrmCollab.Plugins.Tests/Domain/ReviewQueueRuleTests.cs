using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A review waits in a queue only while it waits for a decision.</summary>
    public class ReviewQueueRuleTests
    {
        private static readonly ReviewDecision[] Ended =
        {
            ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected,
            ReviewDecision.Invalidated, ReviewDecision.Withdrawn,
        };

        [Fact]
        public void Only_a_pending_review_waits_in_a_queue()
        {
            Assert.True(ReviewQueueRule.WaitsInQueue(ReviewDecision.Pending));
            Assert.All(Ended, d => Assert.False(ReviewQueueRule.WaitsInQueue(d)));
            Assert.Equal(Enum.GetValues(typeof(ReviewDecision)).Length, Ended.Length + 1);
        }

        [Fact]
        public void Every_end_of_the_wait_takes_the_review_out_and_so_does_invalidating_a_decided_one()
        {
            Assert.All(Ended, d => Assert.True(ReviewQueueRule.LeavesQueue(ReviewDecision.Pending, d)));
            Assert.True(ReviewQueueRule.LeavesQueue(ReviewDecision.Approved, ReviewDecision.Invalidated));
            Assert.True(ReviewQueueRule.LeavesQueue(ReviewDecision.Rejected, ReviewDecision.Approved));
        }

        [Fact]
        public void A_decision_that_does_not_change_or_goes_back_to_pending_removes_nothing()
        {
            Assert.All(Ended.Append(ReviewDecision.Pending), d => Assert.False(ReviewQueueRule.LeavesQueue(d, d)));
            Assert.False(ReviewQueueRule.LeavesQueue(ReviewDecision.Approved, ReviewDecision.Pending));
        }
    }
}
