using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A deal that changes account (customer, or its Account when the customer is a contact) changes whom it is
    /// delivered to and who reviews it: every current decided review is re-opened and asked again of the new account's
    /// reviewers; pending ones move to them. Otherwise a salesperson could move the deal to another account, have that
    /// account's reviewer approve, and move it back.
    /// </summary>
    public static class AccountChangeRule
    {
        public static IReadOnlyList<Guid> ToReopen(IEnumerable<ReviewState> reviews) =>
            reviews.Where(r => r.IsCurrent && r.Decision != ReviewDecision.Pending).Select(r => r.Id).ToList();
    }
}
