using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class DeskDeciderRuleTests
    {
        private static readonly Func<bool> Yes = () => true, No = () => false;
        private static readonly Func<bool> NotAsked = () => throw new InvalidOperationException("not asked");

        [Fact]
        public void A_review_at_the_desk_is_decided_by_a_reviewer_of_its_function_or_an_administrator_only()
        {
            string refusal = ReviewDecisionRules.CheckDeskDecider(BusinessFunction.Finance, ReviewDecision.Approved, Yes, No, No);
            Assert.StartsWith("This Finance review waits at the unrouted desk for a Finance reviewer", refusal);
            Assert.Contains("Pass it on (Assign) to a Finance reviewer", refusal);
            Assert.Null(ReviewDecisionRules.CheckDeskDecider(BusinessFunction.Finance, ReviewDecision.Rejected, Yes, Yes, NotAsked));
            Assert.Null(ReviewDecisionRules.CheckDeskDecider(BusinessFunction.Finance, ReviewDecision.ApprovedWithConditions, Yes, No, Yes));
        }

        [Fact]
        public void A_review_not_at_the_desk_or_a_withdrawal_asks_nothing_more()
        {
            Assert.Null(ReviewDecisionRules.CheckDeskDecider(BusinessFunction.Finance, ReviewDecision.Approved, No, NotAsked, NotAsked));
            Assert.Null(ReviewDecisionRules.CheckDeskDecider(BusinessFunction.Finance, ReviewDecision.Withdrawn, NotAsked, NotAsked, NotAsked));
        }
    }
}
