using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class ReviewCoverageTests
    {
        private static WatchedReview Review(BusinessFunction function, ReviewDecision decision, params string[] columns) => new WatchedReview
        {
            Id = Guid.NewGuid(), RelevantColumns = columns,
            State = new ReviewState { Function = function, Decision = decision },
        };

        private static RequiredReview Need(BusinessFunction function, params string[] columns) =>
            new RequiredReview { Function = function, RelevantColumns = columns };

        [Fact]
        public void A_review_covers_what_it_recorded_whatever_the_case_and_order()
        {
            Assert.True(ReviewCoverage.Covers(new[] { "estimatedvalue", "Products" }, new[] { "products", "EstimatedValue" }));
            Assert.False(ReviewCoverage.Covers(new[] { "crmc_discountpercent" }, new[] { "crmc_discountpercent", "estimatedvalue" }));
        }

        [Fact]
        public void Only_current_reviews_of_a_required_function_that_miss_a_column_are_uncovered()
        {
            WatchedReview narrow = Review(BusinessFunction.Finance, ReviewDecision.Approved, "crmc_discountpercent");
            WatchedReview wide = Review(BusinessFunction.Logistics, ReviewDecision.Approved, "products", "crmc_requesteddelivery");
            WatchedReview history = Review(BusinessFunction.Finance, ReviewDecision.Invalidated);
            WatchedReview notRequired = Review(BusinessFunction.Sav, ReviewDecision.Approved);

            var uncovered = ReviewCoverage.Uncovered(new[] { narrow, wide, history, notRequired },
                new[] { Need(BusinessFunction.Finance, "crmc_discountpercent", "estimatedvalue"), Need(BusinessFunction.Logistics, "products") });

            Assert.Equal(new[] { narrow.Id }, uncovered.Select(r => r.Id));
        }

        [Fact]
        public void At_the_gate_an_uncovered_decision_counts_as_superseded_and_a_pending_review_stays_pending()
        {
            WatchedReview approved = Review(BusinessFunction.Finance, ReviewDecision.Approved, "crmc_discountpercent");
            WatchedReview pending = Review(BusinessFunction.Logistics, ReviewDecision.Pending, "products");

            var states = ReviewCoverage.ForAttempt(new[] { approved, pending },
                new[] { Need(BusinessFunction.Finance, "estimatedvalue"), Need(BusinessFunction.Logistics, "crmc_paymentterms") });

            Assert.False(states.Single(s => s.Function == BusinessFunction.Finance).IsCurrent);
            Assert.True(states.Single(s => s.Function == BusinessFunction.Logistics).IsCurrent);
        }
    }
}
