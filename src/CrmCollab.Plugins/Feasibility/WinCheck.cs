using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Everything a Win meets, in one order, for the win itself (<see cref="Guards.CloseGuard"/>, SYSTEM's reads) and for
    /// the Get Feasibility Status step (its workflow user's reads), so what the step reports of a win is what the win
    /// meets: the gate at the price and an account to route the handoffs by (<see cref="GateCheck.DecideClose"/>), then a
    /// field signal's lead only on a deal of the signal's account (<see cref="Signals.OriginatingLeadCheck.AtWin"/>), then
    /// the data every stage asks for up to Close (<see cref="Terms.StageRequirementsCheck.AtWin"/>).
    /// </summary>
    public static class WinCheck
    {
        /// <summary>What the win reads of its deal (one Retrieve): the gate's columns, the originating lead and the required data.</summary>
        public static string[] DealColumns(StageRequirements requirements) =>
            GateCheck.DealColumns.Concat(new[] { Opportunity.OriginatingLeadId })
                .Concat(Terms.StageRequirementsCheck.ColumnsForWin(requirements)).Distinct().ToArray();

        /// <param name="service">SYSTEM's in the win; the workflow user's in the status step (what it may read).</param>
        /// <param name="gate">The gate, reading through the same service (one instance per status: rules and reviews read once).</param>
        /// <param name="deal">The deal read with <see cref="DealColumns"/>.</param>
        /// <param name="requirements">crmc_StageRequirements (<see cref="Terms.StageRequirementsCheck.ForWin(IOrganizationService, ITracingService)"/>).</param>
        public static ClearanceDecision Decide(IOrganizationService service, GateCheck gate, Entity deal, int stage, DateTime now,
            decimal? actualRevenue, StageRequirements requirements)
        {
            ClearanceDecision decision = gate.DecideClose(deal, stage, now, actualRevenue);
            if (!decision.IsCleared) return decision;
            Refusal refusal = Signals.OriginatingLeadCheck.AtWin(service, deal) ?? Terms.StageRequirementsCheck.AtWin(requirements, deal);
            return refusal == null ? decision : decision.WithRefusal(refusal);
        }
    }
}
