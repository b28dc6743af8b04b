using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A currency that rows are in cannot be deleted: transactioncurrency_account and transactioncurrency_opportunity have
    /// CascadeConfiguration Delete: Restrict (powerapps-docs, developer/data-platform/reference/entities/account.md and
    /// opportunity.md, Many-to-One relationships), and so have the currency relationships of every other built-in table the
    /// engine ships with a currency (transactioncurrency.md, One-To-Many relationships; docs/platform-facts.md).
    /// </summary>
    public class CurrencyInUseTests
    {
        private readonly DataverseEngine _engine = new TestOrg().Boot();
        private IOrganizationService System => _engine.SystemService;

        [Fact]
        public void An_admin_cannot_delete_the_currency_a_deal_is_priced_in_and_the_deal_keeps_it()
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m);
            Guid deal = System.Create(new Entity("opportunity")
            {
                ["name"] = "Swiss rollout", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", franc),
            });

            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => System.Delete("transactioncurrency", franc)).Detail.ErrorCode);
            Assert.Equal(franc, System.Retrieve("opportunity", deal, new ColumnSet("transactioncurrencyid"))
                .GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void An_admin_cannot_delete_the_currency_of_an_account_but_may_delete_an_unused_one()
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m), krone = TestOrg.AddCurrency(System, "DKK", 7.4m);
            System.Create(new Entity("account") { ["name"] = "Zurich AG", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", franc) });

            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => System.Delete("transactioncurrency", franc)).Detail.ErrorCode);
            System.Delete("transactioncurrency", krone);
        }

        [Theory]
        [InlineData("contact", "lastname", "transactioncurrency_contact")]
        [InlineData("lead", "lastname", "transactioncurrency_lead")]
        [InlineData("competitor", "name", "transactioncurrency_competitor")]
        public void An_admin_cannot_delete_the_currency_a_row_is_in_and_the_row_keeps_it(string table, string nameColumn, string relationship)
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m);
            Guid row = System.Create(new Entity(table) { [nameColumn] = "Zurich", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", franc) });

            var fault = Fails(() => System.Delete("transactioncurrency", franc)).Detail;
            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, fault.ErrorCode);
            Assert.Contains(relationship, fault.Message);
            Assert.Equal(franc, System.Retrieve(table, row, new ColumnSet("transactioncurrencyid")).GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
            Assert.Equal(franc, System.Retrieve("transactioncurrency", franc, new ColumnSet(false)).Id);
        }

        [Fact]
        public void An_admin_cannot_delete_the_currency_a_user_has_chosen_as_default()
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m);
            Guid user = TestOrg.AddUser(_engine, "Lena");
            new OrganizationSetup(System).SetDefaultCurrency(user, franc);

            Assert.Contains("transactioncurrency_usersettings", Fails(() => System.Delete("transactioncurrency", franc)).Detail.Message);
            new OrganizationSetup(System).SetDefaultCurrency(user, null);
            System.Delete("transactioncurrency", franc);
        }

        [Fact]
        public void Every_built_in_table_with_a_currency_restricts_the_delete_of_its_currency()
        {
            var tables = _engine.Catalog.Tables.Values
                .Where(t => !t.IsCustom && t.Column("transactioncurrencyid")?.Type == ColumnType.Lookup).Select(t => t.LogicalName).ToList();

            Assert.Contains("opportunityproduct", tables);
            Assert.Contains("opportunityclose", tables);
            foreach (string table in tables)
                Assert.Contains(_engine.Catalog.Relationships, r => !r.IsManyToMany && r.ReferencedEntity == "transactioncurrency"
                    && r.ReferencingEntity == table && r.ReferencingAttribute == "transactioncurrencyid" && r.CascadeDelete == "Restrict");
        }
    }
}
