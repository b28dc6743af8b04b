namespace CrmCollab.Emulator.Metadata
{
    // The product catalogue a deal's catalogue lines name: units and unit groups, products, price lists and their items.
    public static partial class BuiltInTables
    {
        /// <summary>
        /// Dynamics 365 table references (Product Management solution): Unit Group (uomschedule, OTC 1056), Product (1024) and
        /// Price List (pricelevel, 1022) are OrganizationOwned; Unit (uom, 1055) and Price List Item (productpricelevel, 1026)
        /// have OwnershipType None. A price list item prices one product in one unit of one price list; its Currency Amount
        /// (pricing method 1) is the amount. Only the columns a catalogue line needs are modelled: no product states, kits,
        /// properties, discount lists or the other pricing methods.
        /// </summary>
        private static void AddCatalogue(MetadataCatalog c)
        {
            Table(c, "uomschedule", "UoMSchedule", 1056, OwnershipType.OrganizationOwned, "name")
                .String("name", 200, RequiredLevel.SystemRequired)
                .String("baseuomname", 100)
                .Memo("description")
                .SystemColumns();

            // A unit of measure (Unit (UoM) table reference: name SystemRequired, baseuom a lookup to uom, its unit group and
            // its quantity of the base unit).
            Table(c, "uom", "UoM", 1055, OwnershipType.None, "name")
                .String("name", 100, RequiredLevel.SystemRequired)
                .Lookup("baseuom", "uom")
                .Lookup("uomscheduleid", "uomschedule")
                .Decimal("quantity", 5, 0m, 1000000000m)
                .SystemColumns();

            Table(c, "pricelevel", "PriceLevel", 1022, OwnershipType.OrganizationOwned, "name")
                .String("name", 100, RequiredLevel.SystemRequired)
                // A currency in use cannot be deleted, as for every currency relationship (docs/platform-facts.md).
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_pricelevel", cascadeDelete: "Restrict")
                .Memo("description")
                .SystemColumns();

            Table(c, "product", "Product", 1024, OwnershipType.OrganizationOwned, "name")
                .String("name", 100, RequiredLevel.SystemRequired)
                .String("productnumber", 100)
                .Lookup("defaultuomscheduleid", "uomschedule")
                .Lookup("defaultuomid", "uom")
                .Lookup("pricelevelid", "pricelevel").Display("Default Price List")
                .Int("quantitydecimal", 0, 5)
                .Memo("description")
                .SystemColumns();

            Table(c, "productpricelevel", "ProductPriceLevel", 1026, OwnershipType.None, "productidname")
                .Lookup("pricelevelid", "pricelevel").Required(RequiredLevel.SystemRequired)
                // A product's price list items go with it (Product table reference, product_price_levels: Delete Cascade).
                .Lookup("productid", "product").Required(RequiredLevel.SystemRequired).Rel("product_price_levels", cascadeDelete: "Cascade")
                .Lookup("uomid", "uom")
                .Lookup("uomscheduleid", "uomschedule")
                .Picklist("pricingmethodcode", (1, "Currency Amount"), (2, "Percent of List"), (3, "Percent Markup - Current Cost"),
                    (4, "Percent Margin - Current Cost"), (5, "Percent Markup - Standard Cost"), (6, "Percent Margin - Standard Cost"))
                .Picklist("quantitysellingcode", (1, "No Control"), (2, "Whole"), (3, "Whole and Fractional"))
                .Money("amount")
                .Decimal("percentage", 2, 0m, 1000000000m)
                .SystemColumns();
        }
    }
}
