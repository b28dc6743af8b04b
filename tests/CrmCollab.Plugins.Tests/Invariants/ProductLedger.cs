using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The product lines each won deal had when it was first seen won. A won deal's products are part of its agreed terms
    /// (docs/guards.md, OpportunityProductGuard): no line is added, changed, removed, or moved onto or off it while it
    /// stays won. Amendments carry a new amount, discount, delivery or payment terms, never lines (crmc_amendment has no
    /// line column), so no approval lets them move. Reopened, the deal leaves the ledger; won again, it is read afresh.
    /// </summary>
    public sealed class ProductLedger
    {
        public static readonly string[] Columns =
            { "opportunityid", "productid", "productdescription", "uomid", "quantity", "priceperunit", "manualdiscountamount", "description", "extendedamount" };

        private readonly Dictionary<Guid, string> _lines = new Dictionary<Guid, string>();

        /// <summary>A deal's lines as text: each line's id and agreed columns, in id order.</summary>
        public static string Of(Guid deal, IEnumerable<Entity> lines) => string.Join("; ", lines
            .Where(l => l.GetAttributeValue<EntityReference>("opportunityid")?.Id == deal).OrderBy(l => l.Id)
            .Select(l => l.Id + ": " + string.Join(", ", Columns.Skip(1).Select(c => c + "=" + Text(l.Contains(c) ? l[c] : null)))));

        private static string Text(object value) => value switch
        {
            null => "",
            Money money => money.Value.ToString("0.00##"),
            decimal number => number.ToString("0.00##"),
            EntityReference reference => reference.Id.ToString(),
            _ => value.ToString(),
        };

        public void Observe(Guid deal, bool won, string lines)
        {
            if (!won)
            {
                _lines.Remove(deal);
                return;
            }
            if (_lines.TryGetValue(deal, out string agreed))
                Assert.True(agreed == lines, $"won deal {deal}'s product lines moved: '{agreed}' became '{lines}'");
            else _lines[deal] = lines;
        }
    }
}
