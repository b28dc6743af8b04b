using System.Activities;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: is the deal cleared, and what blocks it? Costs one query (the deal's reviews), as the workflow's
    /// user: every CrmCollab role reads all reviews (Global), so the answer is the same whoever runs it.
    /// </summary>
    public sealed class GetFeasibilityStatus : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        [Output("IsCleared")]
        public OutArgument<bool> IsCleared { get; set; }

        [Output("Blocking")]
        public OutArgument<string> Blocking { get; set; }

        protected override string StepName => "Get Feasibility Status";

        protected override string NeededRights => "read the deal's feasibility reviews (every CrmCollab role may)";

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            GateVerdict verdict = FeasibilityGate.Evaluate(new FeasibilityRepository(context.WorkflowUserService).Reviews(reference.Id)
                .Select(FeasibilityRepository.ToState));
            IsCleared.Set(context.Activity, verdict.IsCleared);
            Blocking.Set(context.Activity, string.Join("; ", verdict.Blocking));
        }
    }
}
