using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An integration keeping the deals' sales flows in step with the ERP moves a flow and sends it whole, its deal named by
    /// the deal's ERP reference (an alternate key the organisation defined on the opportunity). The move is judged on that
    /// deal, as one naming it by id: refused past the gate while its reviews are pending, through once they are approved.
    /// Before, the flow guard read the key's empty id as the deal and the move failed with CRMC-PLATFORM-FAULT.
    /// </summary>
    public class KeyedFlowLookupScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
        });
        private readonly Guid _lena, _fiona, _deal, _flow;

        public KeyedFlowLookupScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.System.Update(new Entity("opportunity", _deal) { ["name"] = "ERP-77" });
            _flow = _org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId);
        }

        private void MoveFlowToPropose() => _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", _flow)
        {
            ["opportunityid"] = new EntityReference("opportunity", "name", "ERP-77"),
            ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId),
        });

        [Fact]
        public void A_flow_moved_with_its_deal_named_by_key_is_held_at_the_gate_then_moves_once_the_reviews_are_approved()
        {
            string refusal = CrmCollabOrg.Refusal(MoveFlowToPropose);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));

            _org.ApproveBothReviews(_lena, _fiona, _deal);
            MoveFlowToPropose();
            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }
    }
}
