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
    /// the deal to a colleague (<see cref="DealAssignment"/>). Each record the handover moves or leaves is marked with a
    /// routing hold (<see cref="RoutingHold"/>, a server-owned choice), by which it is found again: the routing path only
    /// explains, in words that may change. When a user is enabled again, the work still held by disabled users (nobody
    /// could take it before), their own work left with them, and the handoffs waiting unrouted since their owner was
    /// disabled are routed once more (<see cref="HandoverPass"/>). Each run handles at most
    /// <see cref="MaxPerRun"/> handoffs and as many reviews (the 2-minute limit of a plug-in); the rest is handled by
    /// the next run, or by those administrator actions.
    /// </summary>
    public sealed class DisabledOwnerHandover : PluginBase
    {
        public const string PostImage = "PostImage";
        private const string Deal = "deal";

        /// <summary>Records of each kind handled in one run: a few calls each, well inside the 2-minute limit.</summary>
        public const int MaxPerRun = 250;

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

        /// <summary>
        /// Disabled: the user's own work (<see cref="HandoverPass.NotYetHeld"/>). Enabled: whatever disabled people hold,
        /// which this user may now take — first the work not yet held as nobody's, then the work left with them — the
        /// user's own work left with them while disabled, and the handoffs waiting unrouted since their owner left.
        /// </summary>
        private static void OnUserChanged(LocalPluginContext context)
        {
            Entity image = context.PostImage(PostImage);
            if (image == null) return;
            Guid user = context.ExecutionContext.PrimaryEntityId;
            bool disabled = image.Flag(SystemUser.IsDisabled);
            HandoverPass[] passes = disabled
                ? new[] { HandoverPass.NotYetHeld(HandoverPass.OwnedBy(user), context.Now) }
                : new[]
                {
                    HandoverPass.NotYetHeld(HandoverPass.OwnedByDisabledUsers, context.Now),
                    HandoverPass.LeftWithDisabledOwners(context.Now),
                    HandoverPass.BackWithItsOwner(user, context.Now),
                    HandoverPass.WaitingSinceOwnerLeft(context.Now),
                };
            var run = new HandoverRun(context);
            int moved = 0;
            foreach (HandoverPass pass in passes)
            {
                int handled = Handle(run, pass);
                context.Trace("User {0} {1}, work {2}: {3} re-routed.", user, disabled ? "disabled" : "enabled", pass.Name, handled);
                moved += handled;
            }
            context.Trace("User {0} {1}: {2} open handoff(s) and pending review(s) re-routed.", user, disabled ? "disabled" : "enabled", moved);
        }

        /// <summary>
        /// The open handoffs and pending reviews the pass names, re-routed, each with the hold the pass gives it (only
        /// handoffs the routing names someone for when the pass says so). Returns how many changed.
        /// </summary>
        private static int Handle(HandoverRun run, HandoverPass pass)
        {
            int moved = 0;
            foreach (Entity task in Owned(run.Service, HandoffTask.Table, pass.Whose, HandoffTask.OpportunityId, HandoffTask.Function,
                         new[] { HandoffTask.Subject, HandoffTask.RoutingPath, HandoffTask.IsUnrouted, HandoffTask.RoutingHold },
                         q => { q.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
                                q.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
                                pass.Held(q, HandoffTask.RoutingHold, HandoffTask.RoutingPath); }))
            {
                Guid? account = AccountOf(task);
                if (account == null) continue;
                var function = (BusinessFunction)task.Choice(HandoffTask.Function).Value;
                OwnerResolution routing = run.Resolve(account.Value, function, null);
                if (pass.RoutedOnly && routing?.Owner == null) continue;
                EntityReference dealOwner = task.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId);
                var decision = UnroutedHolding.Hold(routing, () => run.HolderOf(dealOwner), "the deal's owner", pass.WhenNobody);
                if (run.Application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                        HandoffTask.IsUnrouted, pass.Reason, task.Read<string>(HandoffTask.Subject), notesUnmoved: true, hold: pass.HoldAfter(decision))) moved++;
            }
            if (pass.RoutedOnly) return moved;
            foreach (Entity review in Owned(run.Service, FeasibilityReviewRow.Table, pass.Whose, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function,
                         new[] { FeasibilityReviewRow.Name, FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.DealOwnerAtRequest, FeasibilityReviewRow.RoutingHold },
                         q => { q.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
                                pass.Held(q, FeasibilityReviewRow.RoutingHold, FeasibilityReviewRow.RoutingPath); }))
            {
                Guid? account = AccountOf(review);
                if (account == null) continue;
                // A review never falls to the salesperson (they would decide their own deal): nobody routed, it stays, noted.
                // Nor to anyone who owns or has owned the deal (Feasibility.FormerDealOwners.ForRouting).
                DealOwnership owners = Feasibility.FormerDealOwners.ForRouting(review.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId),
                    review.Aliased<string>(Deal + "." + Opportunity.OwnerHistory), review.RefId(FeasibilityReviewRow.DealOwnerAtRequest));
                var decision = NobodyNoted(run.Resolve(account.Value, (BusinessFunction)review.Choice(FeasibilityReviewRow.Function).Value, owners),
                    review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), pass.ReviewWhenNobody);
                if (run.Application.Reroute(review, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), decision, FeasibilityReviewRow.RoutingPath,
                        null, pass.Reason, review.Read<string>(FeasibilityReviewRow.Name), notesUnmoved: true, hold: pass.HoldAfter(decision))) moved++;
            }
            return moved;
        }

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
