using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// The bulk event a single Create or Update raises too. Microsoft Learn, "Use bulk operation messages", section
    /// "Message pipelines merged": when a single operation message is used, the respective bulk operation event occurs
    /// with an EntityCollection holding that single entity in Targets (the other way round, CreateMultiple and
    /// UpdateMultiple raise the Create and Update events for each entity of Targets: CreateMultipleHandler). The bulk
    /// steps see their own message name, Targets (no Target), and their images as arrays synchronised with Targets
    /// (PreEntityImagesCollection, PostEntityImagesCollection: "Write plug-ins for CreateMultiple and UpdateMultiple").
    /// <para>
    /// Not documented, so chosen here and kept as the bulk messages already behave: the bulk event runs within the
    /// single operation's main operation (every stage of the bulk steps after the single message's PreOperation steps
    /// and before its PostOperation steps; ParentContext is the single operation at stage 30, as the per-row events of a
    /// bulk message see theirs); only a message a caller or a plugin sends raises it, not the Create or Update the
    /// platform makes within another message (an Upsert, a Win, a row of a bulk message); each part of an Update split
    /// into its state and other columns raises it. Delete raises no DeleteMultiple event: the same page lists "DeleteMultiple
    /// plug-ins not invoked for Delete" as a known issue, and the engine has no DeleteMultiple (elastic tables only).
    /// </para>
    /// </summary>
    internal static class BulkEvent
    {
        public const string CreateMultiple = "CreateMultiple";
        public const string UpdateMultiple = "UpdateMultiple";

        /// <summary>True when the single operation raises the bulk event: it was sent, and a step is registered on the bulk message.</summary>
        public static bool Raised(MessageContext context, string bulkMessage, string table) =>
            !context.Frame.InnerOperation && context.Engine.Steps.For(bulkMessage, table).Length > 0;

        /// <summary>
        /// Runs the bulk event of <paramref name="single"/>; <paramref name="core"/> (the single operation's checks and
        /// write) is the event's main operation, on the entity the bulk steps leave in Targets.
        /// </summary>
        public static void Run(MessageContext context, Operation single, string bulkMessage, Entity target, Action<Entity> core)
        {
            string table = single.PrimaryEntityName;
            bool create = bulkMessage == CreateMultiple;
            var request = new OrganizationRequest(bulkMessage);
            // The request's optional parameters (a bypass, a tag) travel with it; Target becomes Targets.
            foreach (var parameter in single.InputParameters)
                if (parameter.Key != "Target") request.Parameters[parameter.Key] = parameter.Value;
            request.Parameters["Targets"] = new EntityCollection(new List<Entity> { target }) { EntityName = table };
            context.Engine.Pipeline.Run(context.InnerFrame(single), new OperationSpec
            {
                MessageName = bulkMessage,
                PrimaryEntityName = table,
                Request = request,
                HasPreImage = !create,
                ImageRecords = create ? new List<(string, Guid)>() : new List<(string, Guid)> { (table, single.PrimaryEntityId) },
                Main = op =>
                {
                    var targets = ((EntityCollection)op.InputParameters["Targets"]).Entities;
                    if (targets.Count != 1) throw Engine.Faults.Invalid($"{bulkMessage} raised by {single.MessageName} must keep one entity in Targets.");
                    var entity = targets[0];
                    if (!ReferenceEquals(entity, target)) single.InputParameters["Target"] = entity;
                    core(entity);
                    if (create)
                    {
                        op.ImageRecords.Add((table, single.PrimaryEntityId));
                        op.OutputParameters["Ids"] = new[] { single.PrimaryEntityId };
                    }
                    return MessageContext.Respond(bulkMessage, op);
                },
            });
        }
    }
}
