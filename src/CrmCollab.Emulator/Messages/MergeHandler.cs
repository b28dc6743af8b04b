using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Merge (MergeRequest: Target, SubordinateId, UpdateContent, PerformParentingChecks) of two accounts, contacts,
    /// leads or cases: UpdateContent is written to the master (an Update of it), the subordinate's child rows move to the
    /// master and the subordinate is deactivated (<see cref="RecordMerge"/>). The caller needs the privileges Microsoft lists
    /// for the message (<see cref="MergePrivileges"/>) and Write on both records.
    /// Steps registered on Merge of the table run around it; the message's primary record is the master.
    /// </summary>
    internal sealed class MergeHandler : IMessageHandler
    {
        private static readonly HashSet<string> Mergeable = new HashSet<string>(StringComparer.Ordinal) { "account", "contact", "lead", "incident" };

        // The column each table's parent is kept in, for PerformParentingChecks.
        private static readonly Dictionary<string, string> ParentColumns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["account"] = "parentaccountid", ["contact"] = "parentcustomerid",
        };

        public string MessageName => "Merge";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            var content = context.Required<Entity>("UpdateContent");
            Guid subordinateId = context.Get<Guid>("SubordinateId");
            var table = context.Table(target.LogicalName);
            if (!Mergeable.Contains(table.LogicalName))
                throw Engine.Faults.Invalid($"Only accounts, contacts, leads and cases can be merged, not '{table.LogicalName}'.");
            if (subordinateId == Guid.Empty) throw Engine.Faults.Invalid("Required field 'SubordinateId' is missing");
            if (subordinateId == target.Id) throw Engine.Faults.Invalid("A record cannot be merged with itself.");
            if (!string.IsNullOrEmpty(content.LogicalName) && content.LogicalName != table.LogicalName)
                throw Engine.Faults.Invalid($"The columns to set in the merge (UpdateContent) must be {table.LogicalName} columns, not {content.LogicalName} columns.");
            context.Store.RequireRow(table.LogicalName, target.Id);
            context.Store.RequireRow(table.LogicalName, subordinateId);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = target.Id,
                Main = op =>
                {
                    var master = context.Store.RequireRow(table.LogicalName, target.Id);
                    var subordinate = context.Store.RequireRow(table.LogicalName, subordinateId);
                    MergePrivileges.Demand(context, op.UserId, table.LogicalName);
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Write, master);
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Write, subordinate);
                    if (op.InputParameters.TryGetValue("PerformParentingChecks", out var checks) && checks is bool check && check)
                        RefuseDifferentParents(table, master, subordinate);
                    var update = (Entity)op.InputParameters["UpdateContent"];
                    if (update.Attributes.Count > 0)
                    {
                        var change = EntityCloner.Clone(update);
                        change.LogicalName = table.LogicalName;
                        change.Id = target.Id;
                        context.Inner(op, new OrganizationRequest("Update") { ["Target"] = change });
                    }
                    RecordMerge.Apply(context.Store, table, target.Id, subordinateId, op.UserId, op.Transaction.Log);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }

        private static void RefuseDifferentParents(TableDefinition table, Entity master, Entity subordinate)
        {
            if (!ParentColumns.TryGetValue(table.LogicalName, out string column)) return;
            var first = master.GetAttributeValue<EntityReference>(column);
            var second = subordinate.GetAttributeValue<EntityReference>(column);
            if (first != null && second != null && (first.Id != second.Id || first.LogicalName != second.LogicalName))
                throw Engine.Faults.Invalid("The two records have different parents; merge them without the parenting check, or give them the same parent first.");
        }
    }
}
