using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The product lines each deal had when it was first seen won. A won deal's products are part of its agreed terms
    /// (docs/guards.md, OpportunityProductGuard): no line is added, changed, removed, or moved onto or off a won deal, nor
    /// off or onto one won once and reopened (by a CrmCollab Administrator, to amend that sale), unless an approved
    /// amendment applies — and amendments carry a new amount, discount, delivery or payment terms, never lines
    /// (crmc_amendment has no line column), so the lines of a deal won once never move again.
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

        public void Observe(Guid deal, bool wonOnce, string lines)
        {
            if (!wonOnce)
            {
                _lines.Remove(deal);
                return;
            }
            if (_lines.TryGetValue(deal, out string agreed))
                Assert.True(agreed == lines, $"deal {deal}, won, had its product lines moved: '{agreed}' became '{lines}'");
            else _lines[deal] = lines;
        }
    }
}
