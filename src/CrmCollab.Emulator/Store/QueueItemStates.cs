using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// What Dataverse does to queue items on its own when their record changes state: "a queue item is automatically
    /// deactivated if the state of the record in the queue item changed from Active to Inactive" (queue-enabled tables
    /// with Active and Inactive states; Microsoft Learn, "Queue entities", actions on queue items). The first state of a
    /// table (Active, Open) is the active one. Nothing is documented for the way back, so a reactivated record's items
    /// stay inactive. A record's Delete removes its items through the relationship's cascade, as documented too.
    /// </summary>
    internal static class QueueItemStates
    {
        private const string Table = "queueitem", ObjectId = "objectid";

        /// <summary>
        /// The ids of the record's active queue items when the change (its state columns as the state rules resolved
        /// them; null when it has none) deactivates the record; else none.
        /// </summary>
        public static IReadOnlyList<Guid> ToDeactivate(MetadataCatalog catalog, RowStore rows, Entity current, Entity stateChange)
        {
            string table = current.LogicalName;
            int? oldState = current.GetAttributeValue<OptionSetValue>("statecode")?.Value;
            int? newState = stateChange?.GetAttributeValue<OptionSetValue>("statecode")?.Value;
            if (oldState != 0 || newState == null || newState == 0) return Array.Empty<Guid>();
            if (catalog.Table(Table)?.Column(ObjectId)?.Targets.Contains(table) != true) return Array.Empty<Guid>();
            return ActiveOf(rows, table, current.Id);
        }

        // Its own method: the lambdas' captures would otherwise be allocated on entry to ToDeactivate, on every Update.
        private static List<Guid> ActiveOf(RowStore rows, string table, Guid id) =>
            rows.Find(Table, ObjectId, id)
                .Where(item => item.GetAttributeValue<EntityReference>(ObjectId) is EntityReference record && record.Id == id && record.LogicalName == table)
                .Where(item => item.GetAttributeValue<OptionSetValue>("statecode")?.Value == 0)
                .Select(item => item.Id)
                .ToList();

        /// <summary>The change that deactivates one queue item (its default inactive status follows from the state).</summary>
        public static Entity Deactivation(Guid item) => new Entity(Table, item) { ["statecode"] = new OptionSetValue(1) };
    }
}
