using System;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class OwnDealApprovalsTests
    {
        private static readonly Guid Owner = Guid.NewGuid(), Reviewer = Guid.NewGuid(), AdminOwner = Guid.NewGuid();

        private static ReviewState Decided(ReviewDecision decision, Guid? by) =>
            new ReviewState { Id = Guid.NewGuid(), Decision = decision, DecidedBy = by };

        [Fact]
        public void Only_an_approval_by_who_owns_the_deal_now_is_not_counted_unless_they_are_an_administrator()
        {
            var byOwner = Decided(ReviewDecision.Approved, Owner);
            var withConditionsByOwner = Decided(ReviewDecision.ApprovedWithConditions, Owner);
            var rejectedByOwner = Decided(ReviewDecision.Rejected, Owner);
            var byReviewer = Decided(ReviewDecision.Approved, Reviewer);
            var byAdministrator = Decided(ReviewDecision.Approved, AdminOwner);
            var unstamped = Decided(ReviewDecision.Approved, null);
            int administratorQuestions = 0;

            var notCounted = OwnDealApprovals.Of(new[] { byOwner, withConditionsByOwner, rejectedByOwner, byReviewer, byAdministrator, unstamped },
                user => user == Owner || user == AdminOwner, user => { administratorQuestions++; return user == AdminOwner; });

            Assert.Equal(new[] { byOwner.Id, withConditionsByOwner.Id }, notCounted);
            Assert.Equal(3, administratorQuestions); // asked only of owners who approved
        }

        [Fact]
        public void An_approval_by_who_owned_the_deal_when_the_review_was_asked_is_not_counted_though_a_colleague_owns_it_now_unless_an_administrator()
        {
            Guid colleague = Guid.NewGuid();
            ReviewState AskedOf(Guid? ownerAtRequest, Guid by)
            {
                ReviewState review = Decided(ReviewDecision.Approved, by);
                review.DealOwnerAtRequest = ownerAtRequest;
                return review;
            }
            var byFormerOwner = AskedOf(Owner, Owner);
            var byFormerOwnerAdministrator = AskedOf(AdminOwner, AdminOwner);
            var byReviewer = AskedOf(Owner, Reviewer);
            var askedBeforeTheStamp = AskedOf(null, Owner);

            var notCounted = OwnDealApprovals.Of(new[] { byFormerOwner, byFormerOwnerAdministrator, byReviewer, askedBeforeTheStamp },
                user => user == colleague, user => user == AdminOwner);

            Assert.Equal(new[] { byFormerOwner.Id }, notCounted);
        }

        [Fact]
        public void An_approval_by_anyone_who_has_owned_the_deal_is_not_counted_even_when_they_handed_it_on_before_the_review_was_asked()
        {
            Guid colleague = Guid.NewGuid();
            ReviewState AskedOfColleague(Guid by)
            {
                ReviewState review = Decided(ReviewDecision.Approved, by);
                review.DealOwnerAtRequest = colleague; // handed on before the request: the stamp names the colleague
                return review;
            }
            var byFormerOwner = AskedOfColleague(Owner);
            var byFormerOwnerAdministrator = AskedOfColleague(AdminOwner);
            var byReviewer = AskedOfColleague(Reviewer);
            string history = DealOwnerHistory.With(null, Owner, AdminOwner, colleague);

            var notCounted = OwnDealApprovals.Of(new[] { byFormerOwner, byFormerOwnerAdministrator, byReviewer },
                user => user == colleague, user => user == AdminOwner, DealOwnerHistory.Parse(history));
            var withoutHistory = OwnDealApprovals.Of(new[] { byFormerOwner, byReviewer }, user => user == colleague, user => false);

            Assert.Equal(new[] { byFormerOwner.Id }, notCounted);
            Assert.Empty(withoutHistory); // a deal never handed on since the record began is judged as before
        }

        [Fact]
        public void The_owner_history_adds_each_user_once_in_the_order_they_owned_the_deal_and_says_when_nothing_is_new()
        {
            Guid colleague = Guid.NewGuid();
            string first = DealOwnerHistory.With(null, Owner, colleague);
            string again = DealOwnerHistory.With(first, colleague, Owner, null);
            string back = DealOwnerHistory.With(first, colleague, Reviewer);

            Assert.Equal(new[] { Owner, colleague }, DealOwnerHistory.Parse(first));
            Assert.Null(again);
            Assert.Equal(new[] { Owner, colleague, Reviewer }, DealOwnerHistory.Parse(back));
            Assert.Empty(DealOwnerHistory.Parse(null));
            Assert.Empty(DealOwnerHistory.Parse("not an id,"));
            Assert.Null(DealOwnerHistory.With(null, null, (Guid?)null)); // a team-owned deal's owners are not recorded
        }
    }
}
