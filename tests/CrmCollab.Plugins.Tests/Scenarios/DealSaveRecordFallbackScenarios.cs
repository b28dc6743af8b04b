using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The rows sent with a deal's save learn what the save changes from the deal's own guard (Feasibility/DealSaveRecord).
    /// Where that record is missing — the deal's guard step bypassed by its id, or a platform that shows no ParentContext
    /// values — they judge from what the save sends: a stage or a customer sent counts as a move, unchanged or not.
    /// Played on an organisation without the deal's Update guard step, which writes the record.
    /// </summary>
    public class DealSaveRecordFallbackScenarios
    {
        private static readonly string[] Touched = { "opportunity", "opportunityproduct", "opportunitysalesprocess", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
            s.PluginTypeName.EndsWith(".OpportunityGuard", StringComparison.Ordinal) && s.MessageName == "Update"));
        private readonly Guid _deal;

        /// <summary>A custom deal in Develop, its logistics and finance reviews approved.</summary>
        public DealSaveRecordFallbackScenarios()
        {
            (Guid lena, Guid fiona, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _deal = deal;
            _org.ApproveBothReviews(lena, fiona, deal);
        }

        [Fact]
        public void Without_the_record_a_save_resending_the_stage_with_a_changed_line_is_refused()
        {
            Guid line = _org.As(_org.Rep).Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Custom tooling", ["quantity"] = 2m, ["priceperunit"] = new Money(1500m),
            });
            var save = new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Develop) };
            save.RelatedEntities[new Relationship("product_opportunities")] = new EntityCollection
            {
                EntityName = "opportunityproduct", Entities = { new Entity("opportunityproduct", line) { ["quantity"] = 9m } },
            };

            _org.Refused(RefusalCodes.ProductsWithStageMove, () => _org.As(_org.Rep).Update(save), Touched);
        }

        [Fact]
        public void Without_the_record_a_flow_moved_in_a_save_resending_the_customer_is_refused()
        {
            EntityReference customer = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid");
            Entity save = new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", customer.Id) }
                .WithFlowMovedTo(_org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId), WellKnownProcesses.OpportunityProposeStageId);

            string message = _org.Refused(RefusalCodes.GateNotCleared, () => _org.As(_org.Rep).Update(save), Touched);

            Assert.Contains("This save also moves the deal to another account", message);
        }
    }
}
