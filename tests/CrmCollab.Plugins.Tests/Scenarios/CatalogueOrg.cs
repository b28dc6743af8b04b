using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A product catalogue as a CrmCollab Administrator keeps it: a unit group with its pallet and crate units, two
    /// products, and the 2026 price list pricing each product by the pallet (Currency Amount).
    /// </summary>
    public sealed class CatalogueOrg
    {
        public CatalogueOrg(CrmCollabOrg org, Guid? keeper = null)
        {
            IOrganizationService admin = org.As(keeper ?? org.Admin);
            UnitGroup = admin.Create(new Entity("uomschedule") { ["name"] = "Packaging units", ["baseuomname"] = "Pallet" });
            Pallet = admin.Create(new Entity("uom") { ["name"] = "Pallet", ["uomscheduleid"] = new EntityReference("uomschedule", UnitGroup), ["quantity"] = 1m });
            Crate = admin.Create(new Entity("uom") { ["name"] = "Crate", ["uomscheduleid"] = new EntityReference("uomschedule", UnitGroup), ["quantity"] = 0.25m });
            PriceList = admin.Create(new Entity("pricelevel") { ["name"] = "2026 list" });
            Spindle = Product(admin, "Spindle", "SP-1");
            Gearbox = Product(admin, "Gearbox", "GB-2");
            SpindleItem = Item(admin, Spindle, Pallet, 1500m);
            GearboxItem = Item(admin, Gearbox, Pallet, 2400m);
            Item(admin, Spindle, Crate, 400m);
        }

        public Guid UnitGroup { get; }
        public Guid Pallet { get; }
        public Guid Crate { get; }
        public Guid PriceList { get; }
        public Guid Spindle { get; }
        public Guid Gearbox { get; }
        public Guid SpindleItem { get; }
        public Guid GearboxItem { get; }

        private Guid Product(IOrganizationService admin, string name, string number) => admin.Create(new Entity("product")
        {
            ["name"] = name, ["productnumber"] = number,
            ["defaultuomscheduleid"] = new EntityReference("uomschedule", UnitGroup), ["defaultuomid"] = new EntityReference("uom", Pallet),
            ["quantitydecimal"] = 0,
        });

        private Guid Item(IOrganizationService admin, Guid product, Guid unit, decimal amount) => admin.Create(new Entity("productpricelevel")
        {
            ["pricelevelid"] = new EntityReference("pricelevel", PriceList), ["productid"] = new EntityReference("product", product),
            ["uomid"] = new EntityReference("uom", unit), ["uomscheduleid"] = new EntityReference("uomschedule", UnitGroup),
            ["pricingmethodcode"] = new OptionSetValue(1), ["amount"] = new Money(amount), ["quantitysellingcode"] = new OptionSetValue(1),
        });

        /// <summary>A catalogue line: the product and its unit, priced from the deal's price list (Use Default).</summary>
        public static Entity Line(Guid deal, Guid product, Guid unit, decimal quantity = 2m) => new Entity("opportunityproduct")
        {
            ["opportunityid"] = new EntityReference("opportunity", deal), ["productid"] = new EntityReference("product", product),
            ["uomid"] = new EntityReference("uom", unit), ["quantity"] = quantity,
        };
    }
}
