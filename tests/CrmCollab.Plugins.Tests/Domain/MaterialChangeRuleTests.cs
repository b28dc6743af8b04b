using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Which reviews a change re-opens, and which changes count as changes at all.</summary>
    public class MaterialChangeRuleTests
    {
        private static WatchedReview Decided(ReviewDecision decision, string columns, IReadOnlyDictionary<string, string> decidedOn)
        {
            var relevant = columns.Split(',');
            return new WatchedReview
            {
                Id = Guid.NewGuid(), RelevantColumns = relevant,
                State = new ReviewState { Function = BusinessFunction.Finance, Decision = decision },
                Fingerprint = TermsFingerprint.Of(relevant, decidedOn),
            };
        }

        [Fact]
        public void A_new_discount_reopens_the_finance_approval_only()
        {
            var before = new Dictionary<string, string> { ["crmc_discountpercent"] = "10", ["crmc_requesteddelivery"] = "2026-12-01" };
            var finance = Decided(ReviewDecision.Approved, "crmc_discountpercent", before);
            var logistics = Decided(ReviewDecision.Approved, "crmc_requesteddelivery", before);
            var now = new Dictionary<string, string>(before) { ["crmc_discountpercent"] = "18" };

            var reopened = MaterialChangeRule.ToInvalidate(true, new[] { finance, logistics }, new[] { "crmc_discountpercent" }, c => now[c]);

            Assert.Equal(new[] { finance.Id }, reopened);
        }

        [Fact]
        public void An_open_or_lost_deals_terms_reopen_its_reviews_a_won_deals_change_only_through_an_amendment()
        {
            Assert.True(MaterialChangeRule.ReopensReviews(CrmCollab.Plugins.Domain.Terms.DealLifecycle.Open));
            Assert.True(MaterialChangeRule.ReopensReviews(CrmCollab.Plugins.Domain.Terms.DealLifecycle.Lost));
            Assert.False(MaterialChangeRule.ReopensReviews(CrmCollab.Plugins.Domain.Terms.DealLifecycle.Won));
        }

        [Fact]
        public void At_a_reopen_only_approvals_of_terms_the_deal_no_longer_has_are_outdated_the_products_aside()
        {
            var then = new Dictionary<string, string> { ["crmc_discountpercent"] = "10", ["crmc_requesteddelivery"] = "2026-12-01", ["products"] = "" };
            var finance = Decided(ReviewDecision.Approved, "crmc_discountpercent", then);
            var logistics = Decided(ReviewDecision.Approved, "crmc_requesteddelivery,products", then);
            var pending = Decided(ReviewDecision.Pending, "crmc_requesteddelivery", then);
            var now = new Dictionary<string, string>(then) { ["crmc_requesteddelivery"] = "2026-12-21" };

            Assert.Equal(new[] { logistics.Id }, MaterialChangeRule.OutdatedAtReopen(new[] { finance, logistics, pending }, c => now[c]));
            Assert.Empty(MaterialChangeRule.OutdatedAtReopen(new[] { finance, logistics }, c => c == "products" ? "a line changed" : then[c]));
        }

        [Fact]
        public void Nothing_is_reopened_on_a_won_deal_by_pending_reviews_or_when_the_value_comes_back()
        {
            var terms = new Dictionary<string, string> { ["crmc_discountpercent"] = "10" };
            var approved = Decided(ReviewDecision.Approved, "crmc_discountpercent", terms);
            var pending = Decided(ReviewDecision.Pending, "crmc_discountpercent", terms);
            Assert.Empty(MaterialChangeRule.ToInvalidate(false, new[] { approved }, new[] { "crmc_discountpercent" }, c => "18"));
            Assert.Empty(MaterialChangeRule.ToInvalidate(true, new[] { pending }, new[] { "crmc_discountpercent" }, c => "18"));
            Assert.Empty(MaterialChangeRule.ToInvalidate(true, new[] { approved }, new[] { "crmc_discountpercent" }, c => terms[c]));
        }

        [Fact]
        public void Re_sending_todays_values_is_no_change_to_a_locked_term()
        {
            var before = new Microsoft.Xrm.Sdk.Entity("opportunity") { ["estimatedvalue"] = new Microsoft.Xrm.Sdk.Money(80000m) };
            var sent = new Microsoft.Xrm.Sdk.Entity("opportunity")
            {
                ["estimatedvalue"] = new Microsoft.Xrm.Sdk.Money(80000m), ["description"] = " ", ["crmc_discountpercent"] = 12m,
            };
            Assert.Equal(new[] { "crmc_discountpercent" }, CrmCollab.Plugins.Data.Changes.Of(sent, before, sent.Attributes.Keys).ToArray());
        }

        [Fact]
        public void A_deal_that_will_need_reviews_has_no_status_until_they_are_requested()
        {
            var finance = new RequiredReview { Function = BusinessFunction.Finance };
            Assert.True(MaterialChangeRule.StatusWaitsForReviews(0, new[] { finance }));
            Assert.False(MaterialChangeRule.StatusWaitsForReviews(1, new[] { finance }));
            Assert.False(MaterialChangeRule.StatusWaitsForReviews(0, new RequiredReview[0]));
        }
    }
}
