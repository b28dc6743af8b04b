using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A review that no longer waits for a decision leaves its queue, whatever ended its wait: its reviewer's decision,
    /// a change of the deal that invalidates it, or a withdrawal (the deal was lost, no rule needs it any more). Every
    /// one of those is an Update of crmc_decision, so one synchronous PostOperation step, inside the same transaction,
    /// applies <see cref="ReviewQueueRule"/>: the decision before comes from the pre-image, the one after from the
    /// Target. Dataverse does nothing here on its own: it deactivates a queue item only when its record's statecode
    /// goes from Active to Inactive, and a decision is not a state change.
    /// </summary>
    public sealed class ReviewQueueExit : PluginBase
    {
        public const string PreImage = "PreImage";

        public ReviewQueueExit(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Update", FeasibilityReviewRow.Table, OnDecisionChanged)
                .Filter(FeasibilityReviewRow.Decision)
                .PreImage(PreImage, FeasibilityReviewRow.Decision);
        }

        private static void OnDecisionChanged(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            if (!target.Contains(FeasibilityReviewRow.Decision)) return;
            ReviewDecision before = DecisionOf(context.PreImage(PreImage)), after = DecisionOf(target);
            if (!ReviewQueueRule.LeavesQueue(before, after)) return;
            int removed = new RoutingApplication(context.SystemService).Dequeue(target.ToEntityReference());
            context.Trace("The review is {0}: taken out of {1} queue item(s).", after, removed);
        }

        private static ReviewDecision DecisionOf(Entity review) =>
            (ReviewDecision)(review?.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
    }
}
