using System.Activities;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: is the deal cleared, and what holds it? It answers what the gate itself would decide now
    /// (<see cref="GateCheck"/>, the same decision the guards make at the attempt, from the rules in force): for the deal's
    /// next move through a gate (<see cref="GateAttempt.NextMove"/>) and for its win, at the price the win would record
    /// when the workflow gives one, and with an account to route its handoffs by, as the win itself (<see cref="GateCheck.DecideClose"/>). So a review the rules require that is not on
    /// record yet, a decision on terms changed without CrmCollab's checks, an approval decided by the deal's owner and a
    /// win above the estimate are reported as the gate will refuse them. Reads, as the workflow's user: the deal, the
    /// rules that can apply (and the account's industry or the currency's rate when they matter), the deal's reviews, and
    /// who owns the deal for an approval decided by its owner. Writes nothing. A won or lost deal is cleared for neither
    /// (<see cref="DealLifecycle.WhileClosed"/>: Dataverse neither wins nor changes a closed opportunity until it is
    /// reopened), and the gate is not asked.
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

        protected override string NeededRights =>
            "read the deal, its account, its feasibility reviews and the feasibility rules (the CrmCollab Salesperson role on " +
            "their business unit's deals, the Reviewer, ADV, Logistics, SAV and Administrator roles on every deal)";

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            IOrganizationService service = context.WorkflowUserService;
            Entity deal = service.Retrieve(Data.Opportunity.Table, reference.Id, new ColumnSet(GateCheck.DealColumns));
            int stage = DealStage.Of(deal) ?? SalesStage.Qualify;
            GateAttempt next = null;
            ClearanceDecision move, win;
            Refusal closed = DealLifecycle.WhileClosed(deal.Choice(Data.Opportunity.StateCode), deal.Read<string>(Data.Opportunity.Name));
            if (closed != null)
            {
                // Won or lost: neither attempt is possible until the deal is reopened, whatever its reviews say.
                move = win = new ClearanceDecision(closed, null);
            }
            else
            {
                // One instance for every question: the rules, industry, rate and reviews are read once.
                var gate = new GateCheck(service, new ParameterCollection());
                next = gate.NextMove(deal, stage, context.Now);
                move = next == null ? null : gate.Decide(deal, next, stage, context.Now);
                win = gate.DecideClose(deal, stage, context.Now, ActualRevenue.Get(context.Activity)?.Value);
            }

            bool moveCleared = move == null || move.IsCleared;
            IsCleared.Set(context.Activity, moveCleared && win.IsCleared);
            Blocking.Set(context.Activity, (win.Refusal ?? move?.Refusal)?.Text ?? "");
            NextGateStage.Set(context.Activity, next?.ToStage ?? -1);
            ClearedToMove.Set(context.Activity, moveCleared);
            MoveCode.Set(context.Activity, move?.Refusal?.Code ?? "");
            ClearedToWin.Set(context.Activity, win.IsCleared);
            WinCode.Set(context.Activity, win.Refusal?.Code ?? "");
            Reviews.Set(context.Activity, ClearanceItems.ToJson(move, win));
        }
    }
}
