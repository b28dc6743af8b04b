using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// RemoveFromQueue (QueueItemId): takes an item out of its queue. Microsoft documents it as equivalent to deleting
    /// the queue item (RemoveFromQueueRequest, "Notes for callers"); the record the item held stays. The caller deletes the
    /// item and holds Write on its queue (the message's privilege page: prvWriteQueue). Its own pipeline on queueitem, then
    /// the delete.
    /// </summary>
    internal sealed class RemoveFromQueueHandler : IMessageHandler
    {
        public string MessageName => "RemoveFromQueue";

        public OrganizationResponse Handle(MessageContext context)
        {
            Guid id = context.Get<Guid>("QueueItemId");
            if (id == Guid.Empty) throw Engine.Faults.Invalid("Required field 'QueueItemId' is missing");
            context.Store.RequireRow("queueitem", id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = "queueitem",
                PrimaryEntityId = id,
                HasPostImage = false,
                Main = op =>
                {
                    Entity item = context.Store.RequireRow("queueitem", id);
                    context.Demand(op.UserId, "queueitem", AccessRight.Delete, item);
                    // "RemoveFromQueue message privileges": primary entity queue, prvWriteQueue (CRM 2013, 2015, Dynamics 365).
                    EntityReference queue = item.GetAttributeValue<EntityReference>("queueid");
                    context.Demand(op.UserId, "queue", AccessRight.Write, queue == null ? null : context.Store.RequireRow("queue", queue.Id));
                    context.Store.Delete("queueitem", id, op.UserId, op.Transaction.Log);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
