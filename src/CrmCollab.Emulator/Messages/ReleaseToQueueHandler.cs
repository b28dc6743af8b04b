using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// ReleaseToQueue (QueueItemId): the queue item's Release, which gives a picked item back to its queue so that another
    /// member may pick it (ReleaseToQueueRequest): the item names no worker any more; the record it holds stays as it is.
    /// Its privilege is Write on the item's queue ("ReleaseToQueue message privileges": primary entity queue, prvWriteQueue).
    /// Its own pipeline on queueitem.
    /// </summary>
    internal sealed class ReleaseToQueueHandler : IMessageHandler
    {
        public string MessageName => "ReleaseToQueue";

        public OrganizationResponse Handle(MessageContext context) =>
            QueueItemAccess.Run(context, MessageName, QueueItemAccess.RequiredItem(context), (op, item) =>
                context.Store.Update(new Entity("queueitem", item.Id) { ["workerid"] = null }, op.UserId, op.Transaction.Log));
    }
}
