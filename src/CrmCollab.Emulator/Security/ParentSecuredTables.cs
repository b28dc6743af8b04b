using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// Tables whose rows are reached through their parent row's privileges. Opportunity lines: "There are no specific
    /// privileges for the OpportunityProduct entity" (CRM 2013/2015 SDK, "OpportunityProduct entity privileges"), so no role
    /// can carry a prv…OpportunityProduct privilege; what a user may do to a line is what they may do to its deal. Reading
    /// a line is reading the deal (the SDK's GetSalesOrderProductsFromOpportunity, which reads a deal's lines, asks
    /// prvReadOpportunity). **Not documented:** which right on the deal a change of its lines asks; the engine asks Write on
    /// the deal for every other right (a line changes what the deal is worth), so nobody changes the lines of a deal they
    /// may not edit. Queue items: "The privileges on a queue item are inherited from the privileges on a queue. If you have
    /// prvReadQueue privilege, you also have read privilege on a queue item entity. If you have prvAppendToQueue privilege,
    /// you also have create, update, and delete privileges on a queue item entity" (powerapps-docs
    /// `developer/data-platform/queue-entities.md`, Inherit privileges): reading an item is reading its queue, any other
    /// right is Append To on its queue, at the depth that reaches the queue's owner. Price list items and units: "There are
    /// no specific privileges for the ProductPriceLevel (price list item) entity" (CRM 2013 SDK), and both tables have
    /// OwnershipType None (Dynamics 365 table references), so no role can carry a privilege of theirs. **Not documented:**
    /// what reaching one asks; the engine asks of an item its price list's right and of a unit its unit group's (the
    /// Product privileges, <see cref="PrivilegeNames"/>): Read to read, Write for any change, so only who may change the
    /// catalogue changes a price. A unit without a unit group is judged on the table.
    /// </summary>
    internal static class ParentSecuredTables
    {
        private static readonly Dictionary<string, (string Parent, string Lookup, AccessRight Change)> Parents =
            new Dictionary<string, (string Parent, string Lookup, AccessRight Change)>(StringComparer.Ordinal)
            {
                ["opportunityproduct"] = ("opportunity", "opportunityid", AccessRight.Write),
                ["queueitem"] = ("queue", "queueid", AccessRight.AppendTo),
                ["productpricelevel"] = ("pricelevel", "pricelevelid", AccessRight.Write),
                ["uom"] = ("uomschedule", "uomscheduleid", AccessRight.Write),
            };

        /// <summary>The table whose privileges stand for <paramref name="table"/>'s: its parent's, else itself.</summary>
        public static string PrivilegesOf(string table) =>
            table != null && Parents.TryGetValue(table, out var link) ? link.Parent : table;

        /// <summary>
        /// True when <paramref name="table"/> is secured through its parent: the check to make instead is of
        /// <paramref name="right"/> (Read stays Read, any other right is the table's change right: Write on a line's deal,
        /// Append To on an item's queue) on the parent row the row names, or on the parent table when no row is given or
        /// it names none.
        /// </summary>
        public static bool Redirect(IQueryDataSource data, string table, ref AccessRight right, ref Entity row, out string parent)
        {
            parent = null;
            if (table == null || !Parents.TryGetValue(table, out var link)) return false;
            parent = link.Parent;
            right = right == AccessRight.Read ? AccessRight.Read : link.Change;
            var parentId = RowValues.IdOf(row, link.Lookup);
            row = parentId.HasValue && data.TryGet(link.Parent, parentId.Value, out var parentRow) ? parentRow : null;
            return true;
        }
    }
}
