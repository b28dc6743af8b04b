using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A custom deal above 50k cannot be promised before logistics and finance say it can be delivered.</summary>
    public class FeasibilityGateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public FeasibilityGateScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews(financeSlaHours: 24);
        }

        private void Win() => _org.Win(_deal, drain: false);

        [Fact]
        public void Reaching_develop_requests_one_routed_review_per_function_with_its_sla()
        {
            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);

            Assert.Equal(2, _org.Reviews(_deal).Entities.Count);
            Assert.Equal(_lena, logistics.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_fiona, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, finance.GetAttributeValue<DateTime>("crmc_duedate").AddHours(-24).Date);
            Assert.Equal((int)FeasibilityStatus.Pending, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            // The rep sees at once who is awaited, not only which function.
            string summary = _org.DealState(_deal).GetAttributeValue<string>("crmc_feasibilitysummary");
            Assert.Contains("Logistics pending (Lena Logistics)", summary);
            Assert.Contains("Finance pending (Fiona Finance)", summary);
        }

        [Fact]
        public void It_cannot_enter_propose_nor_be_won_until_logistics_and_finance_approve_and_the_gate_costs_two_queries()
        {
            string viaUpdate;
            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["description"] = "Customer visit done" });
                Assert.Equal(0, scope.PluginCallsByStep("OpportunityGuard")); // nothing moved: the gate reads nothing
            }
            using (var scope = _org.Engine.Metrics.Scope())
            {
                viaUpdate = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose));
                // The stage's data requirements (one variable read), the active rules, the deal's reviews: nothing more.
                Assert.Equal(3, scope.PluginCallsByStep("OpportunityGuard"));
            }
            Assert.Equal(CrmCollab.Plugins.Domain.RefusalCodes.GateNotCleared, CrmCollab.Plugins.Domain.Refusal.CodeOf(viaUpdate));
            Assert.Contains("cannot enter Propose", viaUpdate);
            Assert.Contains("Logistics pending (Lena Logistics", viaUpdate);
            Assert.Contains("Finance pending (Fiona Finance", viaUpdate);
            Assert.Contains("cannot be won", CrmCollabOrg.Refusal(Win));
            Assert.Equal(SalesStage.Develop, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);

            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            Assert.DoesNotContain("Logistics", CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose)));
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.ApprovedWithConditions, conditions: "Invoice in two instalments");

            _org.MoveTo(_deal, SalesStage.Propose);
            Win();
            Entity won = _org.DealState(_deal);
            Assert.Equal(1, won.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Contains("Conditions: Finance: Invoice in two instalments", won.GetAttributeValue<string>("crmc_feasibilitysummary"));
        }

        [Fact]
        public void The_business_process_flow_is_refused_the_same_way()
        {
            Guid process = _org.System.Create(new Entity("workflow") { ["name"] = "Opportunity Sales Process", ["category"] = new OptionSetValue(4) });
            Guid develop = _org.System.Create(new Entity("processstage") { ["stagename"] = "Develop", ["stagecategory"] = new OptionSetValue(1), ["processid"] = new EntityReference("workflow", process) });
            Guid propose = _org.System.Create(new Entity("processstage") { ["stagename"] = "Propose", ["stagecategory"] = new OptionSetValue(2), ["processid"] = new EntityReference("workflow", process) });
            Guid instance = _org.System.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Opportunity Sales Process", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", process), ["activestageid"] = new EntityReference("processstage", develop),
            });

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", instance)
            {
                ["activestageid"] = new EntityReference("processstage", propose),
            }));

            Assert.Contains("cannot enter Propose", refusal);
            Assert.Contains("Logistics pending", refusal);
        }

        [Fact]
        public void A_deal_cannot_skip_the_trigger_stage_to_avoid_its_reviews()
        {
            Guid skipper = _org.CustomDeal(_account);

            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(skipper, SalesStage.Propose));

            Assert.Contains("needs feasibility reviews from Logistics, Finance", refusal);
            Assert.Contains("Save the deal in Develop first", refusal);
        }

        [Fact]
        public void A_deal_cannot_skip_the_reviews_an_industry_rule_asks_for()
        {
            var rule = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Retail: engineering", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
                ["crmc_industrycode"] = new OptionSetValue(27), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 24,
                ["crmc_relevantcolumns"] = "estimatedvalue", ["crmc_isactive"] = true,
            };
            _org.As(_org.Admin).Create(rule);
            Guid retailer = _org.Account("Litware Stores", industry: 27);
            Guid small = _org.Deal(retailer, "Shelving", amount: 9000m);

            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(small, SalesStage.Propose));

            Assert.Contains("needs feasibility reviews from Engineering", refusal);
        }

        [Fact]
        public void A_rejected_review_blocks_with_its_reason()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Rejected, reason: "No carrier before March");

            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose));

            Assert.Contains("Logistics rejected (Lena Logistics): No carrier before March", refusal);
            Assert.Equal((int)FeasibilityStatus.Blocked, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }

        [Fact]
        public void A_small_standard_deal_needs_no_review_and_moves_freely()
        {
            Guid small = _org.Deal(_account, "Spare parts", amount: 12000m);
            _org.MoveTo(small, SalesStage.Develop);
            _org.MoveTo(small, SalesStage.Propose);

            Assert.Empty(_org.Reviews(small).Entities);
            Assert.Equal((int)FeasibilityStatus.NotRequired, _org.DealState(small).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }
    
        [Fact]
        public void A_deal_without_an_account_cannot_reach_develop_when_it_needs_reviews_and_nothing_is_written()
        {
            Guid contact = _org.System.Create(new Entity("contact") { ["lastname"] = "Walker" });
            Guid deal = _org.CustomDeal(_account);
            _org.System.Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", contact) });

            string refusal = _org.Refused(CrmCollab.Plugins.Domain.RefusalCodes.NoAccountForReviews, () => _org.MoveTo(deal, SalesStage.Develop),
                "opportunity", "crmc_feasibilityreview");

            Assert.Equal("This deal needs feasibility reviews, but it has no account to route them with. " +
                "Set its account (customer) and save again. [CRMC-DEAL-NO-ACCOUNT]", refusal);
        }
}
}
