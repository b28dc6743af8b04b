using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A feasibility rule's minimum is weighed in the base currency (the euro) whichever way the rule comes in (an import's
    /// CreateMultiple, an integration's upsert), and at the pound's rate of the day, like the deal it is weighed against.
    /// </summary>
    public class RuleCurrencyPathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _pound, _account;

        public RuleCurrencyPathScenarios()
        {
            _pound = _org.System.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = "Pound Sterling", ["isocurrencycode"] = "GBP", ["currencysymbol"] = "£", ["exchangerate"] = 0.85m, ["currencyprecision"] = 2,
            });
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer"), fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: fiona);
        }

        /// <summary>A 45,000-pound minimum (52,941 euros at 0.85) for the function's custom deals.</summary>
        private Entity PoundRule(BusinessFunction function, Guid? id = null)
        {
            var rule = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Custom above 45k pounds: " + function, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_customonly"] = true, ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 48,
                ["crmc_relevantcolumns"] = "estimatedvalue", ["crmc_isactive"] = true,
                ["crmc_minamount"] = new Money(45000m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound),
            };
            if (id != null) rule.Id = id.Value;
            return rule;
        }

        private void AssertWeighedInEuros(decimal belowInEuros, decimal aboveInEuros, int reviews)
        {
            _org.Engine.DrainAsync();
            Guid below = _org.CustomDeal(_account, belowInEuros), above = _org.CustomDeal(_account, aboveInEuros);
            _org.MoveTo(below, SalesStage.Develop);
            _org.MoveTo(above, SalesStage.Develop);

            Assert.Empty(_org.Reviews(below).Entities);
            Assert.Equal(reviews, _org.Reviews(above).Entities.Count);
        }

        [Fact]
        public void Pound_rules_imported_by_CreateMultiple_are_weighed_in_euros_50000_euros_under_them_55000_over()
        {
            var targets = new EntityCollection { EntityName = "crmc_feasibilityrule" };
            targets.Entities.Add(PoundRule(BusinessFunction.Logistics));
            targets.Entities.Add(PoundRule(BusinessFunction.Finance));
            _org.As(_org.Admin).Execute(new CreateMultipleRequest { Targets = targets });

            AssertWeighedInEuros(50000m, 55000m, 2);
        }

        [Fact]
        public void A_pound_rule_upserted_by_an_integration_is_weighed_in_euros()
        {
            CrmCollabOrg.InUpsert(_org.As(_org.Admin), PoundRule(BusinessFunction.Finance, Guid.NewGuid()));

            AssertWeighedInEuros(50000m, 55000m, 1);
        }

        [Fact]
        public void After_the_pound_strengthens_to_0_75_a_45000_pound_minimum_is_60000_euros_and_55000_euros_stay_under_it()
        {
            _org.As(_org.Admin).Create(PoundRule(BusinessFunction.Finance));
            _org.Engine.DrainAsync();
            _org.System.Update(new Entity("transactioncurrency", _pound) { ["exchangerate"] = 0.75m });

            AssertWeighedInEuros(55000m, 61000m, 1);
        }
        [Fact]
        public void A_euro_deal_waiting_for_a_review_under_a_pound_minimum_is_freed_when_the_pound_strengthens_past_its_amount()
        {
            _org.As(_org.Admin).Create(PoundRule(BusinessFunction.Finance));
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(_account, 55000m); // over 52,941 euros at 0.85
            _org.MoveTo(deal, SalesStage.Develop);
            Entity pending = Assert.Single(_org.Reviews(deal).Entities);

            // 45,000 pounds are 60,000 euros at 0.75: the deal's 55,000 euros no longer reach it, and nobody saves the deal.
            _org.System.Update(new Entity("transactioncurrency", _pound) { ["exchangerate"] = 0.75m });
            _org.Engine.DrainAsync();

            Assert.Empty(_org.Engine.AsyncFailures);
            Assert.Equal((int)ReviewDecision.Withdrawn, _org.System.Retrieve("crmc_feasibilityreview", pending.Id,
                new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            _org.MoveTo(deal, SalesStage.Propose);
        }
    }
}
