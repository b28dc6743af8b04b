using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class OutdatedDecisionsTests
    {
        private static readonly Dictionary<string, string> Terms = new Dictionary<string, string>
        {
            ["crmc_discountpercent"] = "10", ["estimatedvalue"] = "80000.00", ["products"] = "",
        };

        private static WatchedReview Review(ReviewDecision decision, string fingerprint, params string[] columns) => new WatchedReview
        {
            Id = Guid.NewGuid(),
            State = new ReviewState { Function = BusinessFunction.Finance, Decision = decision },
            RelevantColumns = columns,
            Fingerprint = fingerprint,
        };

        private static string Print(IReadOnlyDictionary<string, string> values, params string[] columns) => TermsFingerprint.Of(columns, values);

        [Fact]
        public void A_decision_is_outdated_when_the_terms_it_watched_are_no_longer_the_ones_it_was_made_on()
        {
            var approvedAt5 = Review(ReviewDecision.Approved, Print(new Dictionary<string, string> { ["crmc_discountpercent"] = "5", ["estimatedvalue"] = "80000.00" },
                "crmc_discountpercent", "estimatedvalue"), "crmc_discountpercent", "estimatedvalue");
            var approvedNow = Review(ReviewDecision.Approved, Print(Terms, "crmc_discountpercent", "estimatedvalue"), "crmc_discountpercent", "estimatedvalue");
            var rejectedAt5 = Review(ReviewDecision.Rejected, approvedAt5.Fingerprint, "crmc_discountpercent", "estimatedvalue");
            var products = Review(ReviewDecision.Approved, Print(Terms, "products"), "products");

            var outdated = OutdatedDecisions.Of(new[] { approvedAt5, approvedNow, rejectedAt5, products }, c => Terms.TryGetValue(c, out string v) ? v : "");

            Assert.Equal(new[] { approvedAt5.Id, rejectedAt5.Id }, outdated);
        }

        [Fact]
        public void A_watched_column_listed_more_than_once_is_read_once_as_its_fingerprint_lists_it()
        {
            var approvedNow = Review(ReviewDecision.Approved, Print(Terms, "crmc_discountpercent"), "crmc_discountpercent", "CRMC_DiscountPercent", "crmc_discountpercent");

            Assert.Empty(OutdatedDecisions.Of(new[] { approvedNow }, c => Terms.TryGetValue(c, out string v) ? v : ""));
        }

        [Fact]
        public void Pending_history_and_unfingerprinted_reviews_are_never_outdated()
        {
            var pending = Review(ReviewDecision.Pending, "x", "crmc_discountpercent");
            var invalidated = Review(ReviewDecision.Invalidated, "x", "crmc_discountpercent");
            var legacy = Review(ReviewDecision.Approved, null, "crmc_discountpercent");

            Assert.Empty(OutdatedDecisions.Of(new[] { pending, invalidated, legacy }, c => Terms.TryGetValue(c, out string v) ? v : ""));
        }
    }
}
