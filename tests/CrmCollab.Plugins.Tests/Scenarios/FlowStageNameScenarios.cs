using System;
using System.IO;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Tooling.Registration;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A business process flow's stages carry the names an administrator gives them ("Offer" for Propose, a "Legal check"
    /// without a sales category). Before, a move of the flow refused by the gate told the salesperson the deal "cannot enter
    /// Propose" — a stage the flow they clicked does not show — and the data the stage asks for was checked only after the
    /// gate, by the deal's own save the move makes, so a flow move reported the reviews where the deal's own move and the
    /// Get Feasibility Status step report the missing data first, and named the sales stage there too. The flow's move is
    /// now judged as the deal's: first the data that stage asks for, then the gate, each naming the stage as the flow shows it.
    /// </summary>
    public class FlowStageNameScenarios
    {
        private static readonly string[] Touched = { "opportunity", "crmc_feasibilityreview", "opportunitysalesprocess" };

        private static void Move(IOrganizationService service, string table, Guid flow, Guid stage) =>
            service.Update(new Entity(table, flow) { ["activestageid"] = new EntityReference("processstage", stage) });

        [Fact]
        public void A_renamed_out_of_box_stage_is_named_as_the_flow_shows_it_when_the_gate_holds_the_move()
        {
            var org = new CrmCollabOrg();
            var (_, _, _, deal) = org.CustomDealAwaitingReviews();
            org.System.Update(new Entity("processstage", WellKnownProcesses.OpportunityProposeStageId) { ["stagename"] = "Offer" });
            Guid flow = org.SalesFlowAt(deal, WellKnownProcesses.OpportunityDevelopStageId);

            string refusal = org.RefusedNamingNoId(RefusalCodes.GateNotCleared,
                () => Move(org.As(org.Rep), "opportunitysalesprocess", flow, WellKnownProcesses.OpportunityProposeStageId), Touched);

            Assert.Contains("cannot enter Offer", refusal);
            Assert.DoesNotContain("Propose", refusal);
        }

        [Fact]
        public void A_flow_move_into_a_stage_missing_its_data_names_the_data_first_as_the_deals_own_move_and_the_status_step_do()
        {
            var org = new CrmCollabOrg();
            var (_, _, _, deal) = org.CustomDealAwaitingReviews(); // Logistics and Finance pending
            org.As(org.Rep).Update(new Entity("opportunity", deal) { ["budgetamount"] = null });
            Guid flow = org.SalesFlowAt(deal, WellKnownProcesses.OpportunityDevelopStageId);
            var status = org.As(org.Rep).Execute(new OrganizationRequest(FeasibilityStatusApi.ApiName) { ["Target"] = new EntityReference("opportunity", deal) });

            string refusal = org.RefusedNamingNoId(RefusalCodes.StageDataMissing,
                () => Move(org.As(org.Rep), "opportunitysalesprocess", flow, WellKnownProcesses.OpportunityProposeStageId), Touched);

            Assert.Equal(RefusalCodes.StageDataMissing, status.Results[FeasibilityStatusApi.MoveCode]);
            Assert.Equal("Before moving to Propose, fill in: Budget amount. [CRMC-STAGE-DATA-MISSING]", refusal);
        }

        [Fact]
        public void An_administrators_own_flow_names_its_stage_without_a_category_for_the_missing_data_and_for_the_gate()
        {
            using var custom = new CustomSalesFlow();
            CrmCollabOrg org = custom.Org;
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            custom.CreateFlow();
            Guid shape = custom.Shape, legal = custom.Legal, process = custom.Process;
            Guid flow = org.System.Create(new Entity("new_customsalesprocess")
            {
                ["bpf_name"] = "Sales flow", ["bpf_opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", process), ["activestageid"] = new EntityReference("processstage", shape),
            });
            string[] touched = { "opportunity", "crmc_feasibilityreview", "new_customsalesprocess" };

            string gate = org.RefusedNamingNoId(RefusalCodes.GateNotCleared, () => Move(org.System, "new_customsalesprocess", flow, legal), touched);
            Assert.Contains("cannot enter Legal check", gate);

            org.ApproveBothReviews(lena, fiona, deal);
            org.As(org.Rep).Update(new Entity("opportunity", deal) { ["estimatedclosedate"] = null });
            string data = org.RefusedNamingNoId(RefusalCodes.StageDataMissing, () => Move(org.System, "new_customsalesprocess", flow, legal), touched);
            Assert.Equal("Before moving to Legal check, fill in: Est. Close Date. [CRMC-STAGE-DATA-MISSING]", data);

            org.As(org.Rep).Update(new Entity("opportunity", deal) { ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60) });
            Move(org.System, "new_customsalesprocess", flow, legal);
            Assert.Equal(SalesStage.Propose, org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }
    }
}
