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
    /// A user who is disabled keeps no open handoff and no pending review: each moves to whoever the routing now
    /// picks for its deal's account and function (the backup, a parent account's owner, a rule, the unrouted queue) —
    /// the same decision as at creation, applied the same way (asynchronous, post-operation). A handoff nobody is routed
    /// to goes to the deal's owner, as at the win (<see cref="UnroutedHolding"/>); when nobody can take it (the salesperson
    /// left too, or a review, which never falls to the salesperson) it stays, flagged unrouted with a routing path that
    /// says why, until an administrator sets the account's dedicated owner (<see cref="HandoffReassignment"/>) or hands
    /// the deal to a colleague (<see cref="DealAssignment"/>). When a user is enabled again, the work still held by
    /// disabled users (nobody could take it before), their own work said to be stuck with them, and the handoffs waiting
    /// unrouted since their owner was disabled are routed once more. Each run handles at most
    /// <see cref="MaxPerRun"/> handoffs and as many reviews (the 2-minute limit of a plug-in); the rest is handled by
    /// the next run, or by those administrator actions.
    /// </summary>
    public sealed class DisabledOwnerHandover : PluginBase
    {
        public const string PostImage = "PostImage";
        private const string Deal = "deal";

        /// <summary>Records of each kind handled in one run: a few calls each, well inside the 2-minute limit.</summary>
        public const int MaxPerRun = 250;

        /// <summary>The reason a path gives for work moved (or noted) at its owner's leaving; how that work is found again.</summary>
        private const string BecauseDisabled = "because its owner was disabled";

        public DisabledOwnerHandover(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Update", SystemUser.Table, OnUserChanged).Async()
                .Filter(SystemUser.IsDisabled).PostImage(PostImage, SystemUser.IsDisabled);
            // Microsoft's own sample disables and enables a user with SetState; no page says that runs the Update steps.
            Register(PipelineStage.PostOperation, "SetState", SystemUser.Table, OnUserChanged).Async()
                .PostImage(PostImage, SystemUser.IsDisabled);
            Register(PipelineStage.PostOperation, "SetStateDynamicEntity", SystemUser.Table, OnUserChanged).Async()
                .PostImage(PostImage, SystemUser.IsDisabled);
        }

        private static void OnUserChanged(LocalPluginContext context)
        {
            Entity image = context.PostImage(PostImage);
            if (image == null) return;
            Guid user = context.ExecutionContext.PrimaryEntityId;
            // Disabled: their own work. Enabled: whatever disabled people still hold, which this user may now take.
            bool disabled = image.Flag(SystemUser.IsDisabled);
            Action<QueryExpression> whose = disabled
                ? (Action<QueryExpression>)(q => q.Criteria.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, user))
                : q =>
                {
                    LinkEntity owner = q.AddLink(SystemUser.Table, CommonColumn.OwnerId, SystemUser.Id);
                    owner.LinkCriteria.AddCondition(SystemUser.IsDisabled, ConditionOperator.Equal, true);
                };
            IOrganizationService service = context.SystemService;
            var application = new RoutingApplication(service);
            var resolvers = new Dictionary<string, OwnerResolver>(); // one routing read per account and function
            var routing = new Dictionary<string, OwnerResolution>(); // one handoff decision per account and function
            OwnerResolution Resolve(Guid account, BusinessFunction function, DealOwnership reviewOf)
            {
                string key = account + ":" + (int)function;
                if (!resolvers.TryGetValue(key, out OwnerResolver resolver))
                    resolvers[key] = resolver = new RoutingRepository(service).ResolverFor(account, new[] { function });
                if (reviewOf != null) return resolver.Resolve(function, context.Now, reviewOf); // a review: its deal's owners passed over
                if (!routing.TryGetValue(key, out OwnerResolution decision))
                    routing[key] = decision = resolver.Resolve(function, context.Now);
                return decision;
            }

            // Nobody routed: the deal's owner holds a handoff, as at the win, unless they are disabled too (one read each).
            var holders = new Dictionary<Guid, Principal>();
            Principal HolderOf(EntityReference owner)
            {
                if (owner == null) return null;
                if (!holders.TryGetValue(owner.Id, out Principal holder)) holders[owner.Id] = holder = HandoffCreation.HolderOf(service, owner);
                return holder;
            }

            // Work not yet noted as nobody's first, so work no run has reached yet is not kept waiting behind older work
            // nobody can take (each pass handles at most MaxPerRun); a user enabled may take the noted work too.
            string because = $"Reassigned {context.Now:yyyy-MM-dd} {BecauseDisabled}";
            int moved = Handle(service, application, whose, Resolve, HolderOf, SaysNot(UnroutedHolding.StuckWithDisabledOwner), because,
                UnroutedHolding.LeftWithDisabledOwner, UnroutedHolding.ReviewLeftWithDisabledOwner);
            if (!disabled)
                moved += Handle(service, application, whose, Resolve, HolderOf, Says(UnroutedHolding.StuckWithDisabledOwner), because,
                    UnroutedHolding.LeftWithDisabledOwner, UnroutedHolding.ReviewLeftWithDisabledOwner);
            // Enabled again: their own work said to be stuck with a disabled owner follows the routing once more (it may
            // be theirs again), so it leaves the unrouted list and its path no longer says they are disabled.
            if (!disabled)
                moved += Handle(service, application, q => q.Criteria.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, user),
                    Resolve, HolderOf, Says(UnroutedHolding.StuckWithDisabledOwner),
                    $"Re-routed {context.Now:yyyy-MM-dd} because its owner was enabled again",
                    UnroutedHolding.LeftWithItsOwner, UnroutedHolding.ReviewLeftWithItsOwner);
            // And the handoffs that wait unrouted since their owner was disabled go to whoever the routing names now (the
            // user enabled may be its dedicated owner again); those it still finds nobody for stay as they are.
            if (!disabled)
                moved += Handle(service, application, q => q.Criteria.AddCondition(HandoffTask.IsUnrouted, ConditionOperator.Equal, true),
                    (account, function, reviewOf) => Resolve(account, function, reviewOf) is OwnerResolution r && r.Owner != null ? r : null, HolderOf,
                    Says(BecauseDisabled), $"Re-routed {context.Now:yyyy-MM-dd} because a user was enabled again", null, null);
            context.Trace("User {0} {1}: {2} open handoff(s) and pending review(s) re-routed.", user, disabled ? "disabled" : "enabled", moved);
        }

        /// <summary>
        /// The open handoffs and pending reviews <paramref name="whose"/> names (only those whose routing path
        /// <paramref name="pathSays"/> accepts, when given) re-routed; <paramref name="whenNobody"/> (a handoff) and
        /// <paramref name="reviewWhenNobody"/> say in the path what happens to work nobody can take (null: only handoffs the
        /// routing names someone for are handled). Returns how many changed.
        /// </summary>
        private static int Handle(IOrganizationService service, RoutingApplication application, Action<QueryExpression> whose,
            Func<Guid, BusinessFunction, DealOwnership, OwnerResolution> resolve, Func<EntityReference, Principal> holderOf, Action<QueryExpression, string> pathSays,
            string reason, string whenNobody, string reviewWhenNobody)
        {
            int moved = 0;
            bool routedOnly = whenNobody == null; // only what the routing now names someone for; reviews not concerned
            foreach (Entity task in Owned(service, HandoffTask.Table, whose, HandoffTask.OpportunityId, HandoffTask.Function,
                         new[] { HandoffTask.Subject, HandoffTask.RoutingPath, HandoffTask.IsUnrouted },
                         q => { q.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
                                q.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
                                pathSays?.Invoke(q, HandoffTask.RoutingPath); }))
            {
                Guid? account = AccountOf(task);
                if (account == null) continue;
                if (routedOnly && resolve(account.Value, (BusinessFunction)task.Choice(HandoffTask.Function).Value, null) == null) continue;
                EntityReference dealOwner = task.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId);
                var decision = UnroutedHolding.Hold(resolve(account.Value, (BusinessFunction)task.Choice(HandoffTask.Function).Value, null),
                    () => holderOf(dealOwner), "the deal's owner", whenNobody);
                if (application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                        HandoffTask.IsUnrouted, reason, task.Read<string>(HandoffTask.Subject), notesUnmoved: true)) moved++;
            }
            if (routedOnly) return moved;
            foreach (Entity review in Owned(service, FeasibilityReviewRow.Table, whose, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function,
                         new[] { FeasibilityReviewRow.Name, FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.DealOwnerAtRequest },
                         q => { q.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
                                pathSays?.Invoke(q, FeasibilityReviewRow.RoutingPath); }))
            {
                Guid? account = AccountOf(review);
                if (account == null) continue;
                // A review never falls to the salesperson (they would decide their own deal): nobody routed, it stays, noted.
                // Nor to anyone who owns or has owned the deal (Feasibility.FormerDealOwners.ForRouting).
                DealOwnership owners = Feasibility.FormerDealOwners.ForRouting(review.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId),
                    review.Aliased<string>(Deal + "." + Opportunity.OwnerHistory), review.RefId(FeasibilityReviewRow.DealOwnerAtRequest));
                var decision = NobodyNoted(resolve(account.Value, (BusinessFunction)review.Choice(FeasibilityReviewRow.Function).Value, owners),
                    review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), reviewWhenNobody);
                if (application.Reroute(review, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), decision, FeasibilityReviewRow.RoutingPath,
                        null, reason, review.Read<string>(FeasibilityReviewRow.Name), notesUnmoved: true)) moved++;
            }
            return moved;
        }

        /// <summary>A filter on a table's routing path column: the path contains the text.</summary>
        private static Action<QueryExpression, string> Says(string text) =>
            (query, column) => query.Criteria.AddCondition(column, ConditionOperator.Like, "%" + text + "%");

        /// <summary>A filter on a table's routing path column: no path, or one that does not contain the text.</summary>
        private static Action<QueryExpression, string> SaysNot(string text) => (query, column) =>
        {
            var filter = new FilterExpression(LogicalOperator.Or);
            filter.AddCondition(column, ConditionOperator.Null);
            filter.AddCondition(column, ConditionOperator.NotLike, "%" + text + "%");
            query.Criteria.AddFilter(filter);
        };

        /// <summary>A routing that found nobody says the record stays with the disabled user who holds it, and why.</summary>
        private static OwnerResolution NobodyNoted(OwnerResolution routing, EntityReference holder, string whenNobody) =>
            routing == null || routing.Owner != null ? routing
                : new OwnerResolution(routing.Function, null, whenNobody == UnroutedHolding.ReviewLeftWithDisabledOwner
                    ? $"{routing.RoutingPath}; {holder?.Name ?? "its owner"} is disabled and {whenNobody}"
                    : $"{routing.RoutingPath}; {whenNobody}", true);

        /// <summary>
        /// The rows of a table held by whom <paramref name="whose"/> says (with function, the deal's account and owner), in
        /// one query, at most <see cref="MaxPerRun"/>, oldest first.
        /// </summary>
        private static IEnumerable<Entity> Owned(IOrganizationService service, string table, Action<QueryExpression> whose, string dealColumn,
            string functionColumn, string[] columns, Action<QueryExpression> narrow)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = MaxPerRun };
            query.ColumnSet.AddColumns(CommonColumn.OwnerId, functionColumn);
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Ascending);
            whose(query);
            query.Criteria.AddCondition(functionColumn, ConditionOperator.NotNull);
            narrow(query);
            LinkEntity deal = query.AddLink(Opportunity.Table, dealColumn, Opportunity.Id);
            deal.EntityAlias = Deal;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.OwnerId, Opportunity.OwnerHistory);
            return service.RetrieveMultiple(query).Entities;
        }

        private static Guid? AccountOf(Entity row) => HandoffCreation.AccountOf(
            row.Aliased<EntityReference>(Deal + "." + Opportunity.CustomerId), row.Aliased<EntityReference>(Deal + "." + Opportunity.ParentAccountId));
    }
}
