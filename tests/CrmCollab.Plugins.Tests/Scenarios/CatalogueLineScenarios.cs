using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Real salespeople sell from the catalogue: they read the products and price lists a CrmCollab Administrator keeps,
    /// give their deal a price list and add product lines priced from it. Before, the shipped roles read no product or
    /// price-list table, so only write-in lines worked. A catalogue line is a term of the deal like a write-in line: before
    /// the win, changing it re-opens the reviews that weigh the products; after the win, it changes only by amendment.
    /// </summary>
    public class CatalogueLineScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly CatalogueOrg _catalogue;
        private readonly Guid _lena, _fiona, _deal;

        public CatalogueLineScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _catalogue = new CatalogueOrg(_org);
        }

        private IOrganizationService Rep => _org.As(_org.Rep);

        private Entity LineRow(Guid line) => _org.Row("opportunityproduct", line, "priceperunit", "productid", "uomid", "quantity");

        private int LogisticsDecision => _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private static QueryExpression All(string table, params string[] columns) => new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };

        [Fact]
        public void The_salesperson_prices_their_deal_from_the_price_list_and_a_catalogue_line_asks_the_approved_logistics_review_again()
        {
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            // The catalogue as the salesperson sees it when adding a product.
            Assert.Equal(2, Rep.RetrieveMultiple(All("product", "name", "productnumber")).Entities.Count);
            Assert.Single(Rep.RetrieveMultiple(All("pricelevel", "name")).Entities);
            Assert.Equal(3, Rep.RetrieveMultiple(All("productpricelevel", "amount")).Entities.Count);
            Assert.Equal(2, Rep.RetrieveMultiple(All("uom", "name")).Entities.Count);
            Rep.Update(new Entity("opportunity", _deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) });

            Guid line = Rep.Create(CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet));

            Assert.Equal(1500m, LineRow(line).GetAttributeValue<Money>("priceperunit").Value); // the list price of a spindle by the pallet
            Assert.Equal((int)ReviewDecision.Pending, LogisticsDecision);
            // The reviewer deciding it reads the line and its product.
            Assert.Equal("Spindle", _org.As(_lena).Retrieve("product", _catalogue.Spindle, new ColumnSet("name")).GetAttributeValue<string>("name"));
        }

        [Fact]
        public void Only_a_CrmCollab_Administrator_changes_the_catalogue()
        {
            foreach (Guid user in new[] { _org.Rep, _lena })
            {
                IOrganizationService service = _org.As(user);
                Assert.NotNull(Record.Exception(() => service.Create(new Entity("product") { ["name"] = "Cheap spindle", ["productnumber"] = "SP-0" })));
                Assert.NotNull(Record.Exception(() => service.Update(new Entity("productpricelevel", _catalogue.SpindleItem) { ["amount"] = new Money(1m) })));
                Assert.NotNull(Record.Exception(() => service.Update(new Entity("pricelevel", _catalogue.PriceList) { ["name"] = "Friends and family" })));
                Assert.NotNull(Record.Exception(() => service.Delete("productpricelevel", _catalogue.GearboxItem)));
            }
            Assert.Equal(1500m, _org.Row("productpricelevel", _catalogue.SpindleItem, "amount").GetAttributeValue<Money>("amount").Value);
            _org.As(_org.Admin).Update(new Entity("productpricelevel", _catalogue.SpindleItem) { ["amount"] = new Money(1550m) });
        }

        [Theory]
        [InlineData("another product")]
        [InlineData("another unit")]
        [InlineData("another quantity")]
        [InlineData("moved to another deal")]
        [InlineData("removed")]
        public void A_catalogue_line_changed_before_the_win_asks_the_approved_logistics_review_again(string change)
        {
            Rep.Update(new Entity("opportunity", _deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) });
            Guid line = Rep.Create(CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet));
            Guid other = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            var update = new Entity("opportunityproduct", line);
            switch (change)
            {
                case "removed": Rep.Delete("opportunityproduct", line); break;
                case "another product": update["productid"] = new EntityReference("product", _catalogue.Gearbox); Rep.Update(update); break;
                case "another unit": update["uomid"] = new EntityReference("uom", _catalogue.Crate); Rep.Update(update); break;
                case "another quantity": update["quantity"] = 3m; Rep.Update(update); break;
                default: update["opportunityid"] = new EntityReference("opportunity", other); Rep.Update(update); break;
            }

            Assert.Equal((int)ReviewDecision.Pending, LogisticsDecision);
        }

        [Fact]
        public void A_catalogue_line_saved_again_as_it_is_leaves_the_approved_reviews_standing()
        {
            Rep.Update(new Entity("opportunity", _deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) });
            Guid line = Rep.Create(CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet));
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            Entity again = CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet);
            again.Id = line;
            again["ispriceoverridden"] = false;
            Rep.Update(again);

            Assert.Equal((int)ReviewDecision.Approved, LogisticsDecision);
        }

        [Fact]
        public void A_line_priced_by_hand_put_back_on_the_list_price_asks_the_approved_logistics_review_again()
        {
            Rep.Update(new Entity("opportunity", _deal) { ["pricelevelid"] = new EntityReference("pricelevel", _catalogue.PriceList) });
            Entity byHand = CatalogueOrg.Line(_deal, _catalogue.Spindle, _catalogue.Pallet);
            byHand["ispriceoverridden"] = true;
            byHand["priceperunit"] = new Money(1200m);
            Guid line = Rep.Create(byHand);
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            // "Use Default": the price per unit is the price list's again (1,500), though the save sends no price.
            Rep.Update(new Entity("opportunityproduct", line) { ["ispriceoverridden"] = false });

            Assert.Equal(1500m, LineRow(line).GetAttributeValue<Money>("priceperunit").Value);
            Assert.Equal((int)ReviewDecision.Pending, LogisticsDecision);
        }
    }
}
