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
            Guid id = QueueItemAccess.RequiredItem(context);
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
                    QueueItemAccess.DemandWriteOnQueue(context, op.UserId, item);
                    context.Store.Delete("queueitem", id, op.UserId, op.Transaction.Log);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
