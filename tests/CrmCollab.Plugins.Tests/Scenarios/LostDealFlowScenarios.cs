using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lost deal's process flow was left to itself ("a closed deal's flow is history"): the salesperson lost the deal
    /// while its Finance and Logistics reviews were pending at Develop, moved its sales flow on to Propose, and reopened it
    /// (any salesperson may reopen a lost deal). The deal came back with its flow past the gate, the move never judged.
    /// A lost deal's flow now moves no further until the deal is reopened; moving it back stays free.
    /// </summary>
    public class LostDealFlowScenarios
    {
        private static readonly string[] Touched = { "opportunitysalesprocess", "opportunity", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _flow;

        public LostDealFlowScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _flow = _org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId);
            _org.Lose(_deal);
        }

        private void MoveFlow(Guid stage) =>
            _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", _flow) { ["activestageid"] = new EntityReference("processstage", stage) });

        private Guid FlowStage =>
            _org.System.Retrieve("opportunitysalesprocess", _flow, new ColumnSet("activestageid")).GetAttributeValue<EntityReference>("activestageid").Id;

        private void Reopen() => _org.As(_org.Rep).Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
        });

        [Fact]
        public void A_lost_deals_flow_is_not_moved_past_the_gate_to_come_back_there_when_the_deal_is_reopened()
        {
            string refusal = _org.RefusedNamingNoId(RefusalCodes.DealClosed, () => MoveFlow(WellKnownProcesses.OpportunityProposeStageId), Touched);
            Assert.Contains("is lost", refusal);
            Assert.Contains("reopen", refusal);

            Reopen();
            Assert.Equal(WellKnownProcesses.OpportunityDevelopStageId, FlowStage);
            // Reopened, the deal's reviews are asked again and its flow is judged as any open deal's.
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => MoveFlow(WellKnownProcesses.OpportunityProposeStageId))));
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            MoveFlow(WellKnownProcesses.OpportunityProposeStageId);
            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_lost_deal_gets_no_new_flow_started_past_the_gate()
        {
            _org.RefusedNamingNoId(RefusalCodes.DealClosed, () => _org.As(_org.Rep).Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityCloseStageId),
            }), Touched);
        }

        [Fact]
        public void A_lost_deals_flow_may_still_be_moved_back()
        {
            MoveFlow(WellKnownProcesses.OpportunityQualifyStageId);

            Assert.Equal(WellKnownProcesses.OpportunityQualifyStageId, FlowStage);
            Assert.Equal(2, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
