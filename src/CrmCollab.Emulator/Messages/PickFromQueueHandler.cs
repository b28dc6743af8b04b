using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// PickFromQueue (QueueItemId, WorkerId, RemoveQueueItem): the app's Pick on a queue item. "Assigns a queue item to a
    /// user and optionally remove the queue item from the queue" (PickFromQueueRequest): the item names the worker, or,
    /// with RemoveQueueItem, is deleted (the record it held stays). Its privilege is Write on the item's queue ("PickFromQueue
    /// message privileges": primary entity queue, prvWriteQueue; the same page for CRM 2013, 2015 and Dynamics 365), asked
    /// on the queue at the depth that reaches its owner. Not modelled: anything a pick does to the held record's owner (no
    /// page says it changes it). Its own pipeline on queueitem.
    /// </summary>
    internal sealed class PickFromQueueHandler : IMessageHandler
    {
        public string MessageName => "PickFromQueue";

        public OrganizationResponse Handle(MessageContext context)
        {
            Guid id = QueueItemAccess.RequiredItem(context);
            Guid worker = context.Get<Guid>("WorkerId");
            if (worker == Guid.Empty) throw Engine.Faults.Invalid("Required field 'WorkerId' is missing");
            bool remove = context.Request.Parameters.TryGetValue("RemoveQueueItem", out object flag) && flag is bool b && b;
            context.Store.RequireRow("systemuser", worker);
            return QueueItemAccess.Run(context, MessageName, id, (op, item) =>
            {
                if (remove) context.Store.Delete("queueitem", id, op.UserId, op.Transaction.Log);
                else context.Store.Update(new Entity("queueitem", id) { ["workerid"] = new EntityReference("systemuser", worker) }, op.UserId, op.Transaction.Log);
            });
        }
    }
}
