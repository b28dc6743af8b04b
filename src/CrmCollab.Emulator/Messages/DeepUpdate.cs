using System;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// An Update whose target carries related rows (Entity.RelatedEntities) updates them in the same operation (Microsoft
    /// Learn, "Update and delete table rows using the SDK for .NET", section "Update related table rows in one operation":
    /// the caller retrieves the row with its related rows "so that you can access the id values"; the primary row is
    /// processed first, then the related rows, and a related row's value of a column the primary row also changed is the
    /// one retained). Each related row is an Update of its own table, with its id (a row without one is refused as any
    /// Update without an id), its steps and the caller's privileges, made by the platform within the row's Update: same
    /// user, depth and transaction, ParentContext the row's Update at stage 30 (MessageContext.Inner), after the row is
    /// written. Not documented, so not done: creating a related row that has no id, or linking a related row that is not
    /// yet linked; the engine updates each related row with the columns it carries. A relationship the organisation does
    /// not have, or that does not join the two tables, is refused (<see cref="RelatedRowRelationships"/>) before anything runs.
    /// </summary>
    internal static class DeepUpdate
    {
        /// <summary>Every relationship named is checked before the Update runs: nothing is done for a wrong one.</summary>
        public static void Check(MessageContext context, string table, Entity target)
        {
            foreach (var pair in target.RelatedEntities)
                RelatedRowRelationships.Resolve(context, table, pair.Key, pair.Value, out _);
        }

        /// <summary>After the row is written: each related row updated by an Update of its own, in the order sent.</summary>
        public static void UpdateRelated(MessageContext context, Operation op, string table, Entity target)
        {
            foreach (var pair in target.RelatedEntities)
            {
                RelatedRowRelationships.Resolve(context, table, pair.Key, pair.Value, out _);
                foreach (var row in pair.Value.Entities)
                {
                    // The caller's row is left as sent (the Update sets its id, a step may change its Target).
                    var copy = Store.EntityCloner.Clone(row);
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = copy });
                }
            }
        }
    }
}
