using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Is the deal cleared, and what holds it? What the gate itself would decide now (<see cref="GateCheck"/>, the same
    /// decision the guards make at the attempt, from the rules in force): for the deal's next move through a gate
    /// (<see cref="GateAttempt.NextMove"/>), after the data that stage asks for as a save moving only the stage meets it
    /// (<see cref="MoveCheck"/>), and for its win, at the price the win would record when one is given, then everything else
    /// the win meets, in its order (<see cref="WinCheck"/>). Read with the rights of the service given (the caller of the Get
    /// Feasibility Status custom API, which the workflow step of the same name asks as its user); writes nothing. A won or lost
    /// deal is cleared for neither (<see cref="DealLifecycle.WhileClosed"/>), and the gate is not asked.
    /// </summary>
    public sealed class FeasibilityAnswer
    {
        /// <summary>What the reader must be allowed to do, and which shipped roles allow it, as one clause.</summary>
        public const string NeededRights =
            "read the deal, its account, its feasibility reviews, the feasibility rules, CrmCollab's settings and the field signal of " +
            "the deal's originating lead (the CrmCollab Salesperson role on their business unit's deals, the Reviewer, ADV, Logistics, " +
            "SAV and Administrator roles on every deal; only the Administrator role reads every field signal)";

        /// <summary>Cleared for the next move through a gate and for the win.</summary>
        public bool IsCleared { get; private set; }

        /// <summary>For people: the gate's refusal of the win (else of the next move), without its code; empty when cleared.</summary>
        public string Blocking { get; private set; }

        /// <summary>The stage the next move through a gate enters (salesstage value); -1 when no stage is ahead.</summary>
        public int NextGateStage { get; private set; }

        public bool ClearedToMove { get; private set; }

        /// <summary>The refusal code that move would meet (CRMC-GATE-…); empty when it would pass.</summary>
        public string MoveCode { get; private set; }

        public bool ClearedToWin { get; private set; }

        /// <summary>The refusal code the win would meet; empty when it would pass.</summary>
        public string WinCode { get; private set; }

        /// <summary>The reviews holding either attempt, with their reason codes (<see cref="ClearanceItems"/>, JSON version 1).</summary>
        public string Reviews { get; private set; }

        /// <summary>
        /// Reads, with <paramref name="service"/>'s rights: the deal, the rules that can apply (and the account's industry or
        /// the currency's rate when they matter), the deal's reviews, CrmCollab's Stage Requirements setting and, when the deal
        /// names an originating lead, the field signal that raised it.
        /// </summary>
        /// <param name="directory">Reads who owns the deal and who is a CrmCollab Administrator (<see cref="GateCheck"/>): SYSTEM, as
        /// the guards read them, since a reader may not read the role assignments that make an owner's approval count.</param>
        public static FeasibilityAnswer Of(IOrganizationService service, ITracingService tracing, Guid dealId, DateTime now, decimal? actualRevenue,
            IOrganizationService directory)
        {
            // What the win reads: the data every stage asks for, then the deal with its columns.
            StageRequirements requirements = Terms.StageRequirementsCheck.ForWin(service, tracing);
            Entity deal = service.Retrieve(Data.Opportunity.Table, dealId, new ColumnSet(WinCheck.DealColumns(requirements)));
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
                var gate = new GateCheck(service, new ParameterCollection(), directory);
                next = gate.NextMove(deal, stage, now);
                move = next == null ? null : MoveCheck.Decide(gate, deal, next, stage, now, requirements);
                win = WinCheck.Decide(service, gate, deal, stage, now, actualRevenue, requirements);
            }

            bool moveCleared = move == null || move.IsCleared;
            return new FeasibilityAnswer
            {
                IsCleared = moveCleared && win.IsCleared,
                Blocking = (win.Refusal ?? move?.Refusal)?.Text ?? "",
                NextGateStage = next?.ToStage ?? -1,
                ClearedToMove = moveCleared,
                MoveCode = move?.Refusal?.Code ?? "",
                ClearedToWin = win.IsCleared,
                WinCode = win.Refusal?.Code ?? "",
                Reviews = ClearanceItems.ToJson(move, win),
            };
        }
    }
}
