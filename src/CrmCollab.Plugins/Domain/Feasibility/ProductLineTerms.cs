using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A product line's own terms, and whether an Update changed them. Integrations re-save lines as they are (every
    /// column, numbers at another scale): a term sent with the value it already had changes nothing.
    /// </summary>
    public static class ProductLineTerms
    {
        /// <summary>
        /// The line's terms: what the functions reviewing a deal's "products" approved — the product (or the write-in
        /// product's name), its unit (5 pallets are not 5 units), quantity, price, manual discount, and the line's
        /// description, where Microsoft's OpportunityProduct reference says the details of what is sold go ("such as
        /// manufacturing details").
        /// </summary>
        public static readonly IReadOnlyList<string> Columns = new[] { Product, "productdescription", Unit, "quantity", Price, "manualdiscountamount", "description" };

        /// <summary>The line's catalogue product, unit and price per unit, and its Select Product (write-in) and Pricing ("Override Price") flags.</summary>
        public const string Product = "productid", Unit = "uomid", Price = "priceperunit", WriteIn = "isproductoverridden", PriceOverridden = "ispriceoverridden";

        /// <summary>
        /// What prices a catalogue line: its product, unit, deal (and so price list), whether the product is written in and
        /// whether its price is typed ("Override Price") or the price list's ("Use Default": the platform sets it from the
        /// deal's price list, OpportunityProduct table reference). A save of one of them may change the price it never sent.
        /// </summary>
        public static readonly IReadOnlyList<string> PricingColumns = new[] { Product, Unit, Data.OpportunityProduct.OpportunityId, WriteIn, PriceOverridden };

        /// <summary>The columns a save may change the line's terms through: its terms and what prices the line.</summary>
        public static readonly IReadOnlyList<string> Watched = Columns.Concat(PricingColumns).Distinct().ToArray();

        /// <summary>
        /// Whether the Update changed one of the line's terms: a term it sent, or the price when it sent what prices the
        /// line (a line put back on the list price takes the list's price though the save sends none), whose value after
        /// the Update is not the one before it. Values are compared as invariant text ("" for null, numbers whatever their
        /// scale). Without the values before the Update (<paramref name="before"/> null), any term sent counts as a change,
        /// so a review is re-opened rather than missed.
        /// </summary>
        public static bool Changed(IEnumerable<string> sentColumns, Func<string, string> before, Func<string, string> after)
        {
            List<string> sentList = sentColumns.ToList();
            var sent = sentList.Where(Columns.Contains);
            bool reprices = sentList.Any(PricingColumns.Contains);
            // Without the values before, what prices the line counts too; the deal alone is a move (ProductLineMove), not a change.
            if (before == null) return sent.Any() || sentList.Any(column => PricingColumns.Contains(column) && column != Data.OpportunityProduct.OpportunityId);
            if (reprices) sent = sent.Concat(new[] { Price }).Distinct();
            return sent.Any(column => before(column) != after(column));
        }
    }
}
