using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A currency that rows are in cannot be deleted: every one-to-many relationship of transactioncurrency to the tables
    /// CrmCollab works with restricts the delete (Microsoft's table references, docs/platform-facts.md). An administrator
    /// tidying the currency list gets the platform's refusal and nothing goes: no contact, lead, product line, amendment or
    /// feasibility rule is left with amounts in a currency that no longer exists.
    /// </summary>
    public class CurrencyInUseScenarios
    {
        /// <summary>Dataverse's CannotDeleteDueToAssociation (0x80040227): the record is referenced through a relationship that restricts its delete.</summary>
        private const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

        private static readonly string[] Touched =
            { "transactioncurrency", "contact", "lead", "opportunity", "opportunityproduct", "crmc_amendment", "crmc_feasibilityrule", "usersettings" };

        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sid, _euro, _franc;

        public CurrencyInUseScenarios()
        {
            _sid = _org.User("Sid Sysadmin", "System Administrator");
            _euro = Currency("Euro", "EUR", 1m);
            _franc = Currency("Swiss Franc", "CHF", 0.95m);
        }

        private Guid Currency(string name, string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
        });

        private EntityReference Franc => new EntityReference("transactioncurrency", _franc);

        /// <summary>The administrator's delete of the franc is refused with the platform's sentence; nothing changes.</summary>
        private string DeletingTheFrancIsRefused()
        {
            var before = TableSnapshot.Take(_org.System, Touched);
            OrganizationServiceFault fault = Assert.Throws<FaultException<OrganizationServiceFault>>(
                () => _org.As(_sid).Delete("transactioncurrency", _franc)).Detail;
            Assert.Equal(CannotDeleteDueToAssociation, fault.ErrorCode);
            Assert.StartsWith("The record cannot be deleted because it is associated with another record", fault.Message);
            before.AssertUnchanged(_org.System);
            return fault.Message;
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_contact_is_in()
        {
            _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Keller", ["transactioncurrencyid"] = Franc });

            Assert.Contains("transactioncurrency_contact", DeletingTheFrancIsRefused());
            _org.As(_sid).Delete("transactioncurrency", _euro); // a currency nothing is in goes
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_lead_is_in()
        {
            _org.As(_org.Rep).Create(new Entity("lead")
            {
                ["lastname"] = "Huber", ["companyname"] = "Basel Tooling", ["transactioncurrencyid"] = Franc, ["estimatedamount"] = new Money(40000m),
            });

            Assert.Contains("transactioncurrency_lead", DeletingTheFrancIsRefused());
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_deals_product_line_is_in()
        {
            // The rep works in francs while adding the line (a row created naming no currency is in its creator's default),
            // then back in the base currency; the deal itself names none.
            Guid deal = _org.Deal(_org.Account("Contoso"));
            _org.Setup.SetDefaultCurrency(_org.Rep, _franc);
            Guid line = _org.As(_org.Rep).Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 2m, ["priceperunit"] = new Money(1200m),
            });
            _org.Setup.SetDefaultCurrency(_org.Rep, null);
            Assert.Equal(_franc, _org.Row("opportunityproduct", line, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
            Assert.Null(_org.Row("opportunity", deal, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid"));

            Assert.Contains("transactioncurrency_opportunityproduct", DeletingTheFrancIsRefused());
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_won_deals_amendment_is_in()
        {
            // An amendment is always in its deal's currency (AmendmentCurrency), so the deal holds the franc too.
            Guid deal = _org.Deal(_org.Account("Zurich AG"));
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = Franc });
            _org.Win(deal);
            Guid amendment = _org.As(_org.Rep).Create(new Entity("crmc_amendment")
            {
                ["crmc_name"] = "New price", ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_reason"] = "The customer added a second line", ["crmc_newestimatedvalue"] = new Money(90000m),
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            });
            Assert.Equal(_franc, _org.Row("crmc_amendment", amendment, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid").Id);

            DeletingTheFrancIsRefused();
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_feasibility_rules_minimum_is_in()
        {
            // Saved while the administrator worked in francs: its 45,000 minimum is 45,000 francs.
            _org.Setup.SetDefaultCurrency(_org.Admin, _franc);
            Guid rule = _org.FeasibilityRule("Custom: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery,products", minAmount: 45000m);
            _org.Setup.SetDefaultCurrency(_org.Admin, _euro);
            Assert.Equal(_franc, _org.Row("crmc_feasibilityrule", rule, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid").Id);

            Assert.Contains("crmc_feasibilityrule", DeletingTheFrancIsRefused(), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void An_administrator_cannot_delete_the_currency_a_user_works_in()
        {
            _org.Setup.SetDefaultCurrency(_org.Rep, _franc);

            Assert.Contains("transactioncurrency_usersettings", DeletingTheFrancIsRefused());
        }

        [Fact]
        public void Every_CrmCollab_table_with_amounts_restricts_the_delete_of_their_currency()
        {
            var money = _org.Engine.Catalog.Tables.Values.Where(t => t.IsCustom && t.Column("transactioncurrencyid") != null).ToList();

            Assert.Contains(money, t => t.LogicalName == "crmc_amendment");
            Assert.Contains(money, t => t.LogicalName == "crmc_feasibilityrule");
            foreach (var table in money)
                Assert.Contains(_org.Engine.Catalog.Relationships, r => !r.IsManyToMany && r.ReferencedEntity == "transactioncurrency"
                    && r.ReferencingEntity == table.LogicalName && r.ReferencingAttribute == "transactioncurrencyid" && r.CascadeDelete == "Restrict");
        }
    }
}
