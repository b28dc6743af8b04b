using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The store's part of a Delete: each 1:N relationship's CascadeDelete applied to the row's children (Restrict refuses,
    /// Cascade deletes them, RemoveLink clears their lookup), its N:N links removed, then the row. Written below the
    /// pipeline: no step of the children's tables runs for them (the platform documents no such step).
    /// </summary>
    internal static class DeleteCascade
    {
        public static void Apply(DataStore store, string tableName, Guid id, Guid callerId, UndoLog log)
        {
            store.RequireTable(tableName);
            store.RequireRow(tableName, id);
            if (tableName == "team") RefuseWhileOwning(store, id);
            foreach (var relationship in store.Catalog.Relationships.Where(r => !r.IsManyToMany && r.ReferencedEntity == tableName))
            {
                // Through the lookup's equality index (candidates by id); the filter keeps the polymorphic target exact.
                var children = store.Rows.Find(relationship.ReferencingEntity, relationship.ReferencingAttribute, id)
                    .Where(r => r.GetAttributeValue<object>(relationship.ReferencingAttribute) is EntityReference reference
                                && reference.Id == id && reference.LogicalName == tableName)
                    .ToList();
                if (children.Count == 0) continue;
                switch (relationship.CascadeDelete)
                {
                    case "Restrict":
                        throw Faults.Create(ErrorCodes.CannotDeleteDueToAssociation,
                            $"The record cannot be deleted because it is associated with another record ({relationship.SchemaName}).");
                    case "Cascade":
                        foreach (var child in children)
                            if (store.Rows.Exists(child.LogicalName, child.Id)) Apply(store, child.LogicalName, child.Id, callerId, log);
                        break;
                    default: // RemoveLink
                        foreach (var child in children)
                        {
                            var copy = EntityCloner.NextVersion(child);
                            copy[relationship.ReferencingAttribute] = null;
                            store.Stamp(store.Catalog.Table(child.LogicalName), copy);
                            store.Rows.Put(copy, log);
                        }
                        break;
                }
            }
            // N:N links of the row go with it.
            foreach (var relationship in store.Catalog.Relationships.Where(r => r.IsManyToMany && (r.Entity1 == tableName || r.Entity2 == tableName)))
            {
                var links = new List<Guid>();
                if (relationship.Entity1 == tableName)
                    links.AddRange(store.Rows.Find(relationship.IntersectEntity, relationship.Entity1IntersectAttribute, id).Select(r => r.Id));
                if (relationship.Entity2 == tableName)
                    links.AddRange(store.Rows.Find(relationship.IntersectEntity, relationship.Entity2IntersectAttribute, id).Select(r => r.Id));
                foreach (var link in links.Distinct().ToList()) store.Rows.Remove(relationship.IntersectEntity, link, log);
            }
            // Its shares go with it (principalobjectaccess rows name the record).
            Security.RecordShares.RemoveAll(store.Rows, id, log);
            store.Rows.Remove(tableName, id, log);
        }

        /// <summary>
        /// "Can't delete a team which owns records. Reassign the records and try again." (CannotDeleteTeamOwningRecords,
        /// 0x8004830E: powerapps-docs web-service-error-codes.md): a team that owns a row of any table is not deleted, so no
        /// row is left owned by nobody. Read through each owned table's owner index.
        /// </summary>
        private static void RefuseWhileOwning(DataStore store, Guid teamId)
        {
            foreach (var table in store.Catalog.Tables.Values.Where(t => t.Column("ownerid") != null))
                if (store.Rows.Find(table.LogicalName, "ownerid", teamId)
                    .Any(r => r.GetAttributeValue<object>("ownerid") is EntityReference owner && owner.Id == teamId && owner.LogicalName == "team"))
                    throw Faults.Create(ErrorCodes.CannotDeleteTeamOwningRecords,
                        "Can't delete a team which owns records. Reassign the records and try again.");
        }
    }
}