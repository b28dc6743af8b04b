using System.Activities;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: is the deal cleared, and what holds it? <see cref="Feasibility.FeasibilityAnswer"/> answers, read as the workflow's
    /// user (every CrmCollab role reads CrmCollab's settings; a CrmCollab Administrator reads every field signal). Writes
    /// nothing. Flows, which cannot run workflow steps, call the custom API of the same name (<see cref="FeasibilityStatusApi"/>).
    /// </summary>
    public sealed class GetFeasibilityStatus : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        /// <summary>The actual revenue the win would record (the close's), when it is not the estimated revenue.</summary>
        [Input("ActualRevenue")]
        public InArgument<Money> ActualRevenue { get; set; }

        /// <summary>Cleared for the next move through a gate and for the win.</summary>
        [Output("IsCleared")]
        public OutArgument<bool> IsCleared { get; set; }

        /// <summary>For people: the gate's refusal of the win (else of the next move), without its code; empty when cleared.</summary>
        [Output("Blocking")]
        public OutArgument<string> Blocking { get; set; }

        /// <summary>The stage the next move through a gate enters (salesstage value); -1 when no stage is ahead.</summary>
        [Output("NextGateStage")]
        public OutArgument<int> NextGateStage { get; set; }

        [Output("ClearedToMove")]
        public OutArgument<bool> ClearedToMove { get; set; }

        /// <summary>The refusal code that move would meet (CRMC-GATE-…); empty when it would pass.</summary>
        [Output("MoveCode")]
        public OutArgument<string> MoveCode { get; set; }

        [Output("ClearedToWin")]
        public OutArgument<bool> ClearedToWin { get; set; }

        /// <summary>The refusal code the win would meet; empty when it would pass.</summary>
        [Output("WinCode")]
        public OutArgument<string> WinCode { get; set; }

        /// <summary>The reviews holding either attempt, with their reason codes (<see cref="ClearanceItems"/>, JSON version 1).</summary>
        [Output("Reviews")]
        public OutArgument<string> Reviews { get; set; }

        protected override string StepName => "Get Feasibility Status";

        protected override string NeededRights => FeasibilityAnswer.NeededRights;

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            FeasibilityAnswer status = FeasibilityAnswer.Of(context.WorkflowUserService, context.Tracing, reference.Id, context.Now,
                ActualRevenue.Get(context.Activity)?.Value);
            IsCleared.Set(context.Activity, status.IsCleared);
            Blocking.Set(context.Activity, status.Blocking);
            NextGateStage.Set(context.Activity, status.NextGateStage);
            ClearedToMove.Set(context.Activity, status.ClearedToMove);
            MoveCode.Set(context.Activity, status.MoveCode);
            ClearedToWin.Set(context.Activity, status.ClearedToWin);
            WinCode.Set(context.Activity, status.WinCode);
            Reviews.Set(context.Activity, status.Reviews);
        }
    }
}
