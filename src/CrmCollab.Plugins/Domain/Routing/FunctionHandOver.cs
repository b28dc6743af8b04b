using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// The hand-over rule reviews and handoffs share: a function's work (a feasibility review, a post-sale handoff) is passed
    /// on (a new owner, by Assign or by saving its owner) only to someone who works for that function — named for it by a
    /// dedicated owner row in force or a routing rule, directly, through their team or as the owner of the rule's queue;
    /// a member of the team holding the work takes it — or by a CrmCollab Administrator. CrmCollab's own routing runs as
    /// SYSTEM and follows the routing, so it is not asked.
    /// </summary>
    public static class FunctionHandOver
    {
        /// <param name="code">The refusal's stable code.</param>
        /// <param name="work">What is passed on, as the user reads it: "review", "handoff".</param>
        /// <param name="worksFor">How its people relate to the function: "reviews for", "works for".</param>
        /// <param name="colleague">Who to choose instead: "reviewer", "colleague".</param>
        public static Refusal Check(BusinessFunction function, string code, string work, string worksFor, string colleague,
            bool isServerCall, Func<bool> newOwnerWorksForFunction, Func<bool> byAdministrator)
        {
            if (isServerCall || newOwnerWorksForFunction() || byAdministrator()) return null;
            string name = function.Label();
            return new Refusal(code,
                $"A {name} {work} can be passed on only to someone who {worksFor} {name} (a dedicated owner row in force or a routing rule names them, their team or their queue for it). " +
                $"Choose a {name} {colleague}, or ask your CrmCollab administrator to pass it on.");
        }
    }
}
