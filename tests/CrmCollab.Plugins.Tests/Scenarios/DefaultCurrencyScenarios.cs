using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Users pick a default currency for the rows they create (Personal Options; usersettings.transactioncurrencyid): a row
    /// saved without a currency is in its creator's. An administrator working in pounds saves rules in pounds, a rep working
    /// in yen enters deals in yen; a rep's default never puts an amendment or a win in another currency than its deal's.
    /// The base currency is the euro (rate 1).
    /// </summary>
    public class DefaultCurrencyScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _euro, _pound, _yen;

        public DefaultCurrencyScenarios()
        {
            _euro = Currency("Euro", "EUR", 1m);
            _pound = Currency("Pound Sterling", "GBP", 0.85m);
            _yen = Currency("Yen", "JPY", 160m);
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        private Guid? CurrencyOf(string table, Guid id) =>
            _org.Row(table, id, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id;

        /// <summary>Reviewers, their routing and the two custom-deal rules (50,000 unless said), saved by the administrator.</summary>
        private Guid AccountWithRules(decimal minimum = 50000m)
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Reviewer"), fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona);
            _org.FeasibilityRule("Custom: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery,products", minAmount: minimum);
            _org.FeasibilityRule("Custom: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue", minAmount: minimum);
            _org.Engine.DrainAsync();
            return account;
        }

        [Fact]
        public void A_45000_minimum_saved_by_an_administrator_working_in_pounds_is_in_pounds_so_50000_euros_stay_under_it()
        {
            _org.Setup.SetDefaultCurrency(_org.Admin, _pound);
            Guid account = AccountWithRules(minimum: 45000m); // 52,941 euros
            Guid below = _org.CustomDeal(account, 50000m), above = _org.CustomDeal(account, 55000m); // the rep has no default: base

            _org.MoveTo(below, SalesStage.Develop);
            _org.MoveTo(above, SalesStage.Develop);

            Assert.Empty(_org.Reviews(below).Entities);
            _org.MoveTo(below, SalesStage.Propose);
            Assert.Equal(2, _org.Reviews(above).Entities.Count);
        }

        [Fact]
        public void A_rule_saved_without_any_currency_keeps_being_read_in_the_base_currency()
        {
            // The administrator has no default currency (or the rule came in by an import): no currency, no base value.
            Guid account = AccountWithRules();
            var rules = _org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet("crmc_minamount_base", "transactioncurrencyid") });
            Assert.All(rules.Entities, rule => Assert.False(rule.Contains("crmc_minamount_base") || rule.Contains("transactioncurrencyid")));
            Guid below = _org.CustomDeal(account, 48000m), above = _org.CustomDeal(account, 52000m);

            _org.MoveTo(below, SalesStage.Develop);
            _org.MoveTo(above, SalesStage.Develop);

            Assert.Empty(_org.Reviews(below).Entities);
            Assert.Equal(2, _org.Reviews(above).Entities.Count);
        }

        [Fact]
        public void A_rep_working_in_yen_enters_a_million_without_naming_a_currency_and_the_deal_is_worth_6250_euros_needing_no_review()
        {
            Guid account = AccountWithRules();
            _org.Setup.SetDefaultCurrency(_org.Rep, _yen);

            Guid deal = _org.CustomDeal(account, 1000000m);
            _org.MoveTo(deal, SalesStage.Develop);

            Assert.Equal(_yen, CurrencyOf("opportunity", deal));
            Assert.Empty(_org.Reviews(deal).Entities);
            _org.MoveTo(deal, SalesStage.Propose);
        }

        private Guid WonDealInEuros()
        {
            Guid deal = _org.Deal(_org.Account("Contoso"), amount: 80000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro) });
            _org.Win(deal);
            return deal;
        }

        private static Entity Amendment(Guid deal, decimal amount) => new Entity("crmc_amendment")
        {
            ["crmc_name"] = "New price", ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
            ["crmc_reason"] = "The customer added a second line", ["crmc_newestimatedvalue"] = new Money(amount),
            ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
        };

        [Fact]
        public void A_rep_working_in_yen_amends_a_deal_won_in_euros_and_the_amendment_naming_no_currency_is_in_euros()
        {
            Guid deal = WonDealInEuros();
            _org.Setup.SetDefaultCurrency(_org.Rep, _yen);

            Guid amendment = _org.As(_org.Rep).Create(Amendment(deal, 90000m));
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Assert.Equal(_euro, CurrencyOf("crmc_amendment", amendment));
            Assert.Equal(90000m, _org.Row("opportunity", deal, "estimatedvalue").GetAttributeValue<Money>("estimatedvalue").Value);
            Assert.Equal(_euro, CurrencyOf("opportunity", deal));
        }

        [Fact]
        public void A_rep_working_in_yen_amends_a_won_deal_without_currency_and_the_amendment_has_none_either_so_its_approval_applies()
        {
            Guid deal = _org.Deal(_org.Account("Contoso"), amount: 80000m); // the rep had no default then: no currency
            _org.Win(deal);
            _org.Setup.SetDefaultCurrency(_org.Rep, _yen);

            Guid amendment = _org.As(_org.Rep).Create(Amendment(deal, 90000m));
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Assert.Null(CurrencyOf("crmc_amendment", amendment));
            Assert.Equal(90000m, _org.Row("opportunity", deal, "estimatedvalue").GetAttributeValue<Money>("estimatedvalue").Value);
        }

        private Guid OpenDealInEuros()
        {
            Guid deal = _org.Deal(_org.Account("Contoso"), amount: 80000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro) });
            _org.Setup.SetDefaultCurrency(_org.Rep, _yen);
            return deal;
        }

        private Entity CloseOf(Guid deal)
        {
            var query = new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("transactioncurrencyid", "actualrevenue") };
            query.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, deal);
            return Assert.Single(_org.System.RetrieveMultiple(query).Entities);
        }

        [Fact]
        public void A_rep_working_in_yen_wins_a_euro_deal_at_82000_and_the_close_naming_no_currency_is_in_euros()
        {
            Guid deal = OpenDealInEuros();
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(deal);
            win.OpportunityClose["actualrevenue"] = new Money(82000m);

            _org.As(_org.Rep).Execute(win);

            Assert.Equal(_euro, CloseOf(deal).GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id);
            Entity won = _org.Row("opportunity", deal, "actualvalue", "transactioncurrencyid", "statecode");
            Assert.Equal(1, won.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(82000m, won.GetAttributeValue<Money>("actualvalue").Value);
            Assert.Equal(_euro, won.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void A_win_of_a_euro_deal_giving_its_actual_revenue_in_yen_is_refused_and_says_to_enter_it_in_euros()
        {
            Guid deal = OpenDealInEuros();
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(deal);
            win.OpportunityClose["actualrevenue"] = new Money(13120000m);
            win.OpportunityClose["transactioncurrencyid"] = new EntityReference("transactioncurrency", _yen);
            var before = TableSnapshot.Take(_org.System);

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Execute(win));

            Assert.Equal(RefusalCodes.WinCurrency, Refusal.CodeOf(refusal));
            Assert.Contains("in Yen, but the deal is in Euro", refusal);
            Assert.Contains("Enter the actual revenue in Euro", refusal);
            before.AssertUnchanged(_org.System); // still open, no opportunity close

            win.OpportunityClose["actualrevenue"] = new Money(82000m);
            win.OpportunityClose.Attributes.Remove("transactioncurrencyid");
            _org.As(_org.Rep).Execute(win);
            Assert.Equal(_euro, CloseOf(deal).GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id);
        }
    }
}
