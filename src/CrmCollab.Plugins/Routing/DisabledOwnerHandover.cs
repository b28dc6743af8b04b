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
    /// the same decision as at creation, applied the same way (asynchronous, post-operation). When a user is enabled
    /// again, the work still held by disabled users (nobody could take it before) is routed once more.
    /// </summary>
    public sealed class DisabledOwnerHandover : PluginBase
    {
        public const string PostImage = "PostImage";
        private const string Deal = "deal";

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
            var routing = new Dictionary<string, OwnerResolution>(); // one decision per account and function
            OwnerResolution Resolve(Guid account, BusinessFunction function)
            {
                string key = account + ":" + (int)function;
                if (!routing.TryGetValue(key, out OwnerResolution decision))
                    routing[key] = decision = new RoutingRepository(service).ResolverFor(account, new[] { function }).Resolve(function, context.Now);
                return decision;
            }

            int moved = 0;
            string reason = $"Reassigned {context.Now:yyyy-MM-dd} because its owner was disabled";
            foreach (Entity task in Owned(service, HandoffTask.Table, whose, HandoffTask.OpportunityId, HandoffTask.Function, HandoffTask.Subject,
                         q => { q.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
                                q.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull); }))
            {
                Guid? account = AccountOf(task);
                if (account == null) continue;
                var decision = Resolve(account.Value, (BusinessFunction)task.Choice(HandoffTask.Function).Value);
                if (application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                        HandoffTask.IsUnrouted, reason, task.Read<string>(HandoffTask.Subject))) moved++;
            }
            foreach (Entity review in Owned(service, FeasibilityReviewRow.Table, whose, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function,
                         FeasibilityReviewRow.Name, q => q.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending)))
            {
                Guid? account = AccountOf(review);
                if (account == null) continue;
                var decision = Resolve(account.Value, (BusinessFunction)review.Choice(FeasibilityReviewRow.Function).Value);
                if (application.Reroute(review, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), decision, FeasibilityReviewRow.RoutingPath,
                        null, reason, review.Read<string>(FeasibilityReviewRow.Name))) moved++;
            }
            context.Trace("User {0} {1}: {2} open handoff(s) and pending review(s) re-routed.", user, disabled ? "disabled" : "enabled", moved);
        }

        /// <summary>The rows of a table held by whom <paramref name="whose"/> says (with function and the deal's account), in one query.</summary>
        private static IEnumerable<Entity> Owned(IOrganizationService service, string table, Action<QueryExpression> whose, string dealColumn,
            string functionColumn, string titleColumn, Action<QueryExpression> narrow)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(CommonColumn.OwnerId, functionColumn, titleColumn) };
            whose(query);
            query.Criteria.AddCondition(functionColumn, ConditionOperator.NotNull);
            narrow(query);
            LinkEntity deal = query.AddLink(Opportunity.Table, dealColumn, Opportunity.Id);
            deal.EntityAlias = Deal;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId);
            return service.RetrieveMultiple(query).Entities;
        }

        private static Guid? AccountOf(Entity row) => HandoffCreation.AccountOf(
            row.Aliased<EntityReference>(Deal + "." + Opportunity.CustomerId), row.Aliased<EntityReference>(Deal + "." + Opportunity.ParentAccountId));
    }
}
