using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The gate and the review request read only the rules a deal can meet: a small standard deal does not carry
    /// every custom-project rule of the organisation through each stage move.
    /// </summary>
    public class FeasibilityRuleReadScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly FeasibilityRepository _repository;

        public FeasibilityRuleReadScenarios()
        {
            _org.FeasibilityRule("Custom above 50k", BusinessFunction.Logistics, "products");
            _org.FeasibilityRule("Large projects", BusinessFunction.Operations, "estimatedvalue", minAmount: 250000m, customOnly: false);
            _org.FeasibilityRule("Big discounts", BusinessFunction.Finance, "crmc_discountpercent", minAmount: null, customOnly: false, minDiscount: 15m);
            _org.FeasibilityRule("Every deal", BusinessFunction.Adv, "crmc_paymentterms", minAmount: null, customOnly: false);
            _repository = new FeasibilityRepository(_org.System);
        }

        private string[] RulesFor(decimal? amount, bool custom, decimal? discount) =>
            _repository.ActiveRulesFor(new DealFacts { Amount = amount, IsCustomSolution = custom, DiscountPercent = discount })
                .Select(r => r.Name).OrderBy(n => n).ToArray();

        [Fact]
        public void A_small_standard_deal_reads_only_the_rule_for_every_deal()
        {
            Assert.Equal(new[] { "Every deal" }, RulesFor(20000m, false, 5m));
        }

        [Fact]
        public void A_custom_deal_above_the_thresholds_reads_every_rule_it_meets()
        {
            Assert.Equal(new[] { "Big discounts", "Custom above 50k", "Every deal" }, RulesFor(80000m, true, 20m));
            Assert.Equal(new[] { "Big discounts", "Custom above 50k", "Every deal", "Large projects" }, RulesFor(250000m, true, 15m));
        }

        [Fact]
        public void A_deal_without_an_amount_or_a_discount_meets_no_threshold()
        {
            Assert.Equal(new[] { "Every deal" }, RulesFor(null, true, null));
        }

        [Fact]
        public void The_rules_read_decide_the_same_reviews_as_all_the_rules()
        {
            var all = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("crmc_feasibilityrule")
                { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(true) }).Entities.Select(new FeasibilityRepository(_org.System).Rule).ToList();
            foreach (var facts in new[]
            {
                new DealFacts { Amount = 20000m, DiscountPercent = 5m }, new DealFacts { Amount = 80000m, IsCustomSolution = true, DiscountPercent = 20m },
                new DealFacts { Amount = 300000m, DiscountPercent = 15m }, new DealFacts { IsCustomSolution = true },
            })
            {
                var read = _repository.ActiveRulesFor(facts);
                Assert.Equal(FeasibilityRequirements.AtAnyStage(facts, CrmCollabOrg.Start, all).Select(r => r.Function),
                    FeasibilityRequirements.AtAnyStage(facts, CrmCollabOrg.Start, read).Select(r => r.Function));
            }
        }
    }
}
