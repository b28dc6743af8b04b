using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A review is passed on (a new owner, by Assign or by saving its owner) only to someone who reviews for its
    /// function — named for that function by a dedicated owner row in force or a routing rule, directly, through their team
    /// or as the owner of the rule's queue; a member of the team holding the review takes it — or by a CrmCollab Administrator.
    /// Otherwise a logistics reviewer handed a finance review could clear the deal's finance gate. CrmCollab's own
    /// re-routing runs as SYSTEM and follows the routing, so it is not asked.
    /// </summary>
    public static class ReviewHandOver
    {
        public static Refusal Check(BusinessFunction function, bool isServerCall, Func<bool> newOwnerReviewsFunction, Func<bool> byAdministrator) =>
            FunctionHandOver.Check(function, RefusalCodes.ReviewHandOverNotAllowed, "review", "reviews for", "reviewer",
                isServerCall, newOwnerReviewsFunction, byAdministrator);
    }
}
