using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal's process flow moved past the gate as a related row of the deal's own save ("Update related table rows in one
    /// operation"), which the platform processes after writing the deal and before the deal's PostOperation steps re-open
    /// what the save changes: the flow's gate judges the move as a move made with that save — new terms, another account —
    /// so an approval the save re-opens is not leaned on, and the refusal says what the save changes.
    /// </summary>
    public class FlowMoveInDealSaveScenarios
    {
        private static readonly string[] Touched = { "account", "opportunity", "opportunitysalesprocess", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        /// <summary>A custom deal in Develop, its logistics and finance reviews approved.</summary>
        public FlowMoveInDealSaveScenarios()
        {
            (Guid lena, Guid fiona, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _deal = deal;
            _org.ApproveBothReviews(lena, fiona, deal);
        }

        /// <summary><paramref name="save"/> of the deal with its flow (at Develop) moved to Propose as a related row.</summary>
        private Entity WithFlowMoveToPropose(Entity save) =>
            save.WithFlowMovedTo(_org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId), WellKnownProcesses.OpportunityProposeStageId);

        [Fact]
        public void A_flow_moved_to_propose_in_a_save_that_changes_the_deals_discount_is_refused_as_a_move_with_new_terms()
        {
            Entity save = WithFlowMoveToPropose(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m });

            string message = _org.Refused(RefusalCodes.GateNotCleared, () => _org.As(_org.Rep).Update(save), Touched);

            Assert.Contains("This save also changes terms that Finance approved", message);
            Assert.DoesNotContain("without CrmCollab's checks", message);
        }

        [Fact]
        public void A_flow_moved_to_propose_in_a_save_that_sends_the_deals_discount_unchanged_goes_through()
        {
            decimal discount = _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent");

            _org.As(_org.Rep).Update(WithFlowMoveToPropose(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = discount }));

            Assert.Equal(SalesStage.Propose, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_flow_moved_to_propose_in_a_save_that_moves_the_deal_to_another_account_is_refused()
        {
            Guid fabrikam = _org.Account("Fabrikam");
            Entity save = WithFlowMoveToPropose(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", fabrikam) });

            string message = _org.Refused(RefusalCodes.GateNotCleared, () => _org.As(_org.Rep).Update(save), Touched);

            Assert.Contains("This save also moves the deal to another account", message);
        }

        /// <summary>The former account is gone when the flow is judged (the deal is written first); the deal's own guard,
        /// which has it, tells the flow's guard that the save leaves the deal where it was.</summary>
        [Fact]
        public void A_flow_moved_to_propose_in_a_save_that_resends_the_same_customer_goes_through()
        {
            EntityReference customer = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid");

            _org.As(_org.Rep).Update(WithFlowMoveToPropose(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", customer.Id) }));

            Assert.Equal(SalesStage.Propose, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }
    }
}
