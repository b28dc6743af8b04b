using System;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A catalogue line's price per unit is "based on the price list specified on the parent opportunity", and "Use
    /// Default" pricing fixes it "at the value in the specified price list" (OpportunityProduct table reference): the
    /// Currency Amount of the deal's price list item for the line's product and unit. Override Price and write-in lines
    /// keep the price typed.
    /// </summary>
    public class ListPriceTests
    {
        private readonly IOrganizationService _svc = new TestOrg().Boot().SystemService;
        private readonly Guid _deal, _product, _pallet, _crate, _list;

        public ListPriceTests()
        {
            Guid group = _svc.Create(new Entity("uomschedule") { ["name"] = "Packaging" });
            _pallet = _svc.Create(new Entity("uom") { ["name"] = "Pallet", ["uomscheduleid"] = new EntityReference("uomschedule", group) });
            _crate = _svc.Create(new Entity("uom") { ["name"] = "Crate", ["uomscheduleid"] = new EntityReference("uomschedule", group) });
            _list = _svc.Create(new Entity("pricelevel") { ["name"] = "2026 list" });
            _product = _svc.Create(new Entity("product") { ["name"] = "Spindle", ["productnumber"] = "SP-1" });
            Item(_pallet, 1500m, 1);
            Item(_crate, 400m, 2); // Percent of List: not modelled, the price is left as sent
            _deal = _svc.Create(new Entity("opportunity") { ["name"] = "Retrofit", ["pricelevelid"] = new EntityReference("pricelevel", _list) });
        }

        private void Item(Guid unit, decimal amount, int method) => _svc.Create(new Entity("productpricelevel")
        {
            ["pricelevelid"] = new EntityReference("pricelevel", _list), ["productid"] = new EntityReference("product", _product),
            ["uomid"] = new EntityReference("uom", unit), ["pricingmethodcode"] = new OptionSetValue(method), ["amount"] = new Money(amount),
        });

        private Entity Line(Guid unit, decimal? price = null, bool? overridden = null)
        {
            var line = new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["productid"] = new EntityReference("product", _product),
                ["uomid"] = new EntityReference("uom", unit), ["quantity"] = 2m,
            };
            if (price.HasValue) line["priceperunit"] = new Money(price.Value);
            if (overridden.HasValue) line["ispriceoverridden"] = overridden.Value;
            return line;
        }

        private decimal? Price(Guid line) => _svc.Retrieve("opportunityproduct", line, new ColumnSet("priceperunit")).GetAttributeValue<Money>("priceperunit")?.Value;

        [Fact]
        public void A_catalogue_line_on_the_default_price_takes_its_deals_list_price_whatever_price_it_is_sent_with()
        {
            Assert.Equal(1500m, Price(_svc.Create(Line(_pallet))));
            Assert.Equal(1500m, Price(_svc.Create(Line(_pallet, price: 1m))));
        }

        [Fact]
        public void An_overridden_price_a_write_in_line_and_a_price_the_engine_does_not_compute_are_kept_as_sent()
        {
            Assert.Equal(900m, Price(_svc.Create(Line(_pallet, 900m, overridden: true))));
            Assert.Equal(300m, Price(_svc.Create(Line(_crate, 300m))));
            var writeIn = new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Spare belt", ["quantity"] = 1m, ["priceperunit"] = new Money(50m),
            };
            Assert.Equal(50m, Price(_svc.Create(writeIn)));
        }

        [Fact]
        public void A_line_put_back_on_the_default_price_or_given_another_unit_is_priced_again_and_one_saved_as_it_is_keeps_its_price()
        {
            Guid line = _svc.Create(Line(_pallet, 900m, overridden: true));

            _svc.Update(new Entity("opportunityproduct", line) { ["ispriceoverridden"] = false });
            Assert.Equal(1500m, Price(line));

            _svc.Update(new Entity("productpricelevel", FindItem()) { ["amount"] = new Money(1600m) });
            _svc.Update(new Entity("opportunityproduct", line) { ["ispriceoverridden"] = false, ["uomid"] = new EntityReference("uom", _pallet) });
            Assert.Equal(1500m, Price(line)); // nothing changed: no page says a save that changes nothing prices the line again
        }

        private Guid FindItem()
        {
            var query = new QueryExpression("productpricelevel") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("uomid", ConditionOperator.Equal, _pallet);
            return _svc.RetrieveMultiple(query).Entities[0].Id;
        }
    }
}
