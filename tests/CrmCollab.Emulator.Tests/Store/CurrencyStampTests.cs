using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// "For each money attribute in a table, Dataverse automatically creates a corresponding read-only, system calculated,
    /// money attribute": amount_base = amount / exchangerate, the rate of the row's own currency (powerapps-docs,
    /// developer/data-platform/transaction-currency-currency-entity.md). Later rate changes leave stored rows alone.
    /// </summary>
    public class CurrencyStampTests
    {
        private readonly CrmCollab.Emulator.Engine.DataverseEngine _engine = new TestOrg().WithWidgetCurrency().Boot();
        private IOrganizationService System => _engine.SystemService;

        private Guid Currency(string code, decimal rate) => TestOrg.AddCurrency(System, code, rate);

        private Entity Widget(Guid id) => System.Retrieve("crmc_widget", id, new ColumnSet("crmc_amount", "crmc_amount_base", "exchangerate", "transactioncurrencyid"));

        [Fact]
        public void A_custom_rows_amount_is_stamped_in_base_currency_at_its_currencys_rate_and_again_when_amount_or_currency_change()
        {
            Guid yen = Currency("JPY", 160m), pound = Currency("GBP", 0.8m);
            Guid id = System.Create(new Entity("crmc_widget")
            {
                ["crmc_name"] = "w", ["crmc_amount"] = new Money(1600000m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", yen),
            });

            Entity row = Widget(id);
            Assert.Equal(160m, row.GetAttributeValue<decimal>("exchangerate"));
            Assert.Equal(10000m, row.GetAttributeValue<Money>("crmc_amount_base").Value);

            // A new rate for the yen changes no stored row.
            System.Update(new Entity("transactioncurrency", yen) { ["exchangerate"] = 100m });
            Assert.Equal(10000m, Widget(id).GetAttributeValue<Money>("crmc_amount_base").Value);

            // The amount saved again is converted at the rate of today.
            System.Update(new Entity("crmc_widget", id) { ["crmc_amount"] = new Money(1600000m) });
            Assert.Equal(16000m, Widget(id).GetAttributeValue<Money>("crmc_amount_base").Value);

            // The same number in pounds.
            System.Update(new Entity("crmc_widget", id) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", pound) });
            row = Widget(id);
            Assert.Equal(0.8m, row.GetAttributeValue<decimal>("exchangerate"));
            Assert.Equal(2000000m, row.GetAttributeValue<Money>("crmc_amount_base").Value);
        }

        [Fact]
        public void A_built_in_rows_amount_is_stamped_too()
        {
            Guid dollar = Currency("USD", 1.25m);
            Guid id = System.Create(new Entity("account")
            {
                ["name"] = "Contoso", ["revenue"] = new Money(500m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", dollar),
            });

            Entity account = System.Retrieve("account", id, new ColumnSet("revenue_base", "exchangerate"));
            Assert.Equal(400m, account.GetAttributeValue<Money>("revenue_base").Value);
            Assert.Equal(1.25m, account.GetAttributeValue<decimal>("exchangerate"));
        }
    }
}
