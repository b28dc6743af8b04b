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
        /// <summary>
        /// Work that is closed (a completed or canceled handoff, a decided or past review) stays with who held it: the
        /// scorecards and the lateness report count it by its owner, so passing it on would move it onto a colleague who
        /// never had it. Only a CrmCollab Administrator (work recorded under the wrong person) or CrmCollab's own SYSTEM
        /// routing moves it. Null when it may move.
        /// </summary>
        /// <param name="code">The refusal's stable code.</param>
        /// <param name="what">The work as it stands, as the user reads it: "This handoff is completed".</param>
        /// <param name="onlyOpen">What may be passed on instead, or "": "Only a pending review is passed on; ".</param>
        public static Refusal CheckClosedKept(string code, string what, string onlyOpen, bool isServerCall, Func<bool> byAdministrator) =>
            isServerCall || byAdministrator() ? null
                : new Refusal(code, $"{what}: it stays with who held it, since the scorecards and the lateness report count it for them. " +
                    $"{(onlyOpen.Length == 0 ? "Ask" : onlyOpen + "ask")} a CrmCollab Administrator if it was recorded under the wrong person.");

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
