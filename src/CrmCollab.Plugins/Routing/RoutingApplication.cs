using System;
using System.Collections.Generic;
using System.Linq;
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
    /// given default owner. A re-routed record leaves the queues it no longer belongs in, so it waits in one queue at most.
    /// Every caller — handoff creation, review requests, re-routing after an owner change or a
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
            Guid? queue = RoutedQueue.Of(routing);
            if (queue == null) return false;
            var existing = new QueryExpression(QueueItem.Table) { ColumnSet = new ColumnSet(QueueItem.QueueId), TopCount = 1 };
            existing.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, record.Id);
            existing.Criteria.AddCondition(QueueItem.QueueId, ConditionOperator.Equal, queue.Value);
            if (_service.RetrieveMultiple(existing).Entities.Count > 0) return false;
            AddItem(record, queue.Value, title);
            return true;
        }

        private void AddItem(EntityReference record, Guid queue, string title) =>
            _service.Create(new Entity(QueueItem.Table)
            {
                [QueueItem.QueueId] = new EntityReference(Queue.Table, queue),
                [QueueItem.ObjectId] = record,
                [QueueItem.Title] = Values.Shorten(title, 300),
            });

        /// <summary>
        /// Takes a record out of every queue it waits in (RemoveFromQueue, which Microsoft documents as equivalent to
        /// deleting the queue item; the record itself stays). Returns how many queue items it had.
        /// </summary>
        public int Dequeue(EntityReference record) => Remove(QueueItems(record));

        /// <summary>The record's queue items, with their queue (one query).</summary>
        private List<Entity> QueueItems(EntityReference record)
        {
            var items = new QueryExpression(QueueItem.Table) { ColumnSet = new ColumnSet(QueueItem.QueueId) };
            items.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, record.Id);
            return _service.RetrieveMultiple(items).Entities.ToList();
        }

        private static Guid QueueOf(Entity item) => item.RefId(QueueItem.QueueId) ?? Guid.Empty;

        /// <summary>The records waiting in the queue, picked by a worker or not (one query).</summary>
        public IReadOnlyList<EntityReference> WaitingIn(Guid queue)
        {
            var items = new QueryExpression(QueueItem.Table) { ColumnSet = new ColumnSet(QueueItem.ObjectId) };
            items.Criteria.AddCondition(QueueItem.QueueId, ConditionOperator.Equal, queue);
            return _service.RetrieveMultiple(items).Entities.Select(i => i.Read<EntityReference>(QueueItem.ObjectId)).Where(o => o != null).ToList();
        }

        /// <summary>Takes each item out of its queue (RemoveFromQueue); returns how many.</summary>
        private int Remove(IEnumerable<Entity> items)
        {
            int removed = 0;
            foreach (Entity item in items)
            {
                _service.Execute(new OrganizationRequest(QueueItem.RemoveFromQueue) { [QueueItem.QueueItemIdParameter] = item.Id });
                removed++;
            }
            return removed;
        }

        /// <summary>
        /// Re-routes an existing record: new owner (when it differs), the routing path and the unrouted flag, and where it
        /// waits: out of the queues it no longer belongs in, into the routing's queue (<see cref="RoutedQueue"/>; one
        /// query, unless the routing found nobody). With <paramref name="notesUnmoved"/> (a leaver's work: the record must say
        /// that nobody can take it; a reopened handoff, routed afresh), a record read with its routing path (and unrouted flag) also has them written when only
        /// they change. The record's routing hold (<see cref="RoutingHold"/>) is written with the path: <paramref name="hold"/> from
        /// the leaver's handover, empty for every other routing (routed normally again); with <paramref name="notesUnmoved"/>
        /// (the record read with its hold) a hold that changes is written too. Returns whether anything changed.
        /// </summary>
        public bool Reroute(Entity record, EntityReference currentOwner, OwnerResolution routing, string routingPathColumn,
            string unroutedColumn, string reason, string title, bool notesUnmoved = false, RoutingHold? hold = null)
        {
            // A handoff (read with its flag) or a review left unrouted because the person its routing names is disabled is held so.
            if (hold == null && (unroutedColumn != null || record.LogicalName == FeasibilityReviewRow.Table)) hold = HoldOf(routing);
            // A handoff read with its flag says how it is held, though it stays where it is: the routing finds nobody (it stays
            // where it waited, flagged unrouted, in the Unrouted Handoffs view, its path saying why), or names the one who already
            // holds it unrouted (no longer unrouted). Before, it kept the flag and path of the routing it no longer had. So does
            // one the routing leaves at the unrouted desk where it waits: its path and hold say why it waits there now (the
            // person the routing names is disabled: their return brings it to them). Before, it kept the hold it had, none.
            bool flagRead = unroutedColumn != null && record.Contains(unroutedColumn);
            bool notes = notesUnmoved || (flagRead && (routing?.Owner == null || routing.IsUnrouted));
            EntityReference owner = OwnerFor(routing, currentOwner);
            bool moves = owner != null && (currentOwner == null || currentOwner.Id != owner.Id);
            EntityReference self = record.ToEntityReference();
            List<Entity> items = routing?.Owner == null ? new List<Entity>() : QueueItems(self);
            var leaving = new HashSet<Guid>(RoutedQueue.ToLeave(routing, items.Select(QueueOf)));
            bool left = Remove(items.Where(i => leaving.Contains(QueueOf(i)))) > 0;
            Guid? queue = RoutedQueue.Of(routing);
            bool queued = queue != null && items.All(i => QueueOf(i) != queue.Value);
            if (queued) AddItem(self, queue.Value, title);
            string path = Values.Shorten($"{reason}: {routing?.RoutingPath}", 2000);
            bool unrouted = routing?.IsUnrouted ?? true;
            // A leaver's work has its path and flag written when they change though it stays where it is
            // (nobody can take a disabled user's work: the record says so, and shows among the unrouted ones).
            // The routing's own words are compared, not the dated reason: work that stays as it was is not said to be
            // reassigned again at each run (nor rewritten).
            string holdColumn = HoldColumnOf(record.LogicalName);
            bool noted = notes && ((record.Contains(routingPathColumn)
                    && !(record.Read<string>(routingPathColumn) ?? "").EndsWith(": " + routing?.RoutingPath, StringComparison.Ordinal))
                || (unroutedColumn != null && record.Contains(unroutedColumn) && record.Read<bool?>(unroutedColumn) != unrouted)
                || (holdColumn != null && (int?)hold != record.Choice(holdColumn)))
                || (flagRead && record.Read<bool?>(unroutedColumn) != (routing?.IsUnrouted ?? true));
            if (!moves && !queued && !left && !noted) return false;
            var update = new Entity(record.LogicalName, record.Id) { [routingPathColumn] = path };
            if (moves) update[CommonColumn.OwnerId] = owner;
            if (unroutedColumn != null) update[unroutedColumn] = unrouted;
            if (holdColumn != null) update[holdColumn] = hold == null ? null : new OptionSetValue((int)hold.Value);
            _service.Update(update);
            return true;
        }

        /// <summary>
        /// The hold of a handoff a routing leaves unrouted because someone it would name is disabled: found again and routed
        /// when a user is enabled (<see cref="HandoverPass.WaitingSinceOwnerLeft"/>); null otherwise.
        /// </summary>
        public static RoutingHold? HoldOf(OwnerResolution routing) =>
            routing != null && routing.IsUnrouted && routing.PassedOverDisabled ? RoutingHold.MovedBecauseOwnerDisabled : (RoutingHold?)null;

        /// <summary>The routing hold column of the tables routed here (a handoff task, a feasibility review); null for another.</summary>
        private static string HoldColumnOf(string table) =>
            table == HandoffTask.Table ? HandoffTask.RoutingHold
            : table == FeasibilityReviewRow.Table ? FeasibilityReviewRow.RoutingHold : null;
    }
}
