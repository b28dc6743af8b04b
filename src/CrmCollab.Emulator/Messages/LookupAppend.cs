using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Setting a lookup links two rows, and Microsoft's "Security roles and privileges" page
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/security-access-rights) gives each side its right:
    /// "Append a record | WRITE, READ, APPEND" for the row that holds the lookup, "Append to a record | WRITE, READ,
    /// APPENDTO" for the row it names ("To create an opportunity, you must have the access right appendto on accounts and
    /// the access right append on opportunities"). A Create or Update by anyone but SYSTEM that sets a lookup or customer
    /// column to a row (on an Update, to another row than the stored one) therefore asks Append on the row being written,
    /// at a depth that reaches it (on a Create: its owner once created), and AppendTo on the named row, at a depth that
    /// reaches that row's owner or business unit, as Read and Write are asked. Write on the row being written is asked by
    /// the Update as before; the READ and WRITE the page also lists for the named row are not modelled.
    /// <para>
    /// An Update that sends a lookup's stored value again (an integration saving back what it read) links nothing new. No
    /// page says what the platform asks then, so, as for an owner sent again (<see cref="OwnerChange"/>), nothing is asked:
    /// a logistics clerk re-saving a handoff task that names the won deal needs no AppendTo on deals.
    /// </para>
    /// <para>
    /// Not asked: ownerid (Assign governs a new owner, <see cref="OwnerChange"/>), activity-party lists (their parties
    /// are rows of their own), the columns the platform ignores for the message (createdby, modifiedby, owningbusinessunit,
    /// owninguser, owningteam, masterid...: the store drops them, so nothing is linked), a lookup cleared to null (nothing
    /// is appended), and a lookup to a table the engine knows no AppendTo privilege for (<see cref="PrivilegeNames.HasAppendTo"/>:
    /// business units, process stages, tables it does not know, intersect tables).
    /// A reference to a row that does not exist is left to the store, which refuses it as not found.
    /// </para>
    /// The check runs in the main operation, after PreOperation: the Target it reads is the one the platform writes, so a
    /// lookup a PreOperation step adds to the caller's own save (CrmCollab stamps who raised a signal, who decided a review)
    /// is asked of the caller, as it is written with the caller's rights.
    /// </summary>
    internal static class LookupAppend
    {
        /// <summary>Create: <paramref name="asOwned"/> is the target with the owner it will have (as the Create check sees it).</summary>
        public static void DemandOnCreate(MessageContext context, Guid userId, TableDefinition table, Entity saved, Entity asOwned) =>
            Demand(context, userId, table, saved, null, asOwned, isCreate: true);

        /// <summary>Update: only lookups that name another row than <paramref name="current"/> holds are asked.</summary>
        public static void DemandOnUpdate(MessageContext context, Guid userId, TableDefinition table, Entity saved, Entity current) =>
            Demand(context, userId, table, saved, current, current, isCreate: false);

        private static void Demand(MessageContext context, Guid userId, TableDefinition table, Entity saved, Entity current,
            Entity written, bool isCreate)
        {
            var security = context.Engine.Security;
            if (security == null || security.IsSystem(userId)) return;
            bool appendAsked = false;
            using var pairs = new Pairs(saved.Attributes);
            foreach (var pair in pairs)
            {
                if (!(pair.Value is EntityReference reference) || reference.Id == Guid.Empty) continue;
                var column = table.Column(pair.Key);
                if (!Links(column, isCreate)) continue;
                if (current != null && Same(current.GetAttributeValue<EntityReference>(pair.Key), reference)) continue;
                var named = context.Engine.Catalog.Table(reference.LogicalName);
                // A table the column may not name is the store's to refuse, as a row that does not exist is.
                if (!PrivilegeNames.HasAppendTo(named) || (column.Targets.Count > 0 && !column.Targets.Contains(named.LogicalName))) continue;
                if (!context.Store.Rows.TryGet(named.LogicalName, reference.Id, out var namedRow)) continue;
                if (!appendAsked)
                {
                    security.Demand(userId, table.LogicalName, AccessRight.Append, written);
                    appendAsked = true;
                }
                security.Demand(userId, named.LogicalName, AccessRight.AppendTo, namedRow);
            }
        }

        /// <summary>A lookup or customer column the caller may set with this message.</summary>
        private static bool Links(ColumnDefinition column, bool isCreate) =>
            column != null && (column.Type == ColumnType.Lookup || column.Type == ColumnType.Customer)
            && (isCreate ? column.IsValidForCreate : column.IsValidForUpdate);

        private static bool Same(EntityReference stored, EntityReference sent) =>
            stored != null && stored.Id == sent.Id && stored.LogicalName == sent.LogicalName;
    }
}
