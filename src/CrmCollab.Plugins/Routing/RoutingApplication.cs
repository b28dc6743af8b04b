using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The one way a routing decision is applied to a record (a handoff task or a feasibility review), whether the
    /// record is being created or re-routed: a user or team owns it; a queue cannot own, so the queue's owner holds it
    /// and it waits in the queue as a queue item; nobody (no owner, no rule, no fallback) leaves the record with the
    /// given default owner. Every caller — handoff creation, review requests, re-routing after an owner change or a
    /// disabled user — goes through here, so all behave the same.
    /// </summary>
    public sealed class RoutingApplication
    {
        private readonly IOrganizationService _service;

        public RoutingApplication(IOrganizationService service)
        {
            _service = service;
        }

        /// <summary>
        /// Who owns a record routed this way (null: keep <paramref name="whenNobody"/>). A queue's owner was read with the
        /// routing (a rule's or the fallback's queue); a queue named otherwise is read here.
        /// </summary>
        public EntityReference OwnerFor(OwnerResolution routing, EntityReference whenNobody)
        {
            Principal owner = routing?.Owner;
            if (owner == null) return whenNobody;
            if (owner.Kind != PrincipalKind.Queue) return RoutingRepository.ToOwnerReference(owner);
            if (owner.Holder != null)
            {
                EntityReference holder = RoutingRepository.ToOwnerReference(owner.Holder);
                holder.Name = owner.Holder.Name; // as a read of the queue's owner names it
                return holder;
            }
            return _service.Retrieve(Queue.Table, owner.Id, new ColumnSet(Queue.OwnerId)).Read<EntityReference>(Queue.OwnerId) ?? whenNobody;
        }

        /// <summary>After the record exists: a queue-routed record is put in its queue (once). True when it was queued now.</summary>
        public bool Enqueue(EntityReference record, OwnerResolution routing, string title)
        {
            Principal owner = routing?.Owner;
            if (owner == null || owner.Kind != PrincipalKind.Queue) return false;
            var existing = new QueryExpression(QueueItem.Table) { ColumnSet = new ColumnSet(QueueItem.QueueId), TopCount = 1 };
            existing.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, record.Id);
            existing.Criteria.AddCondition(QueueItem.QueueId, ConditionOperator.Equal, owner.Id);
            if (_service.RetrieveMultiple(existing).Entities.Count > 0) return false;
            _service.Create(new Entity(QueueItem.Table)
            {
                [QueueItem.QueueId] = new EntityReference(Queue.Table, owner.Id),
                [QueueItem.ObjectId] = record,
                [QueueItem.Title] = Values.Shorten(title, 300),
            });
            return true;
        }

        /// <summary>
        /// Takes a record out of every queue it waits in (RemoveFromQueue, which Microsoft documents as equivalent to
        /// deleting the queue item; the record itself stays). Returns how many queue items it had.
        /// </summary>
        public int Dequeue(EntityReference record)
        {
            var items = new QueryExpression(QueueItem.Table) { ColumnSet = new ColumnSet(QueueItem.QueueId) };
            items.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, record.Id);
            var found = _service.RetrieveMultiple(items).Entities;
            foreach (Entity item in found)
                _service.Execute(new OrganizationRequest(QueueItem.RemoveFromQueue) { [QueueItem.QueueItemIdParameter] = item.Id });
            return found.Count;
        }

        /// <summary>
        /// Re-routes an existing record: new owner (when it differs), the routing path and the unrouted flag, then the
        /// queue item. Returns whether anything changed.
        /// </summary>
        public bool Reroute(Entity record, EntityReference currentOwner, OwnerResolution routing, string routingPathColumn,
            string unroutedColumn, string reason, string title)
        {
            EntityReference owner = OwnerFor(routing, currentOwner);
            bool moves = owner != null && (currentOwner == null || currentOwner.Id != owner.Id);
            bool queued = Enqueue(record.ToEntityReference(), routing, title);
            if (!moves && !queued) return false;
            var update = new Entity(record.LogicalName, record.Id)
            {
                [routingPathColumn] = Values.Shorten($"{reason}: {routing?.RoutingPath}", 2000),
            };
            if (moves) update[CommonColumn.OwnerId] = owner;
            if (unroutedColumn != null) update[unroutedColumn] = routing?.IsUnrouted ?? true;
            _service.Update(update);
            return true;
        }
    }
}
