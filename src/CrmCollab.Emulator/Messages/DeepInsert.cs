using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A Create whose target carries related rows (Entity.RelatedEntities, keyed by Relationship: schema name and, for a
    /// self-referential relationship, PrimaryEntityRole) creates them in the same operation (Microsoft Learn, "Create table
    /// rows using the SDK for .NET", section "Create related table rows in one operation"; the Web API's "deep insert":
    /// atomic, "replacing multiple simpler creation and association operations with one combined operation").
    /// <para>
    /// Each related row is a full Create of its own table (its steps, its privilege checks), made by the platform within
    /// the row's Create: same user, depth and transaction, ParentContext the row's Create at stage 30, as every other
    /// sub-operation of the engine (MessageContext.InnerFrame). Not documented, so chosen as the docs imply (one operation
    /// replacing the separate creations and associations): a row the new row refers to (many-to-one: the account's
    /// primarycontactid) is created first, as the caller's own Create would be, and the new row's Create then names it,
    /// so the new row's steps see that lookup from PreValidation on, as they would on separate Creates; rows that refer
    /// to the new row (one-to-many: the account's tasks) are created after it is written, within its Create, their lookup
    /// set to it; a many-to-many row is created after it and associated (Associate). A relationship the organisation
    /// does not have, or whose two tables are not the row's and the related row's, is refused as Associate refuses it;
    /// nothing is written then.
    /// </para>
    /// </summary>
    internal static class DeepInsert
    {
        /// <summary>
        /// Creates the row through <paramref name="create"/>, after the rows it refers to (many-to-one), each created as its
        /// own Create and named by the row's lookup, so the row's steps see the lookup as a Create naming an existing row
        /// does; all in one transaction. Every relationship is checked first: nothing is written for a wrong one.
        /// </summary>
        public static OrganizationResponse Create(MessageContext context, string table, Entity target, Func<MessageContext, OrganizationResponse> create)
        {
            var referenced = new List<KeyValuePair<RelationshipDefinition, Entity>>();
            foreach (var pair in target.RelatedEntities)
            {
                var relationship = RelatedRowRelationships.Resolve(context, table, pair.Key, pair.Value, out RelatedRowRelationships.Kind kind);
                if (kind != RelatedRowRelationships.Kind.ManyToOne) continue;
                if (pair.Value.Entities.Count != 1)
                    throw Faults.Invalid($"The relationship '{relationship.SchemaName}' refers to one '{relationship.ReferencedEntity}' row; {pair.Value.Entities.Count} were given.");
                referenced.Add(new KeyValuePair<RelationshipDefinition, Entity>(relationship, pair.Value.Entities[0]));
            }
            if (referenced.Count == 0) return create(context);

            ExecutionFrame caller = context.Frame;
            bool owns = caller.Transaction == null;
            var transaction = caller.Transaction ?? new Transaction();
            bool done = !owns;
            try
            {
                var frame = Within(caller, transaction, caller.InnerOperation);
                foreach (var pair in referenced)
                {
                    var response = context.Engine.Dispatch(new OrganizationRequest("Create") { ["Target"] = pair.Value }, Within(caller, transaction, true));
                    target[pair.Key.ReferencingAttribute] = new EntityReference(pair.Key.ReferencedEntity, (Guid)response.Results["id"]);
                }
                var result = create(new MessageContext(context.Engine, frame, context.Request));
                if (owns) transaction.Commit(context.Engine.AsyncQueue);
                done = true;
                return result;
            }
            finally
            {
                if (!done) transaction.Rollback(context.Store.Rows);
            }
        }

        /// <summary>The caller's frame inside the deep insert's transaction (same user, depth and parent context).</summary>
        private static ExecutionFrame Within(ExecutionFrame caller, Transaction transaction, bool inner)
        {
            var frame = caller.Within(caller.ParentContext, transaction);
            frame.InnerOperation = inner;
            frame.Cascaded = caller.Cascaded;
            return frame;
        }

        /// <summary>After the row is written with <paramref name="id"/>: the rows that refer to it, and its many-to-many rows.</summary>
        public static void CreateReferencing(MessageContext context, Operation op, string table, Entity target, Guid id)
        {
            var parent = new EntityReference(table, id);
            foreach (var pair in target.RelatedEntities)
            {
                var relationship = RelatedRowRelationships.Resolve(context, table, pair.Key, pair.Value, out RelatedRowRelationships.Kind kind);
                if (kind == RelatedRowRelationships.Kind.ManyToOne) continue;
                foreach (var row in pair.Value.Entities)
                {
                    if (kind == RelatedRowRelationships.Kind.OneToMany) row[relationship.ReferencingAttribute] = parent;
                    Guid rowId = CreateRow(context, op, row);
                    if (kind == RelatedRowRelationships.Kind.ManyToMany)
                        context.Inner(op, new OrganizationRequest("Associate")
                        {
                            ["Target"] = parent,
                            ["Relationship"] = new Relationship(relationship.SchemaName),
                            ["RelatedEntities"] = new EntityReferenceCollection { new EntityReference(row.LogicalName, rowId) },
                        });
                }
            }
        }

        private static Guid CreateRow(MessageContext context, Operation op, Entity row)
        {
            var response = context.Inner(op, new OrganizationRequest("Create") { ["Target"] = row });
            return (Guid)response.Results["id"];
        }
    }
}
