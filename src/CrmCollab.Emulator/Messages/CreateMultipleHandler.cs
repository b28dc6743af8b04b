using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// CreateMultiple: CreateMultiple steps fire once with Targets, and, because the platform merges the single
    /// and multiple pipelines ("Write plug-ins for CreateMultiple and UpdateMultiple"), Create steps fire for each
    /// row. All rows are one transaction. Post-images per row in PostEntityImagesCollection.
    /// </summary>
    internal sealed class CreateMultipleHandler : IMessageHandler
    {
        public string MessageName => "CreateMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var targets = context.Required<EntityCollection>("Targets");
            var table = MultipleTargets.TableOf(context, targets);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table,
                HasPreImage = false,
                ImageRecords = new List<(string, Guid)>(),
                Main = op =>
                {
                    var ids = new List<Guid>();
                    foreach (var target in ((EntityCollection)op.InputParameters["Targets"]).Entities)
                    {
                        var response = context.Inner(op, new OrganizationRequest("Create") { ["Target"] = target });
                        var id = (Guid)response.Results["id"];
                        target.Id = id;
                        ids.Add(id);
                        op.ImageRecords.Add((table, id));
                    }
                    op.OutputParameters["Ids"] = ids.ToArray();
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }

    /// <summary>
    /// UpdateMultiple: UpdateMultiple steps once with Targets; Update steps per row; one transaction. Several targets naming
    /// the same row (by id or alternate key): "the operation is performed on the first record only. Any subsequent records
    /// with the same key value(s) in the payload are ignored" (Microsoft Learn, "Use bulk operation messages"). Whether the
    /// UpdateMultiple steps still see the ignored ones in Targets is not documented: the engine leaves them out.
    /// IfRowVersionMatches (UpdateMultipleRequest.ConcurrencyBehavior) is asked of every target before any step runs.
    /// </summary>
    internal sealed class UpdateMultipleHandler : IMessageHandler
    {
        public string MessageName => "UpdateMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var targets = context.Required<EntityCollection>("Targets");
            var table = MultipleTargets.TableOf(context, targets);
            var definition = context.Table(table);
            var records = new List<(string, Guid)>();
            var named = new HashSet<Guid>();
            var entities = targets.Entities;
            bool versioned = OptimisticConcurrency.Asked(context.Request);
            for (int i = 0; i < entities.Count; i++)
            {
                var target = entities[i];
                target.Id = context.Store.ResolveId(definition, target);
                var stored = context.Store.RequireRow(table, target.Id);
                if (!named.Add(target.Id))
                {
                    entities.RemoveAt(i--); // a later record naming a row already named is ignored, its version too
                    continue;
                }
                if (versioned) OptimisticConcurrency.Demand(definition, target.RowVersion, stored);
                records.Add((table, target.Id));
            }
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table,
                ImageRecords = records,
                Main = op =>
                {
                    foreach (var target in ((EntityCollection)op.InputParameters["Targets"]).Entities)
                        context.Inner(op, new OrganizationRequest("Update") { ["Target"] = target });
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }

    internal static class MultipleTargets
    {
        public static string TableOf(MessageContext context, EntityCollection targets)
        {
            var table = targets.EntityName ?? targets.Entities.FirstOrDefault()?.LogicalName
                ?? throw Faults.Invalid("Targets is empty and has no EntityName.");
            if (targets.Entities.Any(e => e.LogicalName != table))
                throw Faults.Invalid($"All Targets must be of table '{table}'.");
            context.Table(table);
            return table;
        }
    }
}
