using System.Activities;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: is the deal cleared, and what holds it? It asks the custom API of the same name as the workflow's user
    /// (<see cref="FeasibilityStatusApi"/>, which flows call directly: they cannot run workflow steps), so both answer alike:
    /// <see cref="Feasibility.FeasibilityAnswer"/>, read with that user's rights (every CrmCollab role reads CrmCollab's
    /// settings; a CrmCollab Administrator reads every field signal). Writes nothing.
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
            // The step asks the custom API of the same name as its user: the API reads the deal, its rules and reviews with
            // that user's rights, and who owns the deal and who is a CrmCollab Administrator as SYSTEM, as the win's guard
            // does. A step has no SYSTEM service of its own (Microsoft: a custom workflow activity's calls all run as its
            // user), and reading those as a user who may not read role assignments answered "not cleared" where the win
            // went through (an administrator's approval of a deal she owns).
            var request = new OrganizationRequest(FeasibilityStatusApi.ApiName) { ["Target"] = reference };
            Money revenue = ActualRevenue.Get(context.Activity);
            if (revenue != null) request[FeasibilityStatusApi.ActualRevenue] = revenue;
            ParameterCollection answer;
            try
            {
                answer = context.WorkflowUserService.Execute(request).Results;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (Refusal.CodeOf(fault.Detail?.Message) == RefusalCodes.CallerRights)
            {
                throw new InvalidPluginExecutionException(UserLacksRights(StepName, NeededRights).Message, fault);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (Refusal.CodeOf(fault.Detail?.Message) == RefusalCodes.RecordNotFound)
            {
                // The action words it for a flow or client; the workflow's owner reads it as every step says it.
                throw new InvalidPluginExecutionException(RecordMissing(StepName).Message, fault);
            }
            IsCleared.Set(context.Activity, (bool)answer[FeasibilityStatusApi.IsCleared]);
            Blocking.Set(context.Activity, (string)answer[FeasibilityStatusApi.Blocking]);
            NextGateStage.Set(context.Activity, (int)answer[FeasibilityStatusApi.NextGateStage]);
            ClearedToMove.Set(context.Activity, (bool)answer[FeasibilityStatusApi.ClearedToMove]);
            MoveCode.Set(context.Activity, (string)answer[FeasibilityStatusApi.MoveCode]);
            ClearedToWin.Set(context.Activity, (bool)answer[FeasibilityStatusApi.ClearedToWin]);
            WinCode.Set(context.Activity, (string)answer[FeasibilityStatusApi.WinCode]);
            Reviews.Set(context.Activity, (string)answer[FeasibilityStatusApi.Reviews]);
        }
    }
}
