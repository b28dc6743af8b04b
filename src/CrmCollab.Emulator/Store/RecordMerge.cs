using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The store's part of a Merge: the subordinate's child rows move to the master along every 1:N relationship of the
    /// table (CascadeConfiguration.Merge: Cascade), and the subordinate is deactivated, marked merged and pointed at its
    /// master. The children's moves are written as the delete cascade writes its unlinks: below the pipeline, so no
    /// step of the children's tables runs for them (the platform documents no such step).
    /// </summary>
    internal static class RecordMerge
    {
        public const string MergedColumn = "merged";
        public const string MasterColumn = "masterid";

        public static void Apply(DataStore store, TableDefinition table, Guid masterId, Guid subordinateId, Guid callerId, UndoLog log)
        {
            var master = store.Values.Reference(table.LogicalName, masterId);
            foreach (var relationship in store.Catalog.Relationships.Where(r => !r.IsManyToMany && r.ReferencedEntity == table.LogicalName))
            {
                var children = store.Rows.Find(relationship.ReferencingEntity, relationship.ReferencingAttribute, subordinateId)
                    .Where(r => r.GetAttributeValue<object>(relationship.ReferencingAttribute) is EntityReference reference
                                && reference.Id == subordinateId && reference.LogicalName == table.LogicalName)
                    .ToList();
                foreach (var child in children)
                {
                    if (child.LogicalName == table.LogicalName && (child.Id == masterId || child.Id == subordinateId)) continue;
                    var moved = EntityCloner.NextVersion(child);
                    moved[relationship.ReferencingAttribute] = master;
                    store.Stamp(store.Catalog.Table(child.LogicalName), moved);
                    store.Rows.Put(moved, log);
                }
            }
            var merged = EntityCloner.NextVersion(store.RequireRow(table.LogicalName, subordinateId));
            if (StateRules.HasState(table))
            {
                const int inactive = 1;
                merged["statecode"] = store.Values.Option(inactive);
                int? status = StateRules.DefaultStatus(table, inactive);
                if (status != null) merged["statuscode"] = store.Values.Option(status.Value);
            }
            if (table.Column(MergedColumn) != null) merged[MergedColumn] = true;
            if (table.Column(MasterColumn) != null) merged[MasterColumn] = master;
            store.StampChange(table, merged, callerId);
            store.Rows.Put(merged, log);
        }
    }
}
