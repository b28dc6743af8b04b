using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// The account a deal is for: its customer when that is an account, else its Account field (Dataverse fills it for a
    /// contact customer). The win routes the deal's handoffs by it, the review request its reviews, and a field signal's
    /// lead is credited through it.
    /// </summary>
    public static class DealAccount
    {
        /// <param name="customerAccountId">The deal's customer when it is an account, else null.</param>
        /// <param name="parentAccountId">The deal's Account field.</param>
        public static Guid? Of(Guid? customerAccountId, Guid? parentAccountId) => customerAccountId ?? parentAccountId;
    }
}
