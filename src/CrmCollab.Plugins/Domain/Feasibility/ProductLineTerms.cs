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
        public static readonly IReadOnlyList<string> Columns = new[] { "productid", "productdescription", "uomid", "quantity", "priceperunit", "manualdiscountamount", "description" };

        /// <summary>
        /// Whether the Update changed one of the line's terms: a term it sent whose value after the Update is not the
        /// one before it. Values are compared as invariant text ("" for null, numbers whatever their scale).
        /// Without the values before the Update (<paramref name="before"/> null), any term sent counts as a change,
        /// so a review is re-opened rather than missed.
        /// </summary>
        public static bool Changed(IEnumerable<string> sentColumns, Func<string, string> before, Func<string, string> after)
        {
            var sent = sentColumns.Where(Columns.Contains);
            return before == null ? sent.Any() : sent.Any(column => before(column) != after(column));
        }
    }
}
