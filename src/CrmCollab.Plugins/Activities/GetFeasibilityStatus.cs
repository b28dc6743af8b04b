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
    /// next move through a gate (<see cref="GateAttempt.NextMove"/>), after the data that stage asks for as a save moving
    /// only the stage meets it (<see cref="MoveCheck"/>), and for its win, at the price the win would record
    /// when the workflow gives one, then everything else the win meets, in its order (<see cref="WinCheck"/>): an account to
    /// route its handoffs by, a field signal's lead only on a deal of the signal's account, the data every stage asks for
    /// up to Close (crmc_StageRequirements). So a review the rules require that is not on
    /// record yet, a decision on terms changed without CrmCollab's checks, an approval decided by the deal's owner and a
    /// win above the estimate are reported as the gate will refuse them. Reads, as the workflow's user: the deal, the
    /// rules that can apply (and the account's industry or the currency's rate when they matter), the deal's reviews,
    /// who owns the deal for an approval decided by its owner, CrmCollab's Stage Requirements setting (every CrmCollab
    /// role reads CrmCollab's settings) and, when the deal names an originating lead, the field signal that raised it (the
    /// signals its user may read: a CrmCollab Administrator reads every one). Writes nothing. A won or lost deal is cleared for neither
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
            "read the deal, its account, its feasibility reviews, the feasibility rules, CrmCollab's settings and the field signal of " +
            "the deal's originating lead (the CrmCollab Salesperson role on their business unit's deals, the Reviewer, ADV, Logistics, " +
            "SAV and Administrator roles on every deal; only the Administrator role reads every field signal)";

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            IOrganizationService service = context.WorkflowUserService;
            // What the win reads, as the workflow's user: the data every stage asks for, then the deal with its columns.
            StageRequirements requirements = Terms.StageRequirementsCheck.ForWin(service, context.Tracing);
            Entity deal = service.Retrieve(Data.Opportunity.Table, reference.Id, new ColumnSet(WinCheck.DealColumns(requirements)));
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
                move = next == null ? null : MoveCheck.Decide(gate, deal, next, stage, context.Now, requirements);
                win = WinCheck.Decide(service, gate, deal, stage, context.Now, ActualRevenue.Get(context.Activity)?.Value, requirements);
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
