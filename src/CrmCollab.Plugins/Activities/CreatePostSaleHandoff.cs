using System.Activities;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>Workflow step: creates the won deal's handoff tasks (idempotent, like the plugin on Win).</summary>
    public sealed class CreatePostSaleHandoff : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        [Output("TasksCreated")]
        public OutArgument<int> TasksCreated { get; set; }

        [Output("Unrouted")]
        public OutArgument<int> Unrouted { get; set; }

        protected override void Run(ActivityContext context)
        {
            EntityReference deal = Opportunity.Get(context.Activity)
                ?? throw MissingInput("Create Post-Sale Handoff", "an opportunity", "Opportunity");
            HandoffResult result = new HandoffCreation(context.SystemService, context.Tracing).Run(deal.Id, context.Now);
            if (result.FailureMessage != null) throw new InvalidPluginExecutionException(result.FailureMessage);
            TasksCreated.Set(context.Activity, result.Created);
            Unrouted.Set(context.Activity, result.Unrouted);
        }
    }
}
