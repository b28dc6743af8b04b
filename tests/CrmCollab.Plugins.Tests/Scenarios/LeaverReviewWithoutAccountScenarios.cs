using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A pending review whose deal lost its account (the customer changed to a contact without one) cannot be routed:
    /// when its reviewer leaves, it stays with them, noted and held like any review nobody can take, and the note names the
    /// one thing that moves it — giving the deal an account.
    /// </summary>
    public class LeaverReviewWithoutAccountScenarios
    {
        private const string Hold = "crmc_routinghold";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void Leaves(Guid user)
        {
            _org.Setup.DisableUser(user);
            _org.Engine.DrainAsync();
        }

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        private static int? HoldOf(Entity row) => row.GetAttributeValue<OptionSetValue>(Hold)?.Value;

        private Entity LogisticsReview(Guid deal) =>
            _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", "crmc_routingpath", Hold);

        /// <summary>Lena's logistics review is pending on a custom deal whose customer is now a walk-in contact with no account.</summary>
        private (Guid Lena, Guid Deal) ReviewOfADealWithoutAccount() => ReviewOfADealWithoutAccount(out _);

        /// <param name="contoso">The account the deal had, whose logistics owner Lena is, with no backup.</param>
        private (Guid Lena, Guid Deal) ReviewOfADealWithoutAccount(out Guid contoso)
        {
            (Guid lena, Guid _, Guid account, Guid deal) = _org.CustomDealAwaitingReviews();
            contoso = account;
            Guid walkIn = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Walker" });
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", walkIn) });
            _org.Engine.DrainAsync();
            Assert.Equal(lena, OwnerOf(LogisticsReview(deal)));
            return (lena, deal);
        }

        [Fact]
        public void A_reviewer_who_leaves_a_deal_without_an_account_leaves_the_review_held_until_the_deal_is_given_one()
        {
            var (lena, deal) = ReviewOfADealWithoutAccount();

            Leaves(lena);

            Entity review = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(review)); // nobody can be routed: it stays with her, among the work held by leavers
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(review));
            string path = review.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("the deal has no account to route by", path);
            Assert.Contains("is disabled and nobody can take it", path);
            Assert.EndsWith("until the deal is given an account", path);
            Assert.DoesNotContain("dedicated owner", path); // no account's owner to set: the note names what moves it

            // The salesperson gives the deal an account: its logistics reviewer takes the review, no longer held.
            Guid leo = _org.User("Leo Logistics", "CrmCollab Reviewer");
            Guid fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(fabrikam, BusinessFunction.Logistics, user: leo);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", fabrikam) });
            _org.Engine.DrainAsync();

            review = LogisticsReview(deal);
            Assert.Equal(leo, OwnerOf(review));
            Assert.Null(HoldOf(review));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_given_back_the_account_whose_reviewer_left_keeps_the_review_held_with_a_note_that_no_longer_asks_for_an_account()
        {
            var (lena, deal) = ReviewOfADealWithoutAccount(out Guid contoso);
            Leaves(lena);

            // The account it had again: Lena, who left, is still its logistics owner, with no backup. Nobody can take it.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", contoso) });
            _org.Engine.DrainAsync();

            Entity review = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(review));
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(review));
            string path = review.GetAttributeValue<string>("crmc_routingpath");
            Assert.DoesNotContain("no account", path);
            Assert.Contains("until an administrator sets the account's dedicated owner", path);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_reviewer_who_comes_back_to_a_deal_without_an_account_has_the_review_no_longer_held()
        {
            var (lena, deal) = ReviewOfADealWithoutAccount();
            Leaves(lena);

            _org.Setup.EnableUser(lena);
            _org.Engine.DrainAsync();

            Entity review = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(review));
            Assert.Null(HoldOf(review));
            string path = review.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("enabled again", path);
            Assert.DoesNotContain("disabled owner", path);
            Assert.EndsWith("until the deal is given an account", path);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void After_an_upgrade_a_review_an_earlier_version_left_unmarked_is_held_when_anyone_is_enabled()
        {
            var (lena, deal) = ReviewOfADealWithoutAccount();
            Leaves(lena);
            Guid review = LogisticsReview(deal).Id;
            // As an earlier version left it: still hers, with the path it had, no hold.
            _org.System.Update(new Entity("crmc_feasibilityreview", review) { [Hold] = null, ["crmc_routingpath"] = "Logistics: dedicated owner of account Contoso → user Lena Logistics" });

            Guid newcomer = _org.User("Nina New", "CrmCollab Salesperson", _org.Sales);
            Leaves(newcomer);
            _org.Setup.EnableUser(newcomer);
            _org.Engine.DrainAsync();

            Entity held = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(held));
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(held));
            Assert.EndsWith("until the deal is given an account", held.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Each_later_enable_leaves_a_held_review_of_a_deal_without_an_account_as_it_is()
        {
            var (lena, deal) = ReviewOfADealWithoutAccount();
            Leaves(lena);
            Entity held = LogisticsReview(deal);

            _org.Engine.Clock.Advance(TimeSpan.FromDays(2));
            Guid newcomer = _org.User("Nina New", "CrmCollab Salesperson", _org.Sales);
            Leaves(newcomer);
            _org.Setup.EnableUser(newcomer);
            _org.Engine.DrainAsync();

            Entity after = _org.Row("crmc_feasibilityreview", held.Id, "ownerid", "crmc_routingpath", Hold, "modifiedon");
            Assert.Equal(held.GetAttributeValue<string>("crmc_routingpath"), after.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(after));
            Assert.Equal(lena, OwnerOf(after));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
