using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// CrmCollab re-opens (invalidates) or withdraws a deal's reviews from the deal's own changes — its terms, its
    /// product lines, its process flow — and from nothing else: another team's step running inside one deal's change
    /// cannot touch the reviews of another deal, even as SYSTEM.
    /// </summary>
    public class ReviewInvalidationScenarios
    {
        private readonly CrmCollabOrg _org;
        private readonly Guid _lena, _fiona, _account, _deal;

        public ReviewInvalidationScenarios() : this(new CrmCollabOrg()) { }

        private ReviewInvalidationScenarios(CrmCollabOrg org)
        {
            _org = org;
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private void ApproveLogistics() => _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);

        private int[] Logistics() => _org.Reviews(_deal).Entities
            .Where(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Logistics)
            .Select(Decision).OrderBy(d => d).ToArray();

        // Product lines as an integration (SYSTEM) keeps them: the shipped roles leave product-line privileges to Dynamics' own.
        private Guid Line(Guid deal, string description = "Extra spindle") => _org.System.Create(new Entity("opportunityproduct")
        {
            ["opportunityid"] = new EntityReference("opportunity", deal), ["isproductoverridden"] = true,
            ["productdescription"] = description, ["quantity"] = 1m, ["priceperunit"] = new Money(100m),
        });

        [Fact]
        public void Adding_changing_and_removing_a_product_line_each_reopen_the_logistics_review_of_that_deal()
        {
            ApproveLogistics();
            Guid line = Line(_deal);
            Assert.Equal(new[] { (int)ReviewDecision.Pending, (int)ReviewDecision.Invalidated }, Logistics());

            ApproveLogistics();
            _org.System.Update(new Entity("opportunityproduct", line) { ["quantity"] = 3m });
            Assert.Equal(new[] { (int)ReviewDecision.Pending, (int)ReviewDecision.Invalidated, (int)ReviewDecision.Invalidated }, Logistics());

            ApproveLogistics();
            _org.System.Delete("opportunityproduct", line);
            Assert.Equal(new[] { (int)ReviewDecision.Pending, (int)ReviewDecision.Invalidated, (int)ReviewDecision.Invalidated, (int)ReviewDecision.Invalidated },
                Logistics());
            // Finance does not review products: its pending review is the one it always was.
            Assert.Single(_org.Reviews(_deal).Entities, r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance);
        }

        /// <summary>
        /// Logistics approved 4 units of a steel-housed spindle. Sold by the pallet instead, or made with a titanium housing
        /// (the line's description, where Microsoft's OpportunityProduct reference puts "manufacturing details"), it is
        /// another delivery: the logistics review re-opens, finance's stays as it was. Sent again as they are, they change nothing.
        /// </summary>
        [Theory]
        [InlineData("uomid")]
        [InlineData("description")]
        public void A_line_sold_by_another_unit_or_with_other_manufacturing_details_reopens_the_logistics_review(string column)
        {
            var unit = new EntityReference("uom", _org.System.Create(new Entity("uom") { ["name"] = "Unit" }));
            Guid line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Spindle", ["quantity"] = 4m, ["priceperunit"] = new Money(2500m),
                ["uomid"] = unit, ["description"] = "Steel housing",
            });
            ApproveLogistics();

            _org.System.Update(new Entity("opportunityproduct", line) { ["uomid"] = unit, ["description"] = "Steel housing" });
            Assert.Equal(new[] { (int)ReviewDecision.Approved }, Logistics()); // sent again as they are: nothing

            object other = column == "uomid" ? (object)new EntityReference("uom", _org.System.Create(new Entity("uom") { ["name"] = "Pallet of 10" })) : "Titanium housing";
            _org.System.Update(new Entity("opportunityproduct", line) { [column] = other });

            Assert.Equal(new[] { (int)ReviewDecision.Pending, (int)ReviewDecision.Invalidated }, Logistics());
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            Assert.Single(_org.Reviews(_deal).Entities, r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance);
        }

        [Fact]
        public void A_discount_change_on_the_deal_reopens_its_finance_review()
        {
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });

            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            Assert.Equal(2, _org.Reviews(_deal).Entities.Count(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance));
        }

        [Fact]
        public void A_process_flow_move_withdraws_the_pending_review_no_rule_asks_for_any_more()
        {
            Guid flow = _org.System.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
            });
            Guid financeRule = _org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityrule")
            {
                ColumnSet = new ColumnSet(false),
                Criteria = { Conditions = { new ConditionExpression("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Finance) } },
            }).Entities.Single().Id;
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", financeRule) { ["crmc_isactive"] = false });

            // The flow's own move (the deal is already at Develop, so only the flow's step re-evaluates the deal).
            _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", flow)
            {
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
            });

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Logistics)));
        }

        [Theory]
        [InlineData("Update", "opportunity", "crmc_discountpercent")]
        [InlineData("Create", "opportunityproduct", null)]
        [InlineData("Update", "opportunityproduct", "quantity")]
        [InlineData("Update", "opportunitysalesprocess", "activestageid")]
        public void A_step_inside_one_deals_change_cannot_invalidate_the_reviews_of_another_deal(string message, string table, string filter)
        {
            var org = new ReviewInvalidationScenarios(new CrmCollabOrg((solution, options) =>
                InvalidateAnotherDealsReviews.Register(solution, options, message, table, StepStage.PostOperation, filter)));
            Guid line = org.Line(org._deal);
            Guid flow = org._org.System.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", org._deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
            });
            Guid untouched = org._org.CustomDeal(org._account);
            org._org.System.Update(new Entity("opportunity", untouched) { ["name"] = InvalidateAnotherDealsReviews.DealName });
            org._org.MoveTo(untouched, SalesStage.Develop);
            org._org.Decide(org._lena, org._org.Review(untouched, BusinessFunction.Logistics), ReviewDecision.Approved);
            org._org.Decide(org._fiona, org._org.Review(untouched, BusinessFunction.Finance), ReviewDecision.Approved);
            Action change = table switch
            {
                "opportunity" => () => org._org.As(org._org.Rep).Update(new Entity("opportunity", org._deal) { ["crmc_discountpercent"] = 12m }),
                "opportunitysalesprocess" => () => org._org.As(org._org.Rep).Update(new Entity("opportunitysalesprocess", flow)
                {
                    ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
                }),
                _ when message == "Create" => () => org.Line(org._deal, "Second spindle"),
                _ => () => org._org.System.Update(new Entity("opportunityproduct", line) { ["quantity"] = 2m }),
            };

            org._org.Refused(RefusalCodes.ReviewDecisionIncomplete, change, TableSnapshot.DealTables);

            Assert.All(org._org.Reviews(untouched).Entities, r => Assert.Equal((int)ReviewDecision.Approved, Decision(r)));
        }
    }

    /// <summary>
    /// Test-only step (another team's customisation) after a change of one deal: as SYSTEM, it marks the approved reviews
    /// of the deal called <see cref="DealName"/> invalidated, as if that deal had changed too.
    /// </summary>
    public sealed class InvalidateAnotherDealsReviews : IPlugin
    {
        public const string DealName = "Untouched deal";

        /// <summary>Registers the step (synchronous) on the message and table, at the stage, with its filter if any.</summary>
        public static void Register(SolutionDefinition solution, EngineOptions options, string message, string table, StepStage stage, string filter)
        {
            var step = new StepDefinition
            {
                Id = Guid.NewGuid(), Name = "Test: " + nameof(InvalidateAnotherDealsReviews), MessageName = message, PrimaryEntity = table,
                PluginTypeName = typeof(InvalidateAnotherDealsReviews).FullName, Stage = stage, Mode = StepMode.Synchronous,
            };
            if (filter != null) step.FilteringAttributes.Add(filter);
            solution.Steps.Add(step);
            options.PluginAssemblies.Add(typeof(InvalidateAnotherDealsReviews).Assembly);
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            IOrganizationService system = factory.CreateOrganizationService(null);
            var approved = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet(false) };
            approved.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Approved);
            approved.AddLink("opportunity", "crmc_opportunityid", "opportunityid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, DealName);
            foreach (Entity review in system.RetrieveMultiple(approved).Entities)
                system.Update(new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Invalidated) });
        }
    }
}
