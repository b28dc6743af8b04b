using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The gate holds a deal whose approval no longer covers its terms, however the move is made: in the same save as
    /// the change of terms, from the gate stage onwards, or through the pipeline phase alone.
    /// </summary>
    public class GateHoldScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public GateHoldScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
        }

        private void ApproveBoth() => _org.ApproveBothReviews(_lena, _fiona, _deal);

        private Entity Deal() => _org.System.Retrieve("opportunity", _deal, new ColumnSet("salesstage", "stepname", "crmc_discountpercent"));
        private int Stage() => Deal().GetAttributeValue<OptionSetValue>("salesstage").Value;
        private int FinanceDecision() => _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void A_bigger_discount_saved_with_the_move_to_propose_cannot_lean_on_the_approval_it_reopens()
        {
            ApproveBoth();
            var both = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m, ["salesstage"] = new OptionSetValue(SalesStage.Propose) };

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(both));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("Finance", refusal);
            Assert.Contains("save the new terms without moving the stage", refusal);
            Assert.DoesNotContain("Logistics", refusal); // its approval watched neither column
            // Nothing of the save is kept: the discount and the approval stand as they were.
            Assert.Equal(SalesStage.Develop, Stage());
            Assert.Equal(10m, Deal().GetAttributeValue<decimal>("crmc_discountpercent"));
            Assert.Equal((int)ReviewDecision.Approved, FinanceDecision());

            // The same through Upsert and in a batch.
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Execute(new UpsertRequest { Target = both }))));
            Assert.Equal(SalesStage.Develop, Stage());

            // Saved as the form asks: the change first, then the new approval, then the move.
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m });
            Assert.Equal((int)ReviewDecision.Pending, FinanceDecision());
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            Assert.Equal(SalesStage.Propose, Stage());
        }

        [Fact]
        public void A_change_that_no_approval_watched_moves_with_the_stage_in_one_save()
        {
            ApproveBoth();
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal)
            {
                ["description"] = "Visit done", ["salesstage"] = new OptionSetValue(SalesStage.Propose),
            });
            Assert.Equal(SalesStage.Propose, Stage());
        }

        [Fact]
        public void A_deal_at_propose_whose_finance_review_reopened_cannot_move_on_to_close()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m });
            Assert.Equal((int)ReviewDecision.Pending, FinanceDecision());

            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Close));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("cannot enter Close", refusal);
            Assert.Equal(SalesStage.Propose, Stage());
            // Going back is always allowed.
            _org.MoveTo(_deal, SalesStage.Develop);
            Assert.Equal(SalesStage.Develop, Stage());
        }

        [Fact]
        public void The_flow_cannot_move_a_deal_at_propose_with_a_reopened_review_on_to_close()
        {
            ApproveBoth();
            Guid flow = _org.System.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId),
            });
            Assert.Equal(SalesStage.Propose, Stage());
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m });

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", flow)
            {
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityCloseStageId),
            }));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Equal(SalesStage.Propose, Stage());
        }

        [Fact]
        public void The_pipeline_phase_alone_cannot_carry_a_deal_past_its_pending_reviews()
        {
            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["stepname"] = "4-Close" }));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.NotEqual("4-Close", Deal().GetAttributeValue<string>("stepname"));
        }
    }
}
