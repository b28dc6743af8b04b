using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A handoff is passed on (a new owner, by Assign or by saving its owner) only to someone who works for its function —
    /// named for that function by a dedicated owner row in force or a routing rule, directly, through their team or as
    /// the owner of the rule's queue; a member of the team holding the handoff takes it — or by a CrmCollab Administrator.
    /// Otherwise a logistics handoff handed to a salesperson is accepted and closed, its delivery "traced", by someone
    /// outside logistics, and the function's on-time figures count work it never did. A completed or canceled handoff
    /// stays with who held it when it closed: the scorecards and the lateness report count closed handoffs by their
    /// owner, so passing a late one on would move its lateness onto a colleague who never had it. CrmCollab's own routing
    /// (a win, a dedicated owner change, a disabled owner, a deal moved to another account, a won deal handed on) runs as
    /// SYSTEM and is not asked.
    /// </summary>
    public static class HandoffHandOver
    {
        public static Refusal Check(BusinessFunction function, bool isServerCall, Func<bool> newOwnerWorksForFunction, Func<bool> byAdministrator) =>
            Check(function, HandoffState.Open, isServerCall, newOwnerWorksForFunction, byAdministrator);

        /// <param name="state">Where the handoff stands before it is passed on.</param>
        public static Refusal Check(BusinessFunction function, HandoffState state, bool isServerCall, Func<bool> newOwnerWorksForFunction,
            Func<bool> byAdministrator)
        {
            if (state != HandoffState.Open)
                return FunctionHandOver.CheckClosedKept(RefusalCodes.HandoffClosedOwnerKept,
                    $"This handoff is {(state == HandoffState.Canceled ? "canceled" : "completed")}", "", isServerCall, byAdministrator);
            return FunctionHandOver.Check(function, RefusalCodes.HandoffHandOverNotAllowed, "handoff", "works for", "colleague",
                isServerCall, newOwnerWorksForFunction, byAdministrator);
        }
    }
}
