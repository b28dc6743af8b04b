using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

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
            // The job runs after its close was committed, maybe after later ones: a Lose's job that runs once the deal
            // was reopened and won again must not hand off as of the Lose (that win's own close does).
            Guid? latest = LatestClose(context.SystemService, dealId.Value);
            if (latest != context.ExecutionContext.PrimaryEntityId)
            {
                context.Trace("A later close of deal {0} ({1}) supersedes this one; nothing to hand off here.", dealId, latest);
                return;
            }
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(dealId.Value, context.Now));
        }

        private static void OnWin(LocalPluginContext context)
        {
            Entity close = context.InputParameter<Entity>("OpportunityClose");
            Guid? opportunityId = close?.RefId(Opportunity.Id);
            if (opportunityId == null)
                throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the opportunity close every win carries").Message);
            Finish(new HandoffCreation(context.SystemService, context.TracingService).Run(opportunityId.Value, context.Now));
        }

        /// <summary>The deal's most recent opportunity close (one query).</summary>
        private static Guid? LatestClose(IOrganizationService service, Guid dealId)
        {
            var query = new QueryExpression(OpportunityClose.Table) { ColumnSet = new ColumnSet(OpportunityClose.Id), TopCount = 1 };
            query.Criteria.AddCondition(OpportunityClose.OpportunityId, ConditionOperator.Equal, dealId);
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.Select(close => (Guid?)close.Id).FirstOrDefault();
        }

        /// <summary>A partial run fails the job (system job shows why; it is retried and skips what exists).</summary>
        private static void Finish(HandoffResult result)
        {
            if (result.FailureMessage != null) throw new InvalidPluginExecutionException(result.FailureMessage);
        }
    }
}
