using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A save that moves the deal, as it stands, through a gate meets what <see cref="Guards.OpportunityGuard"/> checks of a
    /// stage move, in its order: first the data the stage asks for (<see cref="Terms.StageRequirementsCheck"/>), then the
    /// gate (<see cref="GateCheck.Decide"/>). What the Get Feasibility Status step reports of the move; the reviews holding
    /// it are kept whichever refusal comes first.
    /// </summary>
    public static class MoveCheck
    {
        /// <param name="deal">The deal read with <see cref="WinCheck.DealColumns"/> (every stage's required columns included).</param>
        /// <param name="requirements">crmc_StageRequirements, null when empty or unreadable (the guard then skips the data check too).</param>
        public static ClearanceDecision Decide(GateCheck gate, Entity deal, GateAttempt move, int stage, DateTime now, StageRequirements requirements)
        {
            ClearanceDecision decision = gate.Decide(deal, move, stage, now);
            Refusal data = Terms.StageRequirementsCheck.AtMove(requirements, move.ToStage, deal);
            return data == null ? decision : decision.WithRefusal(data);
        }
    }
}
