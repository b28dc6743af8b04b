using CrmCollab.Emulator.Metadata;
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

        public OrganizationResponse Handle(MessageContext context) =>
            QueueItemAccess.Run(context, MessageName, QueueItemAccess.RequiredItem(context), (op, item) =>
            {
                context.Demand(op.UserId, "queueitem", AccessRight.Delete, item);
                context.Store.Delete("queueitem", item.Id, op.UserId, op.Transaction.Log);
            });
    }
}
