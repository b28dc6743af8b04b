using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// What the queue item's own messages (PickFromQueue, ReleaseToQueue, RemoveFromQueue) share: the item they name, and
    /// the privilege Microsoft's message privilege pages give them, Write on the item's queue (primary entity queue,
    /// prvWriteQueue).
    /// </summary>
    internal static class QueueItemAccess
    {
        /// <summary>The request's QueueItemId, which must name an existing item.</summary>
        public static Guid RequiredItem(MessageContext context)
        {
            Guid id = context.Get<Guid>("QueueItemId");
            if (id == Guid.Empty) throw Engine.Faults.Invalid("Required field 'QueueItemId' is missing");
            context.Store.RequireRow("queueitem", id);
            return id;
        }

        /// <summary>
        /// The message's own operation on the item (its pipeline on queueitem): Write on the item's queue is asked, then
        /// <paramref name="change"/> writes, given the operation and the item as it is.
        /// </summary>
        public static OrganizationResponse Run(MessageContext context, string message, Guid id, Action<Operation, Entity> change) =>
            context.Run(new OperationSpec
            {
                MessageName = message,
                PrimaryEntityName = "queueitem",
                PrimaryEntityId = id,
                HasPostImage = false,
                Main = op =>
                {
                    Entity item = context.Store.RequireRow("queueitem", id);
                    DemandWriteOnQueue(context, op.UserId, item);
                    change(op, item);
                    return MessageContext.Respond(message, op);
                },
            });

        /// <summary>Write on the item's queue, asked at the depth that reaches the queue's owner.</summary>
        private static void DemandWriteOnQueue(MessageContext context, Guid userId, Entity item)
        {
            EntityReference queue = item.GetAttributeValue<EntityReference>("queueid");
            context.Demand(userId, "queue", AccessRight.Write, queue == null ? null : context.Store.RequireRow("queue", queue.Id));
        }
    }
}
