using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Fiona rejected the finance review of a custom deal (margin too thin) and the salesperson lost it. While it is lost, its
    /// reviews are the record of what held it, as the deal's feasibility status it keeps: a pending one is only withdrawn
    /// (LostBeforeWithdrawalScenarios), and a decided one is not decided again until the deal is reopened.
    /// </summary>
    public class LostDealDecisionScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public LostDealDecisionScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_lena, Logistics, ReviewDecision.Approved);
            _org.Decide(_fiona, Finance, ReviewDecision.Rejected, reason: "Margin too thin at 10% discount");
            _org.Lose(_deal);
        }

        private Entity Finance => _org.Review(_deal, BusinessFunction.Finance);
        private Entity Logistics => _org.Review(_deal, BusinessFunction.Logistics);

        private Entity Approval(Entity review) =>
            new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) };

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_finance_rejection_of_a_lost_deal_is_not_turned_into_an_approval_while_the_deal_is_lost(string channel)
        {
            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDealLost,
                () => CrmCollabOrg.UpdateThrough(channel, _org.As(_fiona), Approval(Finance)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewDealLost,
                () => CrmCollabOrg.UpdateThrough(channel, _org.As(_org.Admin), Approval(Finance)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewDealLost, () => _org.Decide(_lena, Logistics, ReviewDecision.Rejected, reason: "No carrier"), Touched);

            Assert.Equal("This deal was lost, so its feasibility reviews stay as they were when it was lost: the record of what held it. " +
                "If the deal is back in play, reopen it first, then decide the review again. [CRMC-REVIEW-DEAL-LOST]", refusal);
        }

        [Fact]
        public void Reopened_the_deal_is_decided_again_by_finance_and_moves_on()
        {
            _org.As(_org.Rep).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            });

            _org.Decide(_fiona, Finance, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);

            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }
    }
}
