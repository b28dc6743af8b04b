using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal's Update that moves its stage and changes its product lines as related rows ("Update related table rows in one
    /// operation"): the gate judges the move on the products as they were, then the lines change and re-open Lena's logistics
    /// approval, which the move leaned on. Refused as one save (the lines first, then the move once she approves again), as a
    /// move that changes the watched terms in the same save is. Random operations, seed 2803: the deal reached Close past
    /// the Logistics gate with her review pending.
    /// </summary>
    public class StageAndProductsInOneSaveScenarios
    {
        private static readonly string[] Touched = { "account", "opportunity", "opportunityproduct", "crmc_feasibilityreview", "opportunitysalesprocess" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _deal, _line;

        /// <summary>A custom deal with one product line, in Develop, its logistics and finance reviews approved.</summary>
        public StageAndProductsInOneSaveScenarios()
        {
            (Guid lena, Guid fiona, Guid account, Guid deal) = _org.CustomDealInQualify();
            _account = account;
            _deal = deal;
            _line = _org.As(_org.Rep).Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Custom tooling", ["quantity"] = 2m, ["priceperunit"] = new Money(1500m),
            });
            _org.MoveTo(deal, SalesStage.Develop);
            _org.ApproveBothReviews(lena, fiona, deal);
        }

        /// <summary>A save of the deal carrying <paramref name="line"/> as a related row.</summary>
        private static Entity WithLine(Entity save, Entity line)
        {
            save.RelatedEntities[new Relationship("product_opportunities")] = new EntityCollection { EntityName = "opportunityproduct", Entities = { line } };
            return save;
        }

        private Entity MoveWithLine(Entity line) =>
            WithLine(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }, line);

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_move_to_propose_that_changes_a_product_line_in_the_same_save_is_refused(string channel)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            Entity save = MoveWithLine(new Entity("opportunityproduct", _line) { ["quantity"] = 9m });
            string message = _org.Refused(RefusalCodes.ProductsWithStageMove, () => CrmCollabOrg.UpdateThrough(channel, rep, save), Touched);

            Assert.StartsWith("Save the product lines and the deal's sales stage separately", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            Assert.Equal(SalesStage.Develop, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_flow_moved_to_propose_in_the_deals_save_that_changes_a_product_line_is_refused(bool flowFirst)
        {
            Guid flow = _org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId);
            var save = new Entity("opportunity", _deal) { ["description"] = "Moving on" };
            if (flowFirst) save.WithFlowMovedTo(flow, WellKnownProcesses.OpportunityProposeStageId);
            WithLine(save, new Entity("opportunityproduct", _line) { ["quantity"] = 9m });
            if (!flowFirst) save.WithFlowMovedTo(flow, WellKnownProcesses.OpportunityProposeStageId);

            string message = _org.Refused(RefusalCodes.ProductsWithStageMove, () => _org.As(_org.Rep).Update(save), Touched);

            Assert.StartsWith("Save the product lines and the deal's sales stage separately", message);
            Assert.Equal(SalesStage.Develop, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_move_sent_with_its_line_inside_a_save_of_the_account_is_refused()
        {
            var save = new Entity("account", _account) { ["description"] = "Key account" };
            save.RelatedEntities[new Relationship("opportunity_customer_accounts")] = new EntityCollection
            {
                EntityName = "opportunity", Entities = { MoveWithLine(new Entity("opportunityproduct", _line) { ["quantity"] = 9m }) },
            };

            _org.Refused(RefusalCodes.ProductsWithStageMove, () => _org.As(_org.Rep).Update(save), Touched);
        }

        [Fact]
        public void A_save_that_resends_the_stage_the_deal_has_with_a_changed_line_goes_through()
        {
            _org.As(_org.Rep).Update(WithLine(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Develop) },
                new Entity("opportunityproduct", _line) { ["quantity"] = 9m }));

            Assert.Equal(9m, _org.Row("opportunityproduct", _line, "quantity").GetAttributeValue<decimal>("quantity"));
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void In_one_UpdateMultiple_the_move_with_its_line_is_refused_whatever_another_deal_of_the_batch_sends(bool movingDealFirst)
        {
            Guid other = _org.CustomDeal(_account);
            var resend = new Entity("opportunity", other) { ["salesstage"] = new OptionSetValue(SalesStage.Qualify) };
            Entity move = MoveWithLine(new Entity("opportunityproduct", _line) { ["quantity"] = 9m });
            Entity[] batch = movingDealFirst ? new[] { move, resend } : new[] { resend, move };

            _org.Refused(RefusalCodes.ProductsWithStageMove, () => CrmCollabOrg.InUpdateMultiple(_org.As(_org.Rep), batch), Touched);
        }

        [Fact]
        public void Saved_one_after_the_other_the_changed_products_are_reviewed_before_the_move()
        {
            _org.As(_org.Rep).Update(new Entity("opportunityproduct", _line) { ["quantity"] = 9m });
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);

            _org.Refused(RefusalCodes.GateNotCleared, () => _org.MoveTo(_deal, SalesStage.Propose), "opportunity");
        }

        [Fact]
        public void A_product_line_changed_in_a_save_that_leaves_the_stage_alone_goes_through()
        {
            _org.As(_org.Rep).Update(WithLine(new Entity("opportunity", _deal) { ["description"] = "Quantity confirmed by the plant" },
                new Entity("opportunityproduct", _line) { ["quantity"] = 9m }));

            Assert.Equal(9m, _org.Row("opportunityproduct", _line, "quantity").GetAttributeValue<decimal>("quantity"));
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }
    }
}
