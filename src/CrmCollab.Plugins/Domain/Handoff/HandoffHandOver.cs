using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A handoff is passed on (a new owner, by Assign or by saving its owner) only to someone who works for its function —
    /// named for that function by a dedicated owner row in force or a routing rule, directly, through their team or as
    /// the owner of the rule's queue; a member of the team holding the handoff takes it — or by a CrmCollab Administrator.
    /// Otherwise a logistics handoff handed to a salesperson is accepted and closed, its delivery "traced", by someone
    /// outside logistics, and the function's on-time figures count work it never did. CrmCollab's own routing (a win, a
    /// dedicated owner change, a disabled owner, a deal moved to another account) runs as SYSTEM and is not asked.
    /// </summary>
    public static class HandoffHandOver
    {
        public static Refusal Check(BusinessFunction function, bool isServerCall, Func<bool> newOwnerWorksForFunction, Func<bool> byAdministrator)
        {
            if (isServerCall || newOwnerWorksForFunction() || byAdministrator()) return null;
            string name = function.Label();
            return new Refusal(RefusalCodes.HandoffHandOverNotAllowed,
                $"A {name} handoff can be passed on only to someone who works for {name} (a dedicated owner row in force or a routing rule names them, their team or their queue for it). " +
                $"Choose a {name} colleague, or ask your CrmCollab administrator to pass it on.");
        }
    }
}
