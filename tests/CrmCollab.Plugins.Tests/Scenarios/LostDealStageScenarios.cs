using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Tests.Invariants;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lost deal moves on no further until it is reopened — its flow did not (<see cref="LostDealFlowScenarios"/>), and Get
    /// Feasibility Status answers `CRMC-DEAL-CLOSED` for its next move. Its own stage did: the salesperson who lost the deal at
    /// Develop and saved its stage as Propose was told the reviews were missing and that saving the deal would request them
    /// (a lost deal asks for none), and a deal lost with its approvals went on to Propose while lost. Both are now refused as
    /// the flow's move is, through every channel; moving it back stays free.
    /// </summary>
    public class LostDealStageScenarios
    {
        private static readonly string[] Touched = { "opportunity", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public LostDealStageScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        public static TheoryData<int> Channels => new TheoryData<int> { 0, 1, 2, 3, 4, 5 };

        [Theory]
        [MemberData(nameof(Channels))]
        public void A_lost_deal_whose_reviews_were_pending_is_told_to_reopen_it_not_that_a_save_requests_them(int channel)
        {
            _org.Lose(_deal);
            var status = _org.As(_org.Rep).Execute(new OrganizationRequest(FeasibilityStatusApi.ApiName) { ["Target"] = new EntityReference("opportunity", _deal) });

            string refusal = _org.RefusedNamingNoId(RefusalCodes.DealClosed, () => FuzzChannel.Update(_org.As(_org.Rep),
                new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }, channel), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealClosed, () => FuzzChannel.Update(_org.As(_org.Rep),
                new Entity("opportunity", _deal) { ["stepname"] = "3-Propose" }, channel), Touched);

            Assert.Equal(RefusalCodes.DealClosed, status.Results[FeasibilityStatusApi.MoveCode]);
            Assert.Contains("is lost", refusal);
            Assert.Contains("reopen", refusal);
            Assert.DoesNotContain("requests them when the deal is saved", refusal);
        }

        [Fact]
        public void A_deal_lost_with_its_approvals_moves_on_only_once_reopened_and_back_freely_meanwhile()
        {
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            _org.Lose(_deal);

            _org.RefusedNamingNoId(RefusalCodes.DealClosed, () => _org.MoveTo(_deal, SalesStage.Propose), Touched);
            _org.MoveTo(_deal, SalesStage.Qualify);
            _org.As(_org.Rep).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });
            _org.MoveTo(_deal, SalesStage.Propose);

            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
            Assert.NotEqual(Guid.Empty, _account);
        }
    }
}
