using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// When an account's dedicated owner for a function is set, changed or ended, its OPEN handoff tasks of that
    /// function, and the function's PENDING reviews on the account's open deals, follow the new routing (asynchronous,
    /// post-operation), and so does the work of the accounts below it that fall back to its row; completed tasks, decided
    /// reviews and other functions' work stay. A routing rule made, changed, retired or deleted moves its function's open
    /// work the same way (<see cref="RoutingRuleReassignment"/>). A deal handed to another owner keeps its handoffs with
    /// their function's people (<see cref="DealAssignment"/>). The Unrouted Handoffs Queue setting given another desk moves
    /// what waits at the one it named (<see cref="DeskSettingReassignment"/>).
    /// </summary>
    public sealed class HandoffReassignment : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage", QueueBefore = "QueueBefore", QueueAfter = "QueueAfter";

        public HandoffReassignment(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", DedicatedOwnerRow.Table, DedicatedOwnerReassignment.OnChange).Async()
                .PostImage(PostImage, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function);
            Register(PipelineStage.PostOperation, "Update", DedicatedOwnerRow.Table, DedicatedOwnerReassignment.OnChange).Async()
                .Filter(DedicatedOwnerReassignment.Watched.Concat(new[] { DedicatedOwnerRow.ReroutingBatch }).ToArray())
                .PreImage(PreImage, DedicatedOwnerReassignment.Watched)
                .PostImage(PostImage, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function);
            // Deactivating or reactivating the row through SetState: no page says SetState runs the Update steps.
            Register(PipelineStage.PostOperation, "SetState", DedicatedOwnerRow.Table, DedicatedOwnerReassignment.OnChange).Async()
                .PostImage(PostImage, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function);
            Register(PipelineStage.PostOperation, "SetStateDynamicEntity", DedicatedOwnerRow.Table, DedicatedOwnerReassignment.OnChange).Async()
                .PostImage(PostImage, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function);
            Register(PipelineStage.PostOperation, "Delete", DedicatedOwnerRow.Table, DedicatedOwnerReassignment.OnChange).Async()
                .PreImage(PreImage, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function);
            // A deal handed to another owner: the platform cascades the Assign to its tasks (Opportunity_Tasks); its
            // handoffs stay with their function's people and closed ones with who did them (DealAssignment). Synchronous:
            // the Assign ends with the handoffs in place, in its transaction.
            Register(PipelineStage.PreOperation, "Assign", Opportunity.Table, DealAssignment.RememberClosedOwners);
            Register(PipelineStage.PostOperation, "Assign", Opportunity.Table, c => DealAssignment.Restore(c, c.PostImage(PostImage)))
                .PostImage(PostImage, Opportunity.CustomerId, Opportunity.ParentAccountId);
            // The same hand-over by a save of the deal's owner (the Web API has no Assign; the form saves the owner field).
            Register(PipelineStage.PreOperation, "Update", Opportunity.Table, DealAssignment.RememberClosedOwners)
                .Filter(Opportunity.OwnerId).PreImage(DealAssignment.PreImage, Opportunity.OwnerId);
            Register(PipelineStage.PostOperation, "Update", Opportunity.Table, c => DealAssignment.Restore(c, c.PostImage(PostImage)))
                .Filter(Opportunity.OwnerId).PreImage(DealAssignment.PreImage, Opportunity.OwnerId)
                .PostImage(PostImage, Opportunity.CustomerId, Opportunity.ParentAccountId);
            // A merge moves the merged-away account's deals (and the accounts below it) to the account that stays.
            Register(PipelineStage.PostOperation, "Merge", Account.Table, OnAccountMerged).Async();
            // A share of a large merge's accounts, written on the account that stays by the merge's run.
            Register(PipelineStage.PostOperation, "Update", Account.Table, AccountReroute.OnAccountShare).Async()
                .Filter(Account.ReroutingBatch);
            // A segment fallback made, changed, retired or deleted: the function's open work follows (RoutingRuleReassignment).
            Register(PipelineStage.PostOperation, "Create", RoutingRuleRow.Table, RoutingRuleReassignment.OnChange).Async()
                .PostImage(RoutingRuleReassignment.PostImage, RoutingRuleReassignment.ImageColumns);
            Register(PipelineStage.PostOperation, "Update", RoutingRuleRow.Table, RoutingRuleReassignment.OnChange).Async()
                .Filter(RoutingRuleReassignment.Watched.Concat(new[] { RoutingRuleRow.ReroutingBatch }).ToArray())
                .PreImage(RoutingRuleReassignment.PreImage, RoutingRuleReassignment.Watched)
                .PostImage(RoutingRuleReassignment.PostImage, RoutingRuleReassignment.ImageColumns);
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PostOperation, setState, RoutingRuleRow.Table, RoutingRuleReassignment.OnChange).Async()
                    .PostImage(RoutingRuleReassignment.PostImage, RoutingRuleReassignment.ImageColumns);
            Register(PipelineStage.PostOperation, "Delete", RoutingRuleRow.Table, RoutingRuleReassignment.OnChange).Async()
                .PreImage(RoutingRuleReassignment.PreImage, RoutingRuleReassignment.ImageColumns);
            // The Unrouted Handoffs Queue setting given another desk: what waits at the one it named follows (DeskSettingReassignment).
            Register(PipelineStage.PostOperation, "Create", EnvironmentVariable.ValueTable, DeskSettingReassignment.OnValueChanged).Async()
                .PostImage(DeskSettingReassignment.PostImage, DeskSettingReassignment.ValueImage);
            Register(PipelineStage.PostOperation, "Update", EnvironmentVariable.ValueTable, DeskSettingReassignment.OnValueChanged).Async()
                .Filter(DeskSettingReassignment.ValueImage)
                .PreImage(DeskSettingReassignment.PreImage, DeskSettingReassignment.ValueImage)
                .PostImage(DeskSettingReassignment.PostImage, DeskSettingReassignment.ValueImage);
            Register(PipelineStage.PostOperation, "Delete", EnvironmentVariable.ValueTable, DeskSettingReassignment.OnValueChanged).Async()
                .PreImage(DeskSettingReassignment.PreImage, DeskSettingReassignment.ValueImage);
            Register(PipelineStage.PostOperation, "Update", EnvironmentVariable.DefinitionTable, DeskSettingReassignment.OnDefaultChanged).Async()
                .Filter(EnvironmentVariable.DefaultValue)
                .PreImage(DeskSettingReassignment.PreImage, DeskSettingReassignment.DefinitionImage);
            // The desk the setting names made, renamed to its name, or its queue given to another owner: the work waiting unrouted goes to it.
            Register(PipelineStage.PostOperation, "Create", Queue.Table, DeskSettingReassignment.OnDeskSaved).Async();
            // A queue a routing rule routes to given to another owner: the rule's work goes to it again (RoutingRuleReassignment).
            Register(PipelineStage.PostOperation, "Update", Queue.Table, OnQueueSaved).Async().Filter(Queue.Name, Queue.OwnerId)
                .PreImage(QueueBefore, Queue.OwnerId).PostImage(QueueAfter, Queue.OwnerId);
            Register(PipelineStage.PostOperation, "Assign", Queue.Table, OnQueueSaved).Async()
                .PreImage(QueueBefore, Queue.OwnerId).PostImage(QueueAfter, Queue.OwnerId);
            Register(PipelineStage.PostOperation, "Create", Team.Table, DeskSettingReassignment.OnDeskSaved).Async();
            Register(PipelineStage.PostOperation, "Update", Team.Table, DeskSettingReassignment.OnDeskSaved).Async().Filter(Team.Name);
        }

        /// <summary>
        /// A queue renamed or given to another owner: the desk's work (when it is the desk), then, when its owner changed, the work
        /// of the rules routing to it. A save that sends the owner it has moves nothing: a re-routing would take back the work
        /// its keeper passed on by hand.
        /// </summary>
        private static void OnQueueSaved(LocalPluginContext context)
        {
            EntityReference before = context.PreImage(QueueBefore)?.Read<EntityReference>(Queue.OwnerId);
            EntityReference after = context.PostImage(QueueAfter)?.Read<EntityReference>(Queue.OwnerId);
            bool givenOn = before == null || after == null || before.Id != after.Id;
            // What waited in it beyond what the change's transaction handed over (QueueKeeperChange.MaxInTransaction).
            if (givenOn && before != null) QueueKeeperHandOver.HandOverRest(context, before);
            DeskSettingReassignment.OnDeskSaved(context);
            if (givenOn) RoutingRuleReassignment.OnQueueGivenOn(context, context.ExecutionContext.PrimaryEntityId);
        }

        /// <summary>
        /// After a merge, the open work of the deals that came over follows the routing of the account that stays, on it and
        /// on the accounts below it, every function (<see cref="AccountReroute.EveryFunctionBelow"/>: in shares when that is
        /// more than one run may take).
        /// </summary>
        private static void OnAccountMerged(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            if (master == null) return;
            context.Trace("Merge into account {0}: {1} record(s) re-routed here.", master.Id,
                AccountReroute.EveryFunctionBelow(context, master.Id, AccountRerouteCause.Merge));
        }

        /// <summary>
        /// The account, then the accounts below it, level by level, as deep as the routing's parent chain reads: one query per
        /// level and per <see cref="ParentsPerQuery"/> parents, every page of it (a group of more than 5,000 stores included).
        /// </summary>
        internal static IEnumerable<Guid> WithDescendants(IOrganizationService service, Guid accountId)
        {
            var seen = new HashSet<Guid> { accountId };
            var level = new List<Guid> { accountId };
            yield return accountId;
            for (int depth = 1; depth < RoutingRepository.MaxChainDepth && level.Count > 0; depth++)
            {
                var next = new List<Guid>();
                for (int start = 0; start < level.Count; start += ParentsPerQuery)
                {
                    var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(false) };
                    query.Criteria.AddCondition(Account.ParentAccountId, ConditionOperator.In,
                        level.Skip(start).Take(ParentsPerQuery).Cast<object>().ToArray());
                    query.AddOrder(Account.Id, OrderType.Ascending);
                    next.AddRange(Pages.All(service, query).Select(a => a.Id).Where(seen.Add));
                }
                level = next;
                foreach (Guid child in level) yield return child;
            }
        }

        /// <summary>Parents named in one query's condition: well under the values a query may list.</summary>
        private const int ParentsPerQuery = 500;

        public static int Reroute(LocalPluginContext context, Guid accountId, BusinessFunction function) =>
            Reroute(context, accountId, function, AccountShare.Why(AccountRerouteCause.DedicatedOwnerChange, context.Now));

        /// <summary>The account's open handoffs and pending reviews of the function follow its routing, each noted with <paramref name="reason"/>.</summary>
        public static int Reroute(LocalPluginContext context, Guid accountId, BusinessFunction function, string reason)
        {
            IOrganizationService service = context.SystemService;
            OwnerResolver resolver = new RoutingRepository(service).ResolverFor(accountId, new[] { function });
            OwnerResolution routing = resolver.Resolve(function, context.Now);
            var application = new RoutingApplication(service);
            int moved = 0;
            foreach (Entity task in OpenTasks(service, accountId, function))
            {
                if (application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), routing, HandoffTask.RoutingPath,
                        HandoffTask.IsUnrouted, reason, task.Read<string>(HandoffTask.Subject)))
                    moved++;
            }
            // The function's pending reviews on the account's open deals follow too: the replaced owner would otherwise
            // keep deciding for an account that is no longer theirs (decided reviews are the deal's record and stay). Each
            // review passes over who owns or has owned its deal (the same rules, read once).
            foreach (Entity review in PendingReviews(service, accountId, function))
            {
                OwnerResolution reviewRouting = resolver.Resolve(function, context.Now, Feasibility.FormerDealOwners.ForRouting(
                    review.Aliased<EntityReference>(DealAlias + "." + Opportunity.OwnerId), review.Aliased<string>(DealAlias + "." + Opportunity.OwnerHistory),
                    review.RefId(FeasibilityReviewRow.DealOwnerAtRequest)));
                if (application.Reroute(review, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), reviewRouting, FeasibilityReviewRow.RoutingPath,
                        null, reason, review.Read<string>(FeasibilityReviewRow.Name)))
                    moved++;
            }
            context.Trace("Re-routed {0} open {1} handoff(s) and pending review(s) of account {2}.", moved, function.Label(), accountId);
            return moved;
        }

        /// <summary>
        /// A deal moved to another account (a reopened once-won deal given another customer or Account): its open
        /// handoffs follow the new account's routing, each function as a new win would route it, so the old account's
        /// people do not deliver for the new customer, nor does winning the deal again leave them there (it creates only
        /// the missing handoffs). Completed and canceled handoffs are the deal's record and stay. One query, plus one per
        /// task moved.
        /// </summary>
        public static int ForDeal(IOrganizationService service, Guid dealId, Guid accountId, DateTime now) =>
            ForDeal(service, dealId, accountId, now, $"Reassigned {now:yyyy-MM-dd} after the deal moved to another account");

        /// <summary>The deal's open handoffs re-routed by its account's routing, each noted with <paramref name="reason"/>.</summary>
        public static int ForDeal(IOrganizationService service, Guid dealId, Guid accountId, DateTime now, string reason) =>
            ForDeal(service, dealId, accountId, now, reason, null);

        /// <summary>
        /// The same, with who holds a handoff nobody is routed to (<see cref="UnroutedHolding"/>): the deal's new owner when
        /// it is handed on, whatever the relationship's cascade did (null: whoever holds it keeps it).
        /// </summary>
        public static int ForDeal(IOrganizationService service, Guid dealId, Guid accountId, DateTime now, string reason, Func<Principal> holder) =>
            ForDeal(service, dealId, accountId, now, reason, holder, null);

        /// <summary>
        /// The same; a handoff nobody is routed to that <paramref name="keptBy"/> names a holder for (one routed, or passed by
        /// hand, to its owner before the deal was handed on) goes back to that holder, its path and flag as they were. A deal
        /// with no account (<paramref name="accountId"/> null: its customer a contact without one) routes as work nobody is
        /// found for (the unrouted queue, else the holder), each handoff <paramref name="keptBy"/> names going back to its holder first.
        /// </summary>
        public static int ForDeal(IOrganizationService service, Guid dealId, Guid? accountId, DateTime now, string reason, Func<Principal> holder,
            Func<Guid, EntityReference> keptBy)
        {
            QueryExpression query = OpenHandoffsOf(dealId, new ColumnSet(HandoffTask.OwnerId, HandoffTask.Subject, HandoffTask.Function,
                HandoffTask.IsUnrouted, HandoffTask.RoutingPath, HandoffTask.RoutingHold));
            List<Entity> tasks = service.RetrieveMultiple(query).Entities.Where(t => t.Choice(HandoffTask.Function) != null).ToList();
            if (tasks.Count == 0) return 0;
            Func<Entity, BusinessFunction> functionOf = t => (BusinessFunction)t.Choice(HandoffTask.Function).Value;
            var routingRepository = new RoutingRepository(service);
            OwnerResolver resolver = accountId == null ? null : routingRepository.ResolverFor(accountId.Value, tasks.Select(functionOf).Distinct());
            var unrouted = new Lazy<Principal>(routingRepository.UnroutedFallback); // a deal with no account: read once, if at all
            var application = new RoutingApplication(service);
            int moved = 0;
            foreach (Entity task in tasks)
            {
                OwnerResolution routing = resolver == null ? UnroutedHolding.NoAccount(functionOf(task), unrouted.Value) : resolver.Resolve(functionOf(task), now);
                // Nobody routed — or no account to route by, where even the unrouted queue is only a fallback: the holder it had.
                EntityReference kept = routing?.Owner == null || resolver == null ? keptBy?.Invoke(task.Id) : null;
                if (kept != null)
                {
                    EntityReference current = task.Read<EntityReference>(HandoffTask.OwnerId);
                    if (current != null && current.Id == kept.Id) continue;
                    service.Update(new Entity(HandoffTask.Table, task.Id) { [HandoffTask.OwnerId] = kept });
                    moved++;
                    continue;
                }
                OwnerResolution held = holder == null ? routing : UnroutedHolding.Hold(routing, holder, "the deal's owner", UnroutedHolding.LeftWithDisabledOwner);
                // Nobody routed and the deal's new owner passed over (disabled): it stays where it is, held for the leaver's
                // handover like a disabled user's work nobody can take (any other routing clears the hold).
                RoutingHold? hold = held != routing && held.Owner == null ? RoutingHold.LeftWithDisabledOwner : (RoutingHold?)null;
                if (application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), held,
                        HandoffTask.RoutingPath, HandoffTask.IsUnrouted, reason, task.Read<string>(HandoffTask.Subject), hold: hold))
                    moved++;
            }
            return moved;
        }

        /// <summary>The query of a deal's open handoff tasks (a handoff key, state Open).</summary>
        public static QueryExpression OpenHandoffsOf(Guid dealId, ColumnSet columns)
        {
            var query = new QueryExpression(HandoffTask.Table) { ColumnSet = columns };
            query.Criteria.AddCondition(HandoffTask.OpportunityId, ConditionOperator.Equal, dealId);
            query.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            return query;
        }

        /// <summary>Pending reviews of the function on the account's open deals, in one query.</summary>
        private static IEnumerable<Entity> PendingReviews(IOrganizationService service, Guid accountId, BusinessFunction function)
        {
            var query = new QueryExpression(FeasibilityReviewRow.Table)
                { ColumnSet = new ColumnSet(FeasibilityReviewRow.OwnerId, FeasibilityReviewRow.Name, FeasibilityReviewRow.DealOwnerAtRequest) };
            query.Criteria.AddCondition(FeasibilityReviewRow.Function, ConditionOperator.Equal, (int)function);
            query.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)Domain.Feasibility.ReviewDecision.Pending);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            LinkEntity deal = AddAccountsDeal(query, FeasibilityReviewRow.OpportunityId, accountId);
            deal.LinkCriteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, 0);
            deal.Columns.AddColumns(Opportunity.OwnerId, Opportunity.OwnerHistory); // who routing passes over for its review
            return RoutedBy(service.RetrieveMultiple(query).Entities, accountId);
        }

        private const string DealAlias = "deal";

        /// <summary>
        /// The deal of the row, one whose customer or Account is the account (with both columns, for <see cref="RoutedBy"/>).
        /// </summary>
        private static LinkEntity AddAccountsDeal(QueryExpression query, string dealLookup, Guid accountId)
        {
            LinkEntity deal = query.AddLink(Opportunity.Table, dealLookup, Opportunity.Id);
            deal.EntityAlias = DealAlias;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId);
            var account = new FilterExpression(LogicalOperator.Or);
            account.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, accountId);
            account.AddCondition(Opportunity.ParentAccountId, ConditionOperator.Equal, accountId);
            deal.LinkCriteria.AddFilter(account);
            return deal;
        }

        /// <summary>
        /// The rows whose deal is routed by the account: its customer when that is an account, else its Account field
        /// (<see cref="HandoffCreation.AccountOf(EntityReference, EntityReference)"/>, as the win and the review request route
        /// it). A deal sold to another account that names this one only as its Account is that other account's work.
        /// </summary>
        private static IEnumerable<Entity> RoutedBy(IEnumerable<Entity> rows, Guid accountId) =>
            rows.Where(row => HandoffCreation.AccountOf(row.Aliased<EntityReference>(DealAlias + "." + Opportunity.CustomerId),
                row.Aliased<EntityReference>(DealAlias + "." + Opportunity.ParentAccountId)) == accountId).ToList();

        /// <summary>Open handoff tasks (made by CrmCollab: they carry a handoff key) of the function on deals of the account, in one query.</summary>
        private static IEnumerable<Entity> OpenTasks(IOrganizationService service, Guid accountId, BusinessFunction function)
        {
            var query = new QueryExpression(HandoffTask.Table)
                { ColumnSet = new ColumnSet(HandoffTask.OwnerId, HandoffTask.Subject, HandoffTask.IsUnrouted, HandoffTask.RoutingPath, HandoffTask.RoutingHold) };
            query.Criteria.AddCondition(HandoffTask.Function, ConditionOperator.Equal, (int)function);
            query.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull); // CrmCollab's handoffs, not a task made to look like one
            AddAccountsDeal(query, HandoffTask.OpportunityId, accountId);
            return RoutedBy(service.RetrieveMultiple(query).Entities, accountId);
        }
    }
}
