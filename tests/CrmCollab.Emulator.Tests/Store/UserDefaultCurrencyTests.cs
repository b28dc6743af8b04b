using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// "Individuals can also change their personal options to select a default currency for the rows they create"
    /// (powerapps-docs maker/data-platform/types-of-fields.md, "Using currency columns"); the setting is
    /// usersettings.transactioncurrencyid, "the default currency of the user", a row every user has (no Create message).
    /// </summary>
    public class UserDefaultCurrencyTests
    {
        private readonly CrmCollab.Emulator.Engine.DataverseEngine _engine = new TestOrg().WithWidgetCurrency().Boot();
        private IOrganizationService System => _engine.SystemService;

        private Guid Currency(string code, decimal rate) => TestOrg.AddCurrency(System, code, rate);

        private Entity Widget(Guid id) => System.Retrieve("crmc_widget", id, new ColumnSet("crmc_amount_base", "exchangerate", "transactioncurrencyid"));

        [Fact]
        public void Every_user_has_a_settings_row_without_a_default_currency_until_one_is_chosen()
        {
            Guid ann = TestOrg.AddUser(_engine, "ann");
            Entity settings = System.Retrieve("usersettings", ann, new ColumnSet("transactioncurrencyid"));
            Assert.Null(settings.GetAttributeValue<EntityReference>("transactioncurrencyid"));
            Assert.NotNull(System.Retrieve("usersettings", WellKnownIds.SystemUserId, new ColumnSet(false)));
        }

        [Fact]
        public void A_row_a_user_creates_naming_no_currency_is_in_the_users_default_currency_and_its_base_values_are_stamped()
        {
            Guid yen = Currency("JPY", 160m);
            Guid ann = TestOrg.AddUser(_engine, "ann");
            new OrganizationSetup(System).SetDefaultCurrency(ann, yen);

            Guid id = _engine.CreateService(ann).Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_amount"] = new Money(1600000m) });

            Entity row = Widget(id);
            Assert.Equal(yen, row.GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
            Assert.Equal(160m, row.GetAttributeValue<decimal>("exchangerate"));
            Assert.Equal(10000m, row.GetAttributeValue<Money>("crmc_amount_base").Value);
        }

        [Fact]
        public void A_currency_the_creator_names_wins_over_the_default_and_a_user_without_a_default_leaves_the_row_without_currency()
        {
            Guid yen = Currency("JPY", 160m), pound = Currency("GBP", 0.8m);
            Guid ann = TestOrg.AddUser(_engine, "ann"), bob = TestOrg.AddUser(_engine, "bob");
            new OrganizationSetup(System).SetDefaultCurrency(ann, yen);

            Guid named = _engine.CreateService(ann).Create(new Entity("crmc_widget")
            {
                ["crmc_name"] = "w", ["crmc_amount"] = new Money(80m), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", pound),
            });
            Assert.Equal(pound, Widget(named).GetAttributeValue<EntityReference>("transactioncurrencyid").Id);

            // No base-currency fallback is documented: bob's row keeps no currency, as before.
            Guid bobs = _engine.CreateService(bob).Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_amount"] = new Money(80m) });
            Assert.False(Widget(bobs).Contains("transactioncurrencyid"));

            // The default is the creator's: the row SYSTEM creates for ann is not in ann's currency.
            Guid bySystem = System.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_amount"] = new Money(80m) });
            Assert.False(Widget(bySystem).Contains("transactioncurrencyid"));
        }
    }
}
