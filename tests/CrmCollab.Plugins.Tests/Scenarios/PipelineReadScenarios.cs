using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A stage move reads the feasibility rules once: the guard (PreOperation) keeps what it read in the pipeline's
    /// SharedVariables and the review request (PostOperation, same message) uses it, unless the deal's facts changed.
    /// </summary>
    public class PipelineReadScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        [Fact]
        public void Entering_propose_after_the_approvals_reads_the_rules_once_for_the_gate_and_the_request()
        {
            (Guid lena, Guid fiona, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(lena, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);

            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.MoveTo(deal, SalesStage.Propose);
                Assert.Equal(3, scope.PluginCallsByStep("OpportunityGuard", "RetrieveMultiple")); // stage data, rules, reviews
                Assert.Equal(1, scope.PluginCallsByStep("FeasibilityRequest", "RetrieveMultiple")); // the reviews only
            }
            Assert.Equal(SalesStage.Propose, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_process_flow_move_reads_the_rules_once_for_its_gate_and_its_request()
        {
            (Guid lena, Guid fiona, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(lena, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Guid flow = _org.As(_org.Rep).Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
            });

            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.As(_org.Rep).Update(new Entity("opportunitysalesprocess", flow)
                    { ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId) });
                Assert.Equal(3, scope.PluginCallsByStep("ProcessFlowGuard", "RetrieveMultiple")); // stage data, rules, reviews (as the deal's own move)
                Assert.Equal(1, scope.PluginCallsByStep("FeasibilityRequest: Update of opportunitysalesprocess", "RetrieveMultiple")); // the reviews only
            }
            Assert.Equal(SalesStage.Propose, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void Rules_kept_for_a_deal_serve_the_same_facts_only()
        {
            _org.FeasibilityRule("Custom above 50k", BusinessFunction.Logistics, "products");
            _org.FeasibilityRule("Big discounts", BusinessFunction.Finance, "crmc_discountpercent", minAmount: null, customOnly: false, minDiscount: 15m);
            var shared = new ParameterCollection();
            var service = new CountingService(_org.System);
            var custom = new DealFacts { Amount = 80000m, IsCustomSolution = true, DiscountPercent = 10m };

            Assert.Equal(new[] { "Custom above 50k" }, new FeasibilityRepository(service, shared).ActiveRulesFor(custom).Select(r => r.Name));
            Assert.Equal(new[] { "Custom above 50k" }, new FeasibilityRepository(service, shared).ActiveRulesFor(custom).Select(r => r.Name));
            Assert.Equal(1, service.Queries);

            // A later step that raised the discount reads again, and finds the rule it now meets.
            var discounted = new DealFacts { Amount = 80000m, IsCustomSolution = true, DiscountPercent = 20m };
            Assert.Equal(new[] { "Big discounts", "Custom above 50k" },
                new FeasibilityRepository(service, shared).ActiveRulesFor(discounted).Select(r => r.Name).OrderBy(n => n));
            Assert.Equal(2, service.Queries);

            // The same amount at another scale (as sent, as stored) is the same fact.
            new FeasibilityRepository(service, shared).ActiveRulesFor(new DealFacts { Amount = 80000.00m, IsCustomSolution = true, DiscountPercent = 10.0m });
            Assert.Equal(2, service.Queries);

            // Without SharedVariables (a step of another message) every call queries.
            new FeasibilityRepository(service).ActiveRulesFor(custom);
            Assert.Equal(3, service.Queries);
        }

        [Fact]
        public void An_industry_kept_for_one_account_is_not_used_for_another()
        {
            _org.FeasibilityRule("Retail logistics", BusinessFunction.Logistics, "products");
            var rules = new[] { new FeasibilityRule { IndustryCode = 5 } };
            Guid retail = _org.Account("Northwind Stores", industry: 5);
            Guid unclassified = _org.Account("Unclassified Ltd");
            var shared = new ParameterCollection();
            var service = new CountingService(_org.System);

            Assert.Equal(5, new FeasibilityRepository(service, shared).IndustryOf(retail, rules));
            Assert.Equal(5, new FeasibilityRepository(service, shared).IndustryOf(retail, rules));
            Assert.Null(new FeasibilityRepository(service, shared).IndustryOf(unclassified, rules));
            Assert.Null(new FeasibilityRepository(service, shared).IndustryOf(unclassified, rules)); // "no industry" is kept too
            Assert.Equal(2, service.Retrieves);
        }
    }
}
