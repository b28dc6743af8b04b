using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A rule's minimum amount is in the organisation's base currency (here the euro): a deal in pounds or yen is
    /// weighed at its currency's exchange rate, and changing the deal's currency changes its amount.
    /// </summary>
    public class DealCurrencyScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account;
        private readonly Guid _pound, _yen, _dollar;

        public DealCurrencyScenarios()
        {
            (_lena, _fiona, _account, _) = _org.CustomDealInQualify();
            // The rate is the number of units of the currency worth one euro.
            _pound = Currency("Pound Sterling", "GBP", "£", 0.85m);
            _yen = Currency("Yen", "JPY", "¥", 160m);
            _dollar = Currency("US Dollar", "USD", "$", 1.10m);
            // The rules' own re-evaluation, queued by their creation, runs now: what runs later is the new rate's.
            _org.Engine.DrainAsync();
        }

        private Guid Currency(string name, string code, string symbol, decimal rate) =>
            _org.System.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = symbol, ["exchangerate"] = rate,
            });

        private Guid DealIn(Guid? currency, decimal amount)
        {
            Guid deal = _org.CustomDeal(_account, amount);
            if (currency != null)
                _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency.Value) });
            return deal;
        }

        [Fact]
        public void A_custom_deal_of_48000_pounds_is_above_the_50000_euro_threshold_and_waits_for_its_reviews()
        {
            Guid deal = DealIn(_pound, 48000m); // 56,470.59 euros

            _org.MoveTo(deal, SalesStage.Develop);

            Assert.Equal(2, _org.Reviews(deal).Entities.Count);
            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Equal(SalesStage.Develop, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void The_same_48000_in_euros_is_below_the_threshold_and_moves_freely()
        {
            Guid deal = DealIn(null, 48000m);

            _org.MoveTo(deal, SalesStage.Develop);
            _org.MoveTo(deal, SalesStage.Propose);

            Assert.Empty(_org.Reviews(deal).Entities);
        }

        [Fact]
        public void A_deal_of_a_million_yen_is_worth_6250_euros_and_needs_no_review()
        {
            Guid deal = DealIn(_yen, 1000000m);

            _org.MoveTo(deal, SalesStage.Develop);
            _org.MoveTo(deal, SalesStage.Propose);

            Assert.Empty(_org.Reviews(deal).Entities);
        }

        [Fact]
        public void Turning_a_yen_deal_into_pounds_without_touching_the_number_asks_for_the_reviews_it_now_needs()
        {
            Guid deal = DealIn(_yen, 60000m); // 375 euros: no review at Develop
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Empty(_org.Reviews(deal).Entities);

            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound) });

            Assert.Equal(new[] { BusinessFunction.Finance, BusinessFunction.Logistics },
                _org.Reviews(deal).Entities.Select(r => (BusinessFunction)r.GetAttributeValue<OptionSetValue>("crmc_function").Value).OrderBy(f => f.ToString()));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose))));
        }

        [Fact]
        public void Changing_an_approved_deals_currency_reopens_only_the_review_that_watched_its_amount()
        {
            Guid deal = DealIn(_dollar, 80000m); // 72,727 euros
            _org.MoveTo(deal, SalesStage.Develop);
            Entity finance = _org.Review(deal, BusinessFunction.Finance), logistics = _org.Review(deal, BusinessFunction.Logistics);
            _org.Decide(_fiona, finance, ReviewDecision.Approved);
            _org.Decide(_lena, logistics, ReviewDecision.Approved);

            // Sent again as it is (a form saving every field): nothing changes, nothing re-opens.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _dollar) });
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);

            // 80,000 pounds is not the 80,000 dollars finance approved.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound) });

            Assert.Equal((int)ReviewDecision.Invalidated,
                _org.System.Retrieve("crmc_feasibilityreview", finance.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(logistics.Id, _org.Review(deal, BusinessFunction.Logistics).Id);
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Contains("Finance", CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose)));

            // Approved again in pounds, the deal goes on.
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(deal, SalesStage.Propose);
        }

        [Fact]
        public void A_45000_pound_minimum_set_by_an_administrator_working_in_pounds_is_not_met_by_50000_euros_but_by_55000()
        {
            // The administrator's rules are in their currency, the pound: 45,000 pounds are 52,941 euros.
            var rules = new Microsoft.Xrm.Sdk.Query.QueryExpression("crmc_feasibilityrule") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) };
            foreach (Entity rule in _org.System.RetrieveMultiple(rules).Entities)
                _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", rule.Id)
                {
                    ["crmc_minamount"] = new Money(45000m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound),
                });
            _org.Engine.DrainAsync();
            Guid below = DealIn(null, 50000m), above = DealIn(null, 55000m); // euros, the base currency

            _org.MoveTo(below, SalesStage.Develop);
            _org.MoveTo(above, SalesStage.Develop);

            Assert.Empty(_org.Reviews(below).Entities);
            _org.MoveTo(below, SalesStage.Propose);
            Assert.Equal(2, _org.Reviews(above).Entities.Count);
        }

        /// <summary>A system administrator (who manages currencies) sets a new rate.</summary>
        private void NewRate(Guid currency, decimal rate)
        {
            _org.System.Update(new Entity("transactioncurrency", currency) { ["exchangerate"] = rate });
            _org.Engine.DrainAsync();
        }

        private int Decision(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void A_stronger_pound_lifts_a_pound_deal_above_the_threshold_and_its_reviews_are_asked_at_once()
        {
            Guid deal = DealIn(_pound, 40000m); // 47,059 euros at 0.85
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Empty(_org.Reviews(deal).Entities);

            NewRate(_pound, 0.75m); // 53,333 euros, without any save of the deal

            Assert.Equal(new[] { BusinessFunction.Finance, BusinessFunction.Logistics },
                _org.Reviews(deal).Entities.Select(r => (BusinessFunction)r.GetAttributeValue<OptionSetValue>("crmc_function").Value).OrderBy(f => f.ToString()));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose))));
        }

        [Fact]
        public void A_weaker_pound_takes_a_pound_deal_below_the_threshold_and_withdraws_its_pending_reviews()
        {
            Guid deal = DealIn(_pound, 48000m); // 56,471 euros at 0.85
            _org.MoveTo(deal, SalesStage.Develop);
            Entity[] pending = _org.Reviews(deal).Entities.ToArray();
            Assert.Equal(2, pending.Length);

            NewRate(_pound, 1.00m); // 48,000 euros
            Assert.Empty(_org.Engine.AsyncFailures);

            Assert.All(pending, review => Assert.Equal((int)ReviewDecision.Withdrawn, Decision(review.Id)));
            _org.MoveTo(deal, SalesStage.Propose);
        }

        [Fact]
        public void A_new_pound_rate_leaves_pound_approvals_standing_and_dollar_deals_untouched()
        {
            Guid inPounds = DealIn(_pound, 60000m), inDollars = DealIn(_dollar, 52000m); // 70,588 and 47,273 euros
            _org.MoveTo(inPounds, SalesStage.Develop);
            _org.MoveTo(inDollars, SalesStage.Develop);
            _org.Decide(_fiona, _org.Review(inPounds, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(inPounds, BusinessFunction.Logistics), ReviewDecision.Approved);
            Assert.Empty(_org.Reviews(inDollars).Entities);

            // A rate that would lift 52,000 dollars above the threshold, were it the dollar's: only pound deals are weighed again.
            NewRate(_pound, 1.00m);

            // The pound deal's approved terms (60,000 pounds) are the same: its approvals stand and it moves on.
            _org.MoveTo(inPounds, SalesStage.Propose);
            Assert.Empty(_org.Reviews(inDollars).Entities);
        }
    }
}
