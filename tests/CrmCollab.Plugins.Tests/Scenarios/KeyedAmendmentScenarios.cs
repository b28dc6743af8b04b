using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The ERP integration raises the amendments the customer signs there: it names the won deal by its ERP reference and
    /// the currency by its ISO code (alternate keys the organisation defined), as it names them on every save of the deal.
    /// Dataverse stores the id of the row the key finds (Microsoft Learn, "Use an alternate key to reference a record"); no
    /// page says a step before the save sees that id. Before, the amendment guard read the references' empty ids as rows:
    /// the new amendment failed with a platform fault (the deal, then the currency, read for no row) and a draft re-sent
    /// whole was refused as moved to another deal. Named by key, another deal or another currency is still refused.
    /// </summary>
    public class KeyedAmendmentScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task", "annotation" };
        private static readonly EntityReference ErpDeal = new EntityReference("opportunity", "name", "ERP-77");
        private static readonly EntityReference Euro = new EntityReference("transactioncurrency", "isocurrencycode", "EUR");
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
            var isoCode = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_isocode_key" };
            isoCode.Columns.Add("isocurrencycode");
            solution.Catalog.Table("transactioncurrency").Keys.Add(isoCode);
        });
        private readonly Guid _euro, _deal, _other;

        public KeyedAmendmentScenarios()
        {
            _euro = Currency("Euro", "EUR", 1m);
            Currency("Yen", "JPY", 160m);
            Guid contoso = _org.Account("Contoso");
            _deal = _org.Deal(contoso, name: "ERP-77", amount: 80000m);
            _other = _org.Deal(contoso, name: "ERP-78", amount: 20000m);
            foreach (Guid deal in new[] { _deal, _other })
            {
                _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", _euro) });
                _org.Win(deal);
            }
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        /// <summary>The amendment as the ERP sends it: its deal and currency by key.</summary>
        private static Entity FromErp(decimal amount, EntityReference currency = null, AmendmentState state = AmendmentState.Submitted) =>
            new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Second line", ["crmc_opportunityid"] = ErpDeal, ["crmc_reason"] = "The customer signed for a second line",
                ["crmc_newestimatedvalue"] = new Money(amount), ["transactioncurrencyid"] = currency ?? Euro,
                ["crmc_state"] = new OptionSetValue((int)state),
            };

        private Guid Raise(string channel, Entity amendment)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            switch (channel)
            {
                case "CreateMultiple":
                    return ((CreateMultipleResponse)rep.Execute(new CreateMultipleRequest
                    {
                        Targets = new EntityCollection { EntityName = "crmc_amendment", Entities = { amendment } },
                    })).Ids[0];
                case "Upsert":
                    amendment.Id = Guid.NewGuid();
                    return ((UpsertResponse)rep.Execute(new UpsertRequest { Target = amendment })).Target.Id;
                default: return rep.Create(amendment);
            }
        }

        private Entity Amendment(Guid id) => _org.Row("crmc_amendment", id, "crmc_opportunityid", "transactioncurrencyid", "crmc_newestimatedvalue");

        private decimal Amount(Guid deal) => _org.Row("opportunity", deal, "estimatedvalue").GetAttributeValue<Money>("estimatedvalue").Value;

        [Theory]
        [InlineData("Create")]
        [InlineData("CreateMultiple")]
        [InlineData("Upsert")]
        public void An_amendment_the_erp_raises_naming_the_won_deal_and_its_currency_by_key_is_raised_on_that_deal_and_applied(string channel)
        {
            Guid amendment = Raise(channel, FromErp(95000m));

            Entity raised = Amendment(amendment);
            Assert.Equal(_deal, raised.GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
            Assert.Equal(_euro, raised.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);
            Assert.Equal(95000m, Amount(_deal));
            Assert.Equal(20000m, Amount(_other));
        }

        [Fact]
        public void A_draft_the_erp_sends_again_whole_with_its_deal_and_currency_named_by_key_takes_its_new_figure()
        {
            Guid draft = _org.As(_org.Rep).Create(FromErp(95000m, state: AmendmentState.Draft));
            Entity resent = FromErp(97000m, state: AmendmentState.Draft);
            resent.Id = draft;

            _org.As(_org.Rep).Update(resent);

            Entity saved = Amendment(draft);
            Assert.Equal(97000m, saved.GetAttributeValue<Money>("crmc_newestimatedvalue").Value);
            Assert.Equal(_deal, saved.GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
            Assert.Equal(_euro, saved.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void Named_by_key_an_amendment_still_does_not_move_to_another_deal_nor_propose_yen_on_a_euro_deal()
        {
            Guid draft = _org.As(_org.Rep).Create(FromErp(95000m, state: AmendmentState.Draft));

            _org.Refused(RefusalCodes.AmendmentDealFixed, () => _org.As(_org.Rep).Update(new Entity("crmc_amendment", draft)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", "name", "ERP-78"),
            }), Touched);
            var yen = new EntityReference("transactioncurrency", "isocurrencycode", "JPY");
            string refusal = _org.Refused(RefusalCodes.AmendmentCurrency, () => _org.As(_org.Rep).Create(FromErp(95000m, yen)), Touched);
            Assert.Contains("in Yen", refusal);
            _org.Refused(RefusalCodes.AmendmentCurrency, () => _org.As(_org.Rep).Update(new Entity("crmc_amendment", draft) { ["transactioncurrencyid"] = yen }),
                Touched);
            Assert.Equal(_deal, Amendment(draft).GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
        }
    }
}
