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
    }
}
