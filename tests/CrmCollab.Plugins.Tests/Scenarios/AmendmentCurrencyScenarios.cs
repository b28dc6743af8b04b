using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An amendment's proposed amount is in the amendment's own currency (Dataverse keeps one per row) and replaces the won
    /// deal's Est. Revenue as it is: a deal won at 80,000 euros is amended in euros, never by 100,000 yen read as 100,000 euros.
    /// </summary>
    public class AmendmentCurrencyScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task", "annotation" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _euro, _yen, _deal;

        public AmendmentCurrencyScenarios()
        {
            _euro = Currency("Euro", "EUR", 1m);
            _yen = Currency("Yen", "JPY", 160m);
            _deal = _org.Deal(_org.Account("Contoso"), amount: 80000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro) });
            _org.Win(_deal);
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        private Entity NewAmount(decimal amount, Guid? currency, AmendmentState state = AmendmentState.Submitted)
        {
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "New price", ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "The customer added a second line", ["crmc_newestimatedvalue"] = new Money(amount),
                ["crmc_state"] = new OptionSetValue((int)state),
            };
            if (currency != null) amendment["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency.Value);
            return amendment;
        }

        private Entity Deal() => _org.Row("opportunity", _deal, "estimatedvalue", "transactioncurrencyid");
        private Guid? CurrencyOf(Entity row) => row.GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id;

        private string Refused(Action attempt)
        {
            var before = TableSnapshot.Take(_org.System, Touched);
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(RefusalCodes.AmendmentCurrency, Refusal.CodeOf(message));
            before.AssertUnchanged(_org.System);
            return message;
        }

        [Fact]
        public void A_proposal_of_100000_yen_on_a_deal_won_in_euros_is_refused_and_says_to_enter_it_in_euros()
        {
            string refusal = Refused(() => _org.As(_org.Rep).Create(NewAmount(100000m, _yen)));

            Assert.Contains("in Yen", refusal);
            Assert.Contains("Enter the new amount in Euro", refusal);
            Assert.Equal(80000m, Deal().GetAttributeValue<Money>("estimatedvalue").Value);
        }

        [Fact]
        public void An_amendment_naming_no_currency_is_in_its_deals_and_its_amount_is_applied_in_euros()
        {
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, null));
            Assert.Equal(_euro, CurrencyOf(_org.Row("crmc_amendment", amendment, "transactioncurrencyid")));

            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Entity deal = Deal();
            Assert.Equal(90000m, deal.GetAttributeValue<Money>("estimatedvalue").Value);
            Assert.Equal(_euro, CurrencyOf(deal));
        }

        [Fact]
        public void An_administrator_raising_an_amendment_on_a_euro_deal_raises_it_in_euros()
        {
            Guid amendment = _org.As(_org.Admin).Create(NewAmount(90000m, null));

            Assert.Equal(_euro, CurrencyOf(_org.Row("crmc_amendment", amendment, "transactioncurrencyid")));
        }

        [Fact]
        public void A_discount_only_amendment_sent_in_yen_takes_the_deals_currency_since_no_amount_is_in_yen()
        {
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Discount", ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "Volume rebate", ["crmc_newdiscountpercent"] = 12m,
                ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _yen),
            };

            Guid id = _org.As(_org.Rep).Create(amendment);

            Assert.Equal(_euro, CurrencyOf(_org.Row("crmc_amendment", id, "transactioncurrencyid")));
        }

        [Fact]
        public void A_draft_in_euros_turned_into_yen_by_a_later_save_is_refused_with_or_without_its_amount()
        {
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, _euro, AmendmentState.Draft));
            var yen = new EntityReference("transactioncurrency", _yen);

            Refused(() => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment) { ["transactioncurrencyid"] = yen }));
            Refused(() => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["transactioncurrencyid"] = yen, ["crmc_newestimatedvalue"] = new Money(14400000m),
            }));

            // The amount changed in euros passes, and a currency sent as it is too.
            _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_newestimatedvalue"] = new Money(95000m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro),
            });
            Assert.Equal(_euro, CurrencyOf(_org.Row("crmc_amendment", amendment, "transactioncurrencyid")));
        }

        [Fact]
        public void An_amount_written_in_euros_is_not_applied_to_a_deal_whose_currency_an_import_changed_to_yen_since()
        {
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, null));
            // A system administrator's import bypassing custom plug-ins moves the won deal to yen.
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", _deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _yen) },
                ["BypassCustomPluginExecution"] = true,
            });

            string refusal = Refused(() => _org.Decide(amendment, _org.Admin, AmendmentState.Approved));

            Assert.Contains("its deal is now in Yen", refusal);
            Assert.Equal(80000m, Deal().GetAttributeValue<Money>("estimatedvalue").Value);
            _org.Decide(amendment, _org.Admin, AmendmentState.Rejected, "The deal is in yen now: raise the amount again in yen");
        }
    }
}
