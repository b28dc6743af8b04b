using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A decided review stays what it was decided on: its deal, its terms, its due date, and once won, its decision.</summary>
    public class ReviewShortcutScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public ReviewShortcutScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        private Guid Finance => _org.Review(_deal, BusinessFunction.Finance).Id;

        [Fact]
        public void A_reviewer_cannot_move_an_approval_to_another_deal_nor_blank_the_terms_it_watches()
        {
            Guid otherDeal = _org.CustomDeal(_account);
            IOrganizationService fiona = _org.As(_fiona);

            string moved = _org.Refused(RefusalCodes.ReviewServerColumn, () => fiona.Update(new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", otherDeal),
            }), Touched);
            _org.Refused(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpdateMultiple(fiona, new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_relevantcolumns"] = "", ["crmc_termsfingerprint"] = "",
            }), Touched);
            _org.Refused(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InExecuteMultiple(fiona, new UpdateRequest
            {
                Target = new Entity("crmc_feasibilityreview", Finance) { ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering) },
            }), Touched);
            string due = _org.Refused(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpsert(fiona, new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_duedate"] = CrmCollabOrg.Start.AddDays(30),
            }), Touched);

            Assert.StartsWith("These columns of a feasibility review are recorded by CrmCollab when the review is requested or decided, and cannot be edited: Opportunity.", moved);
            Assert.Contains("cannot be edited: Due date.", due);
            // A discount change still re-opens the finance review: the watched terms were kept.
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 25m });
            Assert.Equal((int)ReviewDecision.Pending, ((OptionSetValue)_org.Review(_deal, BusinessFunction.Finance)["crmc_decision"]).Value);
        }

        [Fact]
        public void Once_the_deal_is_won_its_reviews_are_final()
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
            var reject = new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Rejected), ["crmc_rejectionreason"] = "Margin too low after all",
            };

            string refusal = _org.Refused(RefusalCodes.ReviewFrozenOnceWon, () => _org.As(_fiona).Update(reject), Touched);
            _org.Refused(RefusalCodes.ReviewFrozenOnceWon, () => CrmCollabOrg.InExecuteTransaction(_org.As(_fiona), new UpdateRequest { Target = reject }), Touched);
            _org.Refused(RefusalCodes.ReviewFrozenOnceWon, () => _org.As(_org.Admin).Update(new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.ApprovedWithConditions), ["crmc_conditions"] = "Pay upfront",
            }), Touched);

            Assert.Equal("This deal is won, so its feasibility reviews are final and can no longer change. " +
                "If the customer's terms change, raise an amendment on the deal. [CRMC-REVIEW-FROZEN-WON]", refusal);
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }
    
        [Fact]
        public void A_decided_review_cannot_be_deleted_to_ask_again_not_even_by_a_system_administrator()
        {
            Guid sid = _org.User("Sid Sysadmin", "System Administrator");
            Guid rejectedDeal = _org.CustomDeal(_account);
            _org.MoveTo(rejectedDeal, SalesStage.Develop);
            _org.Decide(_lena, _org.Review(rejectedDeal, BusinessFunction.Logistics), ReviewDecision.Rejected, reason: "No carrier for that region");
            Guid rejected = _org.Review(rejectedDeal, BusinessFunction.Logistics).Id;

            string refusal = _org.Refused(RefusalCodes.ReviewIsHistory, () => _org.As(_org.Admin).Delete("crmc_feasibilityreview", rejected), Touched);
            foreach (Guid person in new[] { sid, _org.Admin })
                foreach (Guid review in new[] { rejected, Finance })
                {
                    var delete = new DeleteRequest { Target = new EntityReference("crmc_feasibilityreview", review) };
                    _org.Refused(RefusalCodes.ReviewIsHistory, () => _org.As(person).Delete("crmc_feasibilityreview", review), Touched);
                    _org.Refused(RefusalCodes.ReviewIsHistory, () => CrmCollabOrg.InExecuteMultiple(_org.As(person), delete), Touched);
                    _org.Refused(RefusalCodes.ReviewIsHistory, () => CrmCollabOrg.InExecuteTransaction(_org.As(person), delete), Touched);
                }

            Assert.Equal("This feasibility review has been decided: it is the record of why the deal could (or could not) go ahead, so it cannot be deleted. " +
                "If the deal's terms changed, save them on the deal and CrmCollab asks for a new review. [CRMC-REVIEW-HISTORY]", refusal);
            Guid pending = _org.Review(rejectedDeal, BusinessFunction.Finance).Id;
            _org.As(_org.Admin).Delete("crmc_feasibilityreview", pending); // nobody decided it yet: it may go
            Assert.DoesNotContain(_org.Reviews(rejectedDeal).Entities, r => r.Id == pending);
        }
}
}
