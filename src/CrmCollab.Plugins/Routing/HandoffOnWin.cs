using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A won deal creates its post-sale handoff tasks (asynchronous, post-operation). Registered on Win and on an
    /// Update that sets statecode, so every path by which a deal becomes Won hands off; both paths are idempotent.
    /// </summary>
    public sealed class HandoffOnWin : PluginBase
    {
        public const string PostImage = "PostImage";

        public HandoffOnWin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            // No step ships for Win (its sdkmessage id is not public): a deal becomes Won through the Update path below.
            Register(PipelineStage.PostOperation, "Win", Opportunity.Table, OnWin).NoStep();
            Register(PipelineStage.PostOperation, "Update", Opportunity.Table, OnStateChange).Async()
                .Filter("statecode")
                .PostImage("PostImage", "statecode");
        }

        private static void OnWin(LocalPluginContext context)
        {
            Entity close = context.InputParameter<Entity>("OpportunityClose");
            Guid? opportunityId = close?.RefId("opportunityid");
            if (opportunityId == null)
                throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the opportunity close every win carries").Message);
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(opportunityId.Value, context.Now));
        }

        private static void OnStateChange(LocalPluginContext context)
        {
            Entity after = context.PostImage(PostImage);
            if (after?.Choice(Opportunity.StateCode) != Opportunity.StateWon)
            {
                context.Trace("The opportunity is not Won after this update; nothing to hand off.");
                return;
            }
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(context.ExecutionContext.PrimaryEntityId, context.Now));
        }

        /// <summary>A partial run fails the job (system job shows why; it is retried and skips what exists).</summary>
        private static void Finish(HandoffResult result)
        {
            if (result.FailureMessage != null) throw new InvalidPluginExecutionException(result.FailureMessage);
        }
    }
}
