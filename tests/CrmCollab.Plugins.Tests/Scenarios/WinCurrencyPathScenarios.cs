using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A win is recorded in its deal's currency whichever way it comes: a euro deal is never won at a number in yen, through
    /// a batch or a transaction, and a close that records no revenue takes the euro. A close made by hand wins nothing, and a
    /// loss reads no amount, so a loss recorded in yen passes.
    /// </summary>
    public class WinCurrencyPathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _euro, _yen, _deal;

        public WinCurrencyPathScenarios()
        {
            _euro = Currency("Euro", "EUR", 1m);
            _yen = Currency("Yen", "JPY", 160m);
            _deal = _org.Deal(_org.Account("Contoso"), amount: 80000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro) });
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        private EntityReference Yen => new EntityReference("transactioncurrency", _yen);

        private Entity CloseOf(Guid deal)
        {
            var query = new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("transactioncurrencyid", "actualrevenue") };
            query.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, deal);
            return Assert.Single(_org.System.RetrieveMultiple(query).Entities);
        }

        private Entity Deal() => _org.Row("opportunity", _deal, "statecode", "actualvalue", "transactioncurrencyid");

        private WinOpportunityRequest WinInYen()
        {
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(_deal);
            win.OpportunityClose["actualrevenue"] = new Money(13120000m);
            win.OpportunityClose["transactioncurrencyid"] = Yen;
            return win;
        }

        private void RefusedAsWinCurrency(Action attempt)
        {
            var before = TableSnapshot.Take(_org.System);
            string refusal = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(RefusalCodes.WinCurrency, Refusal.CodeOf(refusal));
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal);
            before.AssertUnchanged(_org.System);
        }

        [Fact]
        public void An_integration_winning_a_euro_deal_in_yen_in_a_batch_or_a_transaction_is_refused_and_the_deal_stays_open()
        {
            RefusedAsWinCurrency(() => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), WinInYen()));
            RefusedAsWinCurrency(() => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep), WinInYen()));

            Assert.Equal(0, Deal().GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_win_whose_close_names_yen_but_records_no_revenue_is_recorded_in_euros()
        {
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(_deal);
            win.OpportunityClose["transactioncurrencyid"] = Yen;

            _org.As(_org.Rep).Execute(win);

            Assert.Equal(_euro, CloseOf(_deal).GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id);
            Entity won = Deal();
            Assert.Equal(1, won.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_euro, won.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void A_close_in_yen_made_by_hand_on_an_open_euro_deal_wins_nothing_and_leaves_the_deal_in_euros()
        {
            _org.As(_org.Rep).Create(new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["subject"] = "Won (typed in)",
                ["actualrevenue"] = new Money(13120000m), ["transactioncurrencyid"] = Yen,
            });

            Entity deal = Deal();
            Assert.Equal(0, deal.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Null(deal.GetAttributeValue<Money>("actualvalue"));
            Assert.Equal(_euro, deal.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void A_close_in_yen_made_by_hand_on_a_deal_won_in_euros_is_refused()
        {
            _org.Win(_deal);
            var before = TableSnapshot.Take(_org.System);

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Create(new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["subject"] = "Won again",
                ["actualrevenue"] = new Money(13120000m), ["transactioncurrencyid"] = Yen,
            }));

            Assert.NotNull(Refusal.CodeOf(refusal));
            before.AssertUnchanged(_org.System);
        }

        [Fact]
        public void A_loss_recorded_in_yen_passes_since_a_loss_reads_no_amount_and_the_deal_stays_in_euros()
        {
            LoseOpportunityRequest lose = CrmCollabOrg.LoseRequest(_deal);
            lose.OpportunityClose["transactioncurrencyid"] = Yen;
            lose.OpportunityClose["actualrevenue"] = new Money(0m);

            _org.As(_org.Rep).Execute(lose);

            Entity lost = Deal();
            Assert.Equal(2, lost.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_euro, lost.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }
        [Fact]
        public void A_win_in_yen_of_a_deal_without_currency_is_refused_with_a_sentence_saying_to_leave_the_close_currency_empty()
        {
            Guid bare = _org.Deal(_org.Account("Fabrikam"), name: "Line 6 retrofit", amount: 80000m); // no currency
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(bare);
            win.OpportunityClose["actualrevenue"] = new Money(13120000m);
            win.OpportunityClose["transactioncurrencyid"] = Yen;

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Execute(win));

            Assert.Equal(RefusalCodes.WinCurrency, Refusal.CodeOf(refusal));
            Assert.Contains("in Yen", refusal);
            Assert.Contains("has no currency", refusal);
            Assert.Contains("leave the close's currency empty", refusal);
            Assert.DoesNotContain("in no currency", refusal);
        }
    }
}
