using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A won deal creates its post-sale handoff tasks (asynchronous, post-operation). A deal becomes Won only through a
    /// Win (the platform refuses an Update or SetState to Won), and every Win creates its opportunityclose inside the
    /// Win: a step on that Create fires for certain, where no page says Win runs the opportunity's Update steps. Once the
    /// Win is committed the step hands the deal off; a loss, or a close recorded by hand on an open deal, hands nothing
    /// off, and so does a close superseded by a later one when its job runs. Safe to run again: a handoff that exists is skipped.
    /// </summary>
    public sealed class HandoffOnWin : PluginBase
    {
        public const string PostImage = "PostImage";

        public HandoffOnWin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            // No step ships for Win itself (its sdkmessage id is not public).
            Register(PipelineStage.PostOperation, "Win", Opportunity.Table, OnWin).NoStep();
            Register(PipelineStage.PostOperation, "Create", OpportunityClose.Table, OnClosed).Async()
                .PostImage(PostImage, Opportunity.Id);
        }

        private static void OnClosed(LocalPluginContext context)
        {
            Guid? dealId = context.PostImage(PostImage)?.RefId(Opportunity.Id);
            if (dealId == null) return;
            // The job runs after its close was committed, maybe after later ones: it hands off only as of the deal's latest close.
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(dealId.Value, context.Now, context.ExecutionContext.PrimaryEntityId));
        }

        private static void OnWin(LocalPluginContext context)
        {
            Entity close = context.InputParameter<Entity>("OpportunityClose");
            Guid? opportunityId = close?.RefId(Opportunity.Id);
            if (opportunityId == null)
                throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the opportunity close every win carries").Message);
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(opportunityId.Value, context.Now));
        }

        /// <summary>A partial run fails the job (system job shows why; it is retried and skips what exists).</summary>
        private static void Finish(HandoffResult result)
        {
            if (result.FailureMessage != null) throw new InvalidPluginExecutionException(result.FailureMessage);
        }
    }
}
