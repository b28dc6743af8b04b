using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A queue CrmCollab routes to (a routing rule in force, the Unrouted Handoffs Queue setting) given to another owner
    /// (Assign, or a save of its owner): after the change, inside its transaction, the open reviews and handoffs its former
    /// owner held waiting in it go to the new owner (<see cref="QueueKeeperChange"/>), written as SYSTEM with a routing path
    /// that says why; they stay in the queue. The new owner was judged able to own that work before the change
    /// (<see cref="RoutingRuleValidation"/>). A queue nothing routes to any more keeps what its former owner held. A backlog
    /// larger than one transaction takes (<see cref="QueueKeeperChange.MaxInTransaction"/>) is finished by the queue's
    /// background step (<see cref="HandOverRest"/>), so the change itself stays within the two minutes a step has.
    /// </summary>
    public sealed class QueueKeeperHandOver : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        public QueueKeeperHandOver(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Assign", Queue.Table, OnKeeperChanged)
                .PreImage(PreImage, Queue.OwnerId).PostImage(PostImage, Queue.Name, Queue.OwnerId);
            Register(PipelineStage.PostOperation, "Update", Queue.Table, OnKeeperChanged)
                .Filter(Queue.OwnerId)
                .PreImage(PreImage, Queue.OwnerId).PostImage(PostImage, Queue.Name, Queue.OwnerId);
        }

        /// <summary>In the change's transaction: the first <see cref="QueueKeeperChange.MaxInTransaction"/> records.</summary>
        private static void OnKeeperChanged(LocalPluginContext context) =>
            HandOver(context, context.PreImage(PreImage)?.Read<EntityReference>(Queue.OwnerId), context.PostImage(PostImage), QueueKeeperChange.MaxInTransaction);

        /// <summary>
        /// After the change (the queue's asynchronous step, <see cref="HandoffReassignment"/>): the rest of a backlog larger than
        /// one transaction takes, found as the first run found it — what the former owner still holds there — and given to
        /// whoever keeps the queue now (read, not taken from an image: the queue may have changed hands again since).
        /// </summary>
        public static void HandOverRest(LocalPluginContext context, EntityReference former) =>
            HandOver(context, former, context.SystemService.Retrieve(Queue.Table, context.ExecutionContext.PrimaryEntityId,
                new ColumnSet(Queue.Name, Queue.OwnerId)), int.MaxValue);

        /// <summary>The open work the former owner holds waiting in the queue (at most <paramref name="most"/> records) goes to its new owner.</summary>
        private static void HandOver(LocalPluginContext context, EntityReference former, Entity queue, int most)
        {
            EntityReference keeper = queue?.Read<EntityReference>(Queue.OwnerId);
            if (former == null || keeper == null || former.Id == keeper.Id) return;
            IOrganizationService service = context.SystemService;
            Guid queueId = context.ExecutionContext.PrimaryEntityId;
            var repository = new RoutingRepository(service);
            if (repository.WhatRoutesTo(queueId) == null) return;
            IReadOnlyList<EntityReference> items = new RoutingApplication(service).WaitingIn(queueId);
            Principal desk = repository.UnroutedFallback();
            if (desk != null && desk.Kind == PrincipalKind.Queue && desk.Id == queueId) RouteTakenFromTheDesk(context, former, items);
            var waiting = Reviews(service, items).Concat(Handoffs(service, items)).ToList();
            var newKeeper = new Principal(keeper.LogicalName == Team.Table ? PrincipalKind.Team : PrincipalKind.User, keeper.Id, keeper.Name);
            var moving = new HashSet<Guid>(QueueKeeperChange.ToHandOver(former.Id, newKeeper, waiting.Select(w => w.Key)).Take(most));
            // A review of a deal the new keeper owns or has owned is routed again, as routing passes them over.
            IReadOnlyList<Guid> rerouting = QueueKeeperChange.ToRouteAgain(former.Id, newKeeper, waiting.Select(w => w.Key));
            if (rerouting.Count > 0) DeskSettingReassignment.RouteAgain(context, rerouting, QueueKeeperChange.Reason(context.Now));
            if (moving.Count == 0) return;
            string name = PossibleOwner.Read(service, keeper).Who;
            foreach (var work in waiting.Where(w => moving.Contains(w.Key.RecordId)))
            {
                Entity row = work.Value;
                string pathColumn = row.LogicalName == HandoffTask.Table ? HandoffTask.RoutingPath : FeasibilityReviewRow.RoutingPath;
                var change = new Entity(row.LogicalName, row.Id)
                {
                    [CommonColumn.OwnerId] = new EntityReference(keeper.LogicalName, keeper.Id),
                    [pathColumn] = Values.Shorten(QueueKeeperChange.Path(row.Read<string>(pathColumn), queue.Read<string>(Queue.Name), name, context.Now), 2000),
                };
                var hold = (RoutingHold?)row.Choice(HandoffTask.RoutingHold);
                RoutingHold? after = QueueKeeperChange.HoldAfter(hold);
                if (after != hold) change[HandoffTask.RoutingHold] = new OptionSetValue((int)after.Value);
                service.Update(change);
            }
            context.Trace("The queue's new owner holds {0} record(s) its former owner held waiting in it (at most {1} in this run).", moving.Count, most);
        }

        /// <summary>
        /// The pending reviews the desk's former keeper took out of its queue, of functions he does not review for
        /// (<see cref="QueueKeeperChange.TakenFromTheDesk"/>), routed again: one query, and one per function he holds such reviews of.
        /// </summary>
        private static void RouteTakenFromTheDesk(LocalPluginContext context, EntityReference former, IReadOnlyList<EntityReference> items)
        {
            IOrganizationService service = context.SystemService;
            var query = new QueryExpression(FeasibilityReviewRow.Table) { ColumnSet = new ColumnSet(FeasibilityReviewRow.Function) };
            query.Criteria.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, former.Id);
            query.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, InForce.StateActive);
            query.AddOrder(FeasibilityReviewRow.Id, OrderType.Ascending);
            var inQueue = new HashSet<Guid>(items.Select(i => i.Id));
            var reviewsFunction = new Dictionary<int, bool>();
            List<Guid> taken = Pages.All(service, query).Where(review =>
            {
                int function = review.Choice(FeasibilityReviewRow.Function) ?? 0;
                if (!reviewsFunction.TryGetValue(function, out bool reviewsIt))
                    reviewsFunction[function] = reviewsIt = Feasibility.FunctionReviewers.Includes(service, former, (BusinessFunction)function, context.Now, null);
                return QueueKeeperChange.TakenFromTheDesk(true, inQueue.Contains(review.Id), reviewsIt);
            }).Select(review => review.Id).ToList();
            if (taken.Count == 0) return;
            int moved = DeskSettingReassignment.RouteAgain(context, taken, QueueKeeperChange.TakenFromTheDeskReason(context.Now));
            context.Trace("{0} of {1} review(s) the desk's former keeper took out of its queue routed again.", moved, taken.Count);
        }

        private static IEnumerable<KeyValuePair<QueueKeeperChange.WaitingWork, Entity>> Reviews(IOrganizationService service, IReadOnlyList<EntityReference> items) =>
            Read(service, items, FeasibilityReviewRow.Table, FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.Decision,
                row => (row.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending) == (int)ReviewDecision.Pending
                       && (row.Choice(CommonColumn.StateCode) ?? InForce.StateActive) == InForce.StateActive);

        private const string DealAlias = "deal";

        private static IEnumerable<KeyValuePair<QueueKeeperChange.WaitingWork, Entity>> Handoffs(IOrganizationService service, IReadOnlyList<EntityReference> items) =>
            Read(service, items, HandoffTask.Table, HandoffTask.RoutingPath, HandoffTask.OpportunityId,
                row => row.RefId(HandoffTask.OpportunityId) != null && (row.Choice(HandoffTask.StateCode) ?? 0) == 0);

        /// <summary>The table's records among the items (a query per <see cref="IdsPerQuery"/> of them, none when there are none), each with whether it is open.</summary>
        private static IEnumerable<KeyValuePair<QueueKeeperChange.WaitingWork, Entity>> Read(IOrganizationService service, IReadOnlyList<EntityReference> items,
            string table, string pathColumn, string stateColumn, Func<Entity, bool> isOpen)
        {
            List<Guid> ids = items.Where(o => o.LogicalName == table).Select(o => o.Id).Distinct().ToList();
            var rows = new List<KeyValuePair<QueueKeeperChange.WaitingWork, Entity>>();
            for (int from = 0; from < ids.Count; from += IdsPerQuery)
            {
                // The hold column has one name on both tables (FeasibilityReviewRow.RoutingHold is HandoffTask's).
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(CommonColumn.OwnerId, CommonColumn.StateCode, pathColumn, stateColumn, HandoffTask.RoutingHold) };
                query.Criteria.AddCondition(table == HandoffTask.Table ? HandoffTask.Id : FeasibilityReviewRow.Id, ConditionOperator.In,
                    ids.Skip(from).Take(IdsPerQuery).Cast<object>().ToArray());
                bool isReview = table == FeasibilityReviewRow.Table;
                if (isReview)
                {
                    // Who owns or has owned the review's deal, never given its review (an outer join: a review's deal is always there).
                    query.ColumnSet.AddColumn(FeasibilityReviewRow.DealOwnerAtRequest);
                    LinkEntity deal = query.AddLink(Opportunity.Table, FeasibilityReviewRow.OpportunityId, Opportunity.Id, JoinOperator.LeftOuter);
                    deal.EntityAlias = DealAlias;
                    deal.Columns = new ColumnSet(Opportunity.OwnerId, Opportunity.OwnerHistory);
                }
                rows.AddRange(service.RetrieveMultiple(query).Entities.Select(row => new KeyValuePair<QueueKeeperChange.WaitingWork, Entity>(
                    new QueueKeeperChange.WaitingWork
                    {
                        RecordId = row.Id, OwnerId = row.RefId(CommonColumn.OwnerId), IsOpen = isOpen(row),
                        DealOwners = isReview ? Feasibility.FormerDealOwners.ForRouting(row.Aliased<EntityReference>(DealAlias + "." + Opportunity.OwnerId),
                            row.Aliased<string>(DealAlias + "." + Opportunity.OwnerHistory), row.RefId(FeasibilityReviewRow.DealOwnerAtRequest)) : null,
                    }, row)));
            }
            return rows;
        }

        /// <summary>Records named in one query's condition: well under the values a query may list.</summary>
        private const int IdsPerQuery = 500;
    }
}
