using System.Activities;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>Workflow step: request the reviews the deal needs at its current stage.</summary>
    public sealed class RequestFeasibilityReviews : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        [Output("RequestedCount")]
        public OutArgument<int> RequestedCount { get; set; }

        [Output("Functions")]
        public OutArgument<string> Functions { get; set; }

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput("Request Feasibility Reviews", "an opportunity", "Opportunity");
            Entity deal = context.SystemService.Retrieve(Data.Opportunity.Table, reference.Id, new ColumnSet(FeasibilityRepository.DealColumns));
            int stage = DealStage.Of(deal) ?? SalesStage.Qualify;
            RequestOutcome outcome = new ReviewRequester(context.SystemService).Request(deal, stage, context.Now);
            RequestedCount.Set(context.Activity, outcome.Requested.Count);
            Functions.Set(context.Activity, string.Join(", ", outcome.Requested.Select(f => f.Label())));
        }
    }
}
