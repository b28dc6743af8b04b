using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class ReviewHandOverTests
    {
        [Fact]
        public void A_review_goes_to_a_reviewer_of_its_function_or_by_an_administrator_or_crmcollabs_own_routing()
        {
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, false, () => true, () => false));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, false, () => false, () => true));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, true, () => false, () => false));

            Refusal refused = ReviewHandOver.Check(BusinessFunction.Finance, false, () => false, () => false);
            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, refused.Code);
            Assert.Contains("reviews for Finance", refused.Message);
        }

        [Fact]
        public void Only_a_pending_review_is_passed_on_a_decided_or_past_one_stays_unless_an_administrator_or_crmcollab_moves_it()
        {
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, false, () => true, () => false));
            foreach (var decided in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected,
                ReviewDecision.Invalidated, ReviewDecision.Withdrawn })
            {
                Assert.Equal(RefusalCodes.ReviewDecidedOwnerKept, ReviewHandOver.Check(BusinessFunction.Finance, decided, false, () => true, () => false).Code);
                Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, decided, false, () => true, () => true));
                Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, decided, true, () => true, () => false));
            }
            Assert.Contains("rejected: it stays", ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Rejected, false, () => true, () => false).Message);
        }

        [Fact]
        public void A_save_that_decides_a_pending_review_gives_it_only_to_its_decider_unless_an_administrator_or_crmcollab_saves_it()
        {
            foreach (var decided in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected })
            {
                Assert.Equal(RefusalCodes.ReviewDecidedOwnerKept,
                    ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, decided, false, false, () => false).Code);
                Assert.Null(ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, decided, true, false, () => false));
                Assert.Null(ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, decided, false, true, () => false));
                Assert.Null(ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, decided, false, false, () => true));
            }
            // Not deciding it: still pending, or withdrawn (a lost deal's), passes on as a pending review does.
            Assert.Null(ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, ReviewDecision.Pending, false, false, () => false));
            Assert.Null(ReviewHandOver.CheckDecidedOnTheWay(ReviewDecision.Pending, ReviewDecision.Withdrawn, false, false, () => false));
        }

        [Fact]
        public void A_review_is_not_passed_on_to_someone_who_sold_the_deal_unless_an_administrator_or_crmcollab_passes_it()
        {
            Refusal refused = ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, false, () => true, () => false, () => true);
            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, refused.Code);
            Assert.Contains("could never decide its Finance review", refused.Text);
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, false, () => true, () => false, () => false));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, false, () => true, () => true, () => true));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, true, () => true, () => false,
                () => throw new System.InvalidOperationException("CrmCollab's routing is not asked")));
            // Not a reviewer of the function: that refusal first, the deal not read.
            Assert.Contains("reviews for Finance", ReviewHandOver.Check(BusinessFunction.Finance, ReviewDecision.Pending, false, () => false, () => false,
                () => throw new System.InvalidOperationException("not asked")).Text);
        }
    }
}
