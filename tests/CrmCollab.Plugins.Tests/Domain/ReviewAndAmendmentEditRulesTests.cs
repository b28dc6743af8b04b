using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>The fixed order in which a review's and an amendment's changes are checked, and the facts each check asks for.</summary>
    public class ReviewAndAmendmentEditRulesTests
    {
        private static Func<T> Never<T>() => () => throw new InvalidOperationException("This fact must not be asked.");

        private static ReviewEdit Approval() => new ReviewEdit
        {
            ChangesDecision = true, Current = ReviewDecision.Pending, Proposed = ReviewDecision.Approved,
            DealIsWon = () => false, DeciderProblem = () => null,
        };

        [Fact]
        public void A_reviewer_changing_a_server_column_is_refused_before_anything_else_is_looked_at()
        {
            ReviewEdit edit = Approval();
            edit.ChangedServerColumns = new[] { "Opportunity", "Due date" };
            edit.DealIsWon = Never<bool>();
            edit.DeciderProblem = Never<string>();

            Refusal refusal = ReviewEditRules.Check(edit);

            Assert.Equal(RefusalCodes.ReviewServerColumn, refusal.Code);
            Assert.Contains("cannot be edited: Opportunity, Due date.", refusal.Text);
            edit.IsServerCall = () => true;
            edit.DealIsWon = () => false;
            edit.DeciderProblem = () => null;
            Assert.Null(ReviewEditRules.Check(edit)); // CrmCollab's own write
        }

        [Fact]
        public void A_won_deals_review_is_final_but_an_edit_touching_no_decision_asks_nothing()
        {
            ReviewEdit edit = Approval();
            edit.DealIsWon = () => true;
            edit.DeciderProblem = Never<string>();

            Assert.Equal(RefusalCodes.ReviewFrozenOnceWon, ReviewEditRules.Check(edit).Code);
            Assert.Null(ReviewEditRules.Check(new ReviewEdit { DealIsWon = Never<bool>(), DeciderProblem = Never<string>() }));
        }

        [Fact]
        public void The_deals_own_invalidation_passes_while_a_decision_needs_its_text_and_its_reviewer()
        {
            Assert.Null(ReviewEditRules.Check(new ReviewEdit
            {
                ChangesDecision = true, IsCrmCollabInvalidation = () => true, Current = ReviewDecision.Approved, Proposed = ReviewDecision.Invalidated,
                DealIsWon = Never<bool>(), DeciderProblem = Never<string>(),
            }));
            ReviewEdit rejection = Approval();
            rejection.Proposed = ReviewDecision.Rejected;
            Assert.Equal(RefusalCodes.ReviewDecisionIncomplete, ReviewEditRules.Check(rejection).Code);
            ReviewEdit stranger = Approval();
            stranger.DeciderProblem = () => "Only the reviewer this review is assigned to (or a member of its team) can decide it.";
            Assert.Equal(RefusalCodes.ReviewDeciderNotAllowed, ReviewEditRules.Check(stranger).Code);
        }

        [Fact]
        public void A_decided_review_is_not_set_back_to_pending_but_the_reviewer_may_decide_again()
        {
            foreach (ReviewDecision decided in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected })
            {
                ReviewEdit undo = Approval();
                undo.Current = decided;
                undo.Proposed = ReviewDecision.Pending;
                Assert.Equal(RefusalCodes.ReviewDecisionFinal, ReviewEditRules.Check(undo).Code);
            }
            ReviewEdit stranger = Approval();
            stranger.Current = ReviewDecision.Approved;
            stranger.Proposed = ReviewDecision.Pending;
            stranger.DeciderProblem = () => "Only the reviewer this review is assigned to (or a member of its team) can decide it.";
            Assert.Equal(RefusalCodes.ReviewDeciderNotAllowed, ReviewEditRules.Check(stranger).Code);
            ReviewEdit again = Approval();
            again.Current = ReviewDecision.Approved;
            again.Proposed = ReviewDecision.Rejected;
            again.RejectionReason = "Credit line withdrawn";
            Assert.Null(ReviewEditRules.Check(again));
            // An approval never asks whether CrmCollab is invalidating the review.
            ReviewEdit approval = Approval();
            approval.IsCrmCollabInvalidation = Never<bool>();
            Assert.Null(ReviewEditRules.Check(approval));
        }

        [Fact]
        public void A_pending_review_of_a_lost_deal_is_withdrawn_by_its_reviewer_never_decided()
        {
            foreach (ReviewDecision decision in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected })
            {
                var decide = new ReviewEdit
                {
                    ChangesDecision = true, Current = ReviewDecision.Pending, Proposed = decision, Conditions = "c", RejectionReason = "r",
                    DealIsLost = () => true, DeciderProblem = Never<string>(),
                };
                Assert.Equal(RefusalCodes.ReviewDealLost, ReviewEditRules.Check(decide).Code);
            }
            var withdraw = new ReviewEdit { ChangesDecision = true, Current = ReviewDecision.Pending, Proposed = ReviewDecision.Withdrawn, DealIsLost = () => true };
            Assert.Null(ReviewEditRules.Check(withdraw));
            withdraw.DeciderProblem = () => "Only the reviewer decides.";
            Assert.Equal(RefusalCodes.ReviewDeciderNotAllowed, ReviewEditRules.Check(withdraw).Code);
            // On an open deal, or for a decided review, a withdrawal by hand stays CrmCollab's.
            Assert.Equal(RefusalCodes.ReviewDecisionIncomplete, ReviewEditRules.Check(new ReviewEdit
                { ChangesDecision = true, Current = ReviewDecision.Pending, Proposed = ReviewDecision.Withdrawn }).Code);
            Assert.Equal(RefusalCodes.ReviewDecisionIncomplete, ReviewEditRules.Check(new ReviewEdit
                { ChangesDecision = true, Current = ReviewDecision.Approved, Proposed = ReviewDecision.Withdrawn, DealIsLost = () => false }).Code);
        }

        [Fact]
        public void A_decided_review_of_a_lost_deal_stays_as_it_was_lost_for_everyone_until_the_deal_is_reopened()
        {
            foreach (ReviewDecision current in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected })
            foreach (ReviewDecision proposed in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected, ReviewDecision.Withdrawn })
            {
                var edit = new ReviewEdit
                {
                    ChangesDecision = true, Current = current, Proposed = proposed, Conditions = "c", RejectionReason = "r",
                    DealIsLost = () => true, DeciderProblem = Never<string>(),
                };
                Refusal refusal = ReviewEditRules.Check(edit);
                Assert.Equal(RefusalCodes.ReviewDealLost, refusal.Code);
                Assert.StartsWith("This deal was lost, so its feasibility reviews stay as they were when it was lost", refusal.Text);
                edit.DealIsLost = () => false;
                edit.DeciderProblem = () => null;
                if (proposed != ReviewDecision.Withdrawn) Assert.Null(ReviewEditRules.Check(edit));
            }
            // CrmCollab's own re-opening of a lost deal's decision (its terms changed while it was lost) is no decision.
            Assert.Null(ReviewEditRules.Check(new ReviewEdit
            {
                ChangesDecision = true, Current = ReviewDecision.Approved, Proposed = ReviewDecision.Invalidated,
                IsCrmCollabInvalidation = () => true, DealIsLost = Never<bool>(),
            }));
        }

        private static AmendmentEdit Approve() => new AmendmentEdit
        {
            From = AmendmentState.Submitted, To = AmendmentState.Approved, Reason = "Volume deal", ProposesAnyValue = true,
            ApproverProblem = () => null, DealIsWon = () => true,
        };

        [Fact]
        public void An_amendment_keeps_its_deal_and_only_its_author_rewrites_it()
        {
            AmendmentEdit retarget = Approve();
            retarget.ChangesDeal = true;
            retarget.ApproverProblem = Never<string>();
            Assert.Equal(RefusalCodes.AmendmentDealFixed, AmendmentEditRules.Check(retarget).Code);

            var rewrite = new AmendmentEdit
            {
                From = AmendmentState.Submitted, To = AmendmentState.Submitted, ChangesContent = true, CallerIsAuthor = false,
                Reason = "Volume deal", ProposesAnyValue = true, ApproverProblem = Never<string>(), DealIsWon = Never<bool>(),
            };
            Assert.Equal(RefusalCodes.AmendmentAuthorOnly, AmendmentEditRules.Check(rewrite).Code);
            rewrite.CallerIsAuthor = true;
            Assert.Equal(RefusalCodes.AmendmentSubmittedFrozen, AmendmentEditRules.Check(rewrite).Code); // submitted: decided as it is
            rewrite.To = AmendmentState.Draft;
            Assert.Null(AmendmentEditRules.Check(rewrite)); // back to Draft, its author rewrites it
            rewrite.From = AmendmentState.Draft;
            Assert.Null(AmendmentEditRules.Check(rewrite));
        }

        [Fact]
        public void An_amendments_state_is_never_emptied_whoever_sends_it()
        {
            var emptied = new AmendmentEdit
            {
                ClearsState = true, From = AmendmentState.Submitted, To = AmendmentState.Submitted, CallerIsAuthor = true,
                CallerIsAdministrator = () => true, Reason = "Volume deal", ProposesAnyValue = true, ApproverProblem = Never<string>(), DealIsWon = Never<bool>(),
            };
            Refusal refusal = AmendmentEditRules.Check(emptied);
            Assert.Equal(RefusalCodes.AmendmentTransition, refusal.Code);
            Assert.StartsWith("An amendment always has a state", refusal.Text);
            emptied.From = emptied.To = AmendmentState.Draft;
            Assert.Equal(RefusalCodes.AmendmentTransition, AmendmentEditRules.Check(emptied).Code);
            emptied.ClearsState = false;
            Assert.Null(AmendmentEditRules.Check(emptied)); // the state left as it is
        }

        [Fact]
        public void The_approvers_comment_is_written_only_with_the_decision_by_someone_allowed_to_decide()
        {
            var waiting = new AmendmentEdit
            {
                From = AmendmentState.Submitted, To = AmendmentState.Submitted, ChangesApproverComment = true, CallerIsAuthor = true,
                Reason = "Volume deal", ProposesAnyValue = true, ApproverProblem = Never<string>(), DealIsWon = Never<bool>(),
            };
            Assert.Equal(RefusalCodes.AmendmentApproverComment, AmendmentEditRules.Check(waiting).Code);
            waiting.CallerIsAuthor = false;
            waiting.CallerIsAdministrator = () => true;
            Assert.Equal(RefusalCodes.AmendmentApproverComment, AmendmentEditRules.Check(waiting).Code);

            AmendmentEdit rejection = Approve();
            rejection.To = AmendmentState.Rejected;
            rejection.ChangesApproverComment = true;
            rejection.ApproverComment = "Below the floor";
            Assert.Null(AmendmentEditRules.Check(rejection));
            rejection.ApproverProblem = () => "You requested this amendment.";
            Assert.Equal(RefusalCodes.AmendmentApprover, AmendmentEditRules.Check(rejection).Code);

            Assert.Equal(RefusalCodes.AmendmentApproverComment, AmendmentCreateRules.CheckApproverComment(true).Code);
            Assert.Null(AmendmentCreateRules.CheckApproverComment(false));
        }

        [Fact]
        public void An_approval_is_applied_only_while_the_deal_is_won_and_a_decided_amendment_stays()
        {
            AmendmentEdit approval = Approve();
            Assert.Null(AmendmentEditRules.Check(approval));
            approval.DealIsWon = () => false;
            Assert.Equal(RefusalCodes.AmendmentDealNotWon, AmendmentEditRules.Check(approval).Code);
            AmendmentEdit rejection = Approve();
            rejection.To = AmendmentState.Rejected;
            rejection.DealIsWon = Never<bool>();
            Assert.Equal(RefusalCodes.AmendmentContent, AmendmentEditRules.Check(rejection).Code); // no comment

            Assert.Equal(RefusalCodes.AmendmentIsHistory, AmendmentEditRules.CheckDelete(AmendmentState.Applied, false).Code);
            Assert.Equal(RefusalCodes.AmendmentIsHistory, AmendmentEditRules.CheckDelete(AmendmentState.Rejected, false).Code);
            Assert.Null(AmendmentEditRules.CheckDelete(AmendmentState.Draft, false));
            Assert.Null(AmendmentEditRules.CheckDelete(AmendmentState.Applied, true)); // its deal is being deleted
        }
    
        [Fact]
        public void A_decided_review_is_kept_and_a_pending_one_may_go()
        {
            foreach (ReviewDecision decided in new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected,
                ReviewDecision.Invalidated, ReviewDecision.Withdrawn })
            {
                Assert.Equal(RefusalCodes.ReviewIsHistory, ReviewEditRules.CheckDelete(decided, deletedWithItsDeal: false, () => false).Code);
                Assert.Null(ReviewEditRules.CheckDelete(decided, deletedWithItsDeal: true, Never<bool>())); // its deal is being deleted
                Assert.Null(ReviewEditRules.CheckDelete(decided, deletedWithItsDeal: false, () => true)); // CrmCollab's server code
            }
            Assert.Null(ReviewEditRules.CheckDelete(ReviewDecision.Pending, deletedWithItsDeal: false, Never<bool>())); // no WhoAmI
        }
}
}
