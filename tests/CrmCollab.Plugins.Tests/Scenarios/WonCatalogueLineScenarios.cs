using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The catalogue lines of a won deal are agreed terms like its write-in lines: no line added, removed, moved to another
    /// deal, given another product, unit, quantity or price (the list price included) without an approved amendment.
    /// </summary>
    public class WonCatalogueLineScenarios
    {
        private static readonly string[] Touched = { "opportunityproduct", "opportunity", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly CatalogueOrg _catalogue;
        private readonly Guid _deal, _other, _line;

        public WonCatalogueLineScenarios()
        {
            _catalogue = new CatalogueOrg(_org);
            Guid account = _org.Account("Contoso");
            _deal = _org.Deal(account);
            _other = _org.Deal(account, "Line 5 retrofit");
            IOrganizationService rep = _org.As(_org.Rep);
            foreach (Guid deal in new[] { _deal, _other })
                rep.Update(new Entity("opportunity", deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) });
            _line = rep.Create(CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet));
            _org.Win(_deal);
        }

        [Theory]
        [InlineData("another line")]
        [InlineData("another product")]
        [InlineData("another unit")]
        [InlineData("another quantity")]
        [InlineData("a price by hand")]
        [InlineData("moved to another deal")]
        [InlineData("removed")]
        public void A_won_deals_catalogue_line_is_locked(string change)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            var update = new Entity("opportunityproduct", _line);
            switch (change)
            {
                case "another line": _org.Refused(RefusalCodes.ProductsLocked, () => rep.Create(CatalogueOrg.Line(_deal, _catalogue.Gearbox, _catalogue.Pallet)), Touched); return;
                case "removed": _org.Refused(RefusalCodes.ProductsLocked, () => rep.Delete("opportunityproduct", _line), Touched); return;
                case "another product": update["productid"] = new EntityReference("product", _catalogue.Gearbox); break;
                case "another unit": update["uomid"] = new EntityReference("uom", _catalogue.Crate); break;
                case "another quantity": update["quantity"] = 3m; break;
                case "a price by hand": update["ispriceoverridden"] = true; update["priceperunit"] = new Money(900m); break;
                default: update["opportunityid"] = new EntityReference("opportunity", _other); break;
            }
            _org.Refused(RefusalCodes.ProductsLocked, () => rep.Update(update), Touched);
            Assert.Equal(1500m, _org.Row("opportunityproduct", _line, "priceperunit").GetAttributeValue<Money>("priceperunit").Value);
        }

        /// <summary>
        /// The product a line names cannot be deleted while a line names it (Product table reference, its opportunity lines'
        /// relationship: Delete Restrict); its price list items go with it (product_price_levels: Delete Cascade). Before, the
        /// engine deleted the product and the won deal's line was left naming a product that no longer existed.
        /// </summary>
        [Fact]
        public void The_product_a_won_deals_line_names_stays_in_the_catalogue()
        {
            IOrganizationService admin = _org.As(_org.Admin);

            Assert.NotNull(Record.Exception(() => admin.Delete("product", _catalogue.Spindle)));

            Assert.Equal(_catalogue.Spindle, _org.Row("opportunityproduct", _line, "productid").GetAttributeValue<EntityReference>("productid").Id);
            Assert.Equal("Spindle", _org.Row("product", _catalogue.Spindle, "name").GetAttributeValue<string>("name"));
            // A product no line names goes, its price list items with it.
            admin.Delete("product", _catalogue.Gearbox);
            var items = new QueryExpression("productpricelevel") { ColumnSet = new ColumnSet("productid") };
            items.Criteria.AddCondition("productid", ConditionOperator.Equal, _catalogue.Gearbox);
            Assert.Empty(_org.System.RetrieveMultiple(items).Entities);
        }

        /// <summary>
        /// The price list prices the deal's catalogue lines ("based on the price list specified on the parent opportunity"):
        /// a won deal keeps the one it was won on. Before, the salesperson could give it a cheaper list after the win.
        /// </summary>
        [Fact]
        public void A_won_deals_price_list_is_locked()
        {
            Guid cheaper = _org.As(_org.Admin).Create(new Entity("pricelevel") { ["name"] = "Friends and family" });

            string refusal = _org.Refused(RefusalCodes.TermsLocked, () => _org.As(_org.Rep).Update(new Entity("opportunity", _deal)
                { ["pricelevelid"] = new EntityReference("pricelevel", cheaper) }), Touched);
            _org.Refused(RefusalCodes.TermsLocked, () => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["pricelevelid"] = null }), Touched);

            // No amendment proposes a price list: the sentence does not send the salesperson to raise one.
            Assert.Equal("The agreed terms of a won opportunity are locked (Price List). An amendment changes the amount, discount, requested " +
                "delivery or payment terms only: Price List stays as the deal was won. [CRMC-TERMS-LOCKED]", refusal);
            Assert.Equal(_catalogue.PriceList, _org.Row("opportunity", _deal, "pricelevelid").GetAttributeValue<EntityReference>("pricelevelid").Id);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) }); // sent again: fine
        }

        /// <summary>
        /// The refusal says what the salesperson can do: an amendment proposes a new amount, discount, requested delivery or
        /// payment terms, never product lines. Before, it told them to raise an amendment "to change the deal", which cannot
        /// change a line.
        /// </summary>
        [Fact]
        public void The_refusal_of_a_won_deals_line_says_what_an_amendment_can_change()
        {
            string refusal = _org.Refused(RefusalCodes.ProductsLocked, () => _org.As(_org.Rep).Update(new Entity("opportunityproduct", _line) { ["quantity"] = 3m }), Touched);

            Assert.Equal("The products of a won opportunity are part of its agreed terms and stay as they were won: no line is added, changed or " +
                "removed. An amendment changes the deal's amount, discount, requested delivery or payment terms, not its products; sell an added " +
                "product on a new opportunity. [CRMC-PRODUCTS-LOCKED]", refusal);
        }

        [Fact]
        public void A_catalogue_line_moved_onto_a_won_deal_is_refused()
        {
            IOrganizationService rep = _org.As(_org.Rep);
            Guid open = rep.Create(CatalogueOrg.Line(_other, _catalogue.Gearbox, _catalogue.Pallet));

            _org.Refused(RefusalCodes.ProductsLocked, () => rep.Update(new Entity("opportunityproduct", open)
                { ["opportunityid"] = new EntityReference("opportunity", _deal) }), Touched);
            Assert.Equal(_other, _org.Row("opportunityproduct", open, "opportunityid").GetAttributeValue<EntityReference>("opportunityid").Id);
        }
    }
}
