using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The price of a catalogue line, as the OpportunityProduct table reference documents it: Price Per Unit "based on the
    /// price list specified on the parent opportunity", and Pricing (ispriceoverridden) "Use Default" fixes it "at the value
    /// in the specified price list" ("Override Price" lets the user type it). A line that names a catalogue product (not a
    /// write-in one) with Use Default pricing therefore takes, whatever price it was sent with, the amount of the item of its
    /// deal's price list for its product and unit, priced by Currency Amount (pricing method 1, the amount itself), when it
    /// is created and when a save changes its product, unit, pricing, write-in flag or deal. **Not modelled:** the other pricing
    /// methods (percent of list, markup and margin on cost), volume discounts (discount lists), the pricing error a line
    /// without a price list item gets (its price is left as sent), re-pricing when a price list item or the deal's price list
    /// changes, and the line's Amount and Extended Amount, which the engine does not calculate.
    /// </summary>
    internal static class ListPrices
    {
        private const string Line = "opportunityproduct", Item = "productpricelevel";
        private static readonly string[] Pricing = { "productid", "uomid", "ispriceoverridden", "isproductoverridden", "opportunityid" };

        /// <summary>
        /// Whether an Update of <paramref name="target"/> changes something the line's list price depends on. A line sent
        /// again as it is keeps its price: no page says a save that changes nothing re-prices a line from a price list
        /// changed since.
        /// </summary>
        public static bool Touched(Entity target, Entity current)
        {
            if (target.LogicalName != Line) return false;
            foreach (string column in Pricing)
                if (target.Contains(column) && !SameValue(target[column], current.GetAttributeValue<object>(column))) return true;
            return false;
        }

        private static bool SameValue(object sent, object stored)
        {
            if (sent is EntityReference || stored is EntityReference) return (sent as EntityReference)?.Id == (stored as EntityReference)?.Id;
            return Equals(sent ?? false, stored ?? false); // the two flags: absent is their default, false
        }

        /// <summary>Sets the line's price per unit from its deal's price list; true when it did.</summary>
        public static bool Apply(RowStore rows, Entity line)
        {
            if (line.LogicalName != Line || line.GetAttributeValue<bool>("isproductoverridden") || line.GetAttributeValue<bool>("ispriceoverridden"))
                return false;
            Guid? product = line.GetAttributeValue<EntityReference>("productid")?.Id, unit = line.GetAttributeValue<EntityReference>("uomid")?.Id;
            Guid? deal = line.GetAttributeValue<EntityReference>("opportunityid")?.Id;
            if (product == null || unit == null || deal == null || !rows.TryGet("opportunity", deal.Value, out Entity opportunity)) return false;
            Guid? list = opportunity.GetAttributeValue<EntityReference>("pricelevelid")?.Id;
            if (list == null) return false;
            foreach (Entity item in rows.Find(Item, "productid", product.Value))
            {
                if (item.GetAttributeValue<EntityReference>("pricelevelid")?.Id != list || item.GetAttributeValue<EntityReference>("uomid")?.Id != unit) continue;
                int method = item.GetAttributeValue<OptionSetValue>("pricingmethodcode")?.Value ?? 1;
                if (method != 1 || !(item.GetAttributeValue<Money>("amount") is Money amount)) return false;
                line["priceperunit"] = new Money(amount.Value);
                return true;
            }
            return false;
        }
    }
}
