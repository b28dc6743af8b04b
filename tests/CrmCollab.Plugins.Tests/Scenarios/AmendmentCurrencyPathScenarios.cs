using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Every way a rep, an administrator, an import or an integration writes an amendment keeps it in its deal's currency: a
    /// deal won at 80,000 euros is never amended by a number in yen, whether the amendment comes alone, in an upsert, a
    /// CreateMultiple or UpdateMultiple, a batch or a transaction, is pointed at a yen deal, or waits while its deal moves to yen.
    /// </summary>
    public class AmendmentCurrencyPathScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task", "annotation" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _euro, _yen, _deal;

        public AmendmentCurrencyPathScenarios()
        {
            _euro = Currency("Euro", "EUR", 1m);
            _yen = Currency("Yen", "JPY", 160m);
            _deal = WonDeal("Line 4 retrofit", _euro);
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        private Guid WonDeal(string name, Guid currency)
        {
            Guid deal = _org.Deal(_org.Account("Contoso " + name), name: name, amount: 80000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency) });
            _org.Win(deal);
            return deal;
        }

        private Entity NewAmount(decimal amount, Guid? currency, AmendmentState state = AmendmentState.Submitted, Guid? id = null)
        {
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "New price", ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "The customer added a second line", ["crmc_newestimatedvalue"] = new Money(amount),
                ["crmc_state"] = new OptionSetValue((int)state),
            };
            if (id != null) amendment.Id = id.Value;
            if (currency != null) amendment["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency.Value);
            return amendment;
        }

        private Entity InYen(Guid amendment) => new Entity("crmc_amendment", amendment)
        {
            ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _yen), ["crmc_newestimatedvalue"] = new Money(14400000m),
        };

        private Guid? CurrencyOf(string table, Guid id) =>
            _org.Row(table, id, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid")?.Id;

        private decimal DealAmount() => _org.Row("opportunity", _deal, "estimatedvalue").GetAttributeValue<Money>("estimatedvalue").Value;

        private string Refused(Action attempt, string code = RefusalCodes.AmendmentCurrency)
        {
            var before = TableSnapshot.Take(_org.System, Touched);
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(code, Refusal.CodeOf(message));
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            before.AssertUnchanged(_org.System);
            return message;
        }

        [Fact]
        public void An_integration_upserting_a_new_amendment_of_100000_yen_on_a_euro_deal_is_refused()
        {
            Assert.Contains("Enter the new amount in Euro",
                Refused(() => CrmCollabOrg.InUpsert(_org.As(_org.Rep), NewAmount(100000m, _yen, id: Guid.NewGuid()))));
            Assert.Equal(80000m, DealAmount());
        }

        [Fact]
        public void An_import_creating_amendments_in_one_CreateMultiple_is_refused_whole_when_one_is_in_yen()
        {
            var targets = new EntityCollection { EntityName = "crmc_amendment" };
            targets.Entities.Add(NewAmount(90000m, null));
            targets.Entities.Add(NewAmount(100000m, _yen));

            Refused(() => _org.As(_org.Rep).Execute(new CreateMultipleRequest { Targets = targets }));
        }

        [Fact]
        public void An_amendment_created_by_CreateMultiple_or_upsert_naming_no_currency_by_a_rep_working_in_yen_is_in_euros()
        {
            _org.Setup.SetDefaultCurrency(_org.Rep, _yen);
            var targets = new EntityCollection { EntityName = "crmc_amendment" };
            targets.Entities.Add(NewAmount(90000m, null));
            var created = (CreateMultipleResponse)_org.As(_org.Rep).Execute(new CreateMultipleRequest { Targets = targets });
            Guid upserted = Guid.NewGuid();
            CrmCollabOrg.InUpsert(_org.As(_org.Rep), NewAmount(95000m, null, AmendmentState.Draft, upserted));

            Assert.Equal(_euro, CurrencyOf("crmc_amendment", created.Ids[0]));
            Assert.Equal(_euro, CurrencyOf("crmc_amendment", upserted));
        }

        [Fact]
        public void A_yen_amendment_in_a_batch_or_a_transaction_is_refused_and_the_transaction_writes_nothing()
        {
            Refused(() => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new CreateRequest { Target = NewAmount(100000m, _yen) }));
            Refused(() => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep),
                new CreateRequest { Target = NewAmount(90000m, null) }, new CreateRequest { Target = NewAmount(100000m, _yen) }));
        }

        [Fact]
        public void A_draft_in_euros_turned_into_yen_by_an_upsert_UpdateMultiple_a_batch_or_a_transaction_is_refused()
        {
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, null, AmendmentState.Draft));
            IOrganizationService rep = _org.As(_org.Rep);

            Refused(() => CrmCollabOrg.InUpsert(rep, InYen(amendment)));
            Refused(() => CrmCollabOrg.InUpdateMultiple(rep, InYen(amendment)));
            Refused(() => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = InYen(amendment) }));
            Refused(() => CrmCollabOrg.InExecuteTransaction(rep, new UpdateRequest { Target = InYen(amendment) }));

            Assert.Equal(_euro, CurrencyOf("crmc_amendment", amendment));
        }

        [Theory]
        [InlineData(AmendmentState.Draft)]
        [InlineData(AmendmentState.Submitted)]
        public void An_amendment_pointed_at_a_deal_won_in_yen_is_refused_and_stays_with_its_euro_deal(AmendmentState state)
        {
            Guid yenDeal = WonDeal("Line 5 retrofit", _yen);
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, null, state));

            string refusal = Refused(() => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", yenDeal),
            }), RefusalCodes.AmendmentDealFixed);

            Assert.Contains("raise a new amendment on that deal", refusal);
            Assert.Equal(_euro, CurrencyOf("crmc_amendment", amendment));
        }

        [Fact]
        public void A_deal_reopened_while_its_euro_amendment_waits_keeps_its_currency_so_the_amendment_applies_in_euros_once_won_again()
        {
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            Guid amendment = _org.As(_org.Rep).Create(NewAmount(90000m, null, AmendmentState.Submitted));
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });

            // Reopened, a deal won once keeps its agreed terms locked, its currency among them.
            Refused(() => _org.As(manager).Update(new Entity("opportunity", _deal)
            {
                ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _yen), ["estimatedvalue"] = new Money(12800000m),
            }), RefusalCodes.TermsLocked);
            _org.Win(_deal, manager);
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Assert.Equal(90000m, DealAmount());
            Assert.Equal(_euro, CurrencyOf("opportunity", _deal));
        }
        [Fact]
        public void A_yen_amount_on_a_deal_won_without_currency_is_refused_with_a_sentence_saying_to_leave_the_currency_empty()
        {
            Guid bare = _org.Deal(_org.Account("Fabrikam"), name: "Line 6 retrofit", amount: 80000m); // the rep has no default: no currency
            _org.Win(bare);
            Entity amendment = NewAmount(100000m, _yen);
            amendment["crmc_opportunityid"] = new EntityReference("opportunity", bare);

            string refusal = Refused(() => _org.As(_org.Rep).Create(amendment));

            Assert.Contains("in Yen", refusal);
            Assert.Contains("has no currency", refusal);
            Assert.Contains("leave the amendment's currency empty", refusal);
            Assert.DoesNotContain("in no currency", refusal);
        }
    }
}
