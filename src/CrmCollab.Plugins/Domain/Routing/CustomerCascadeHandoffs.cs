using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// A customer (account or contact) given to another owner: the platform cascades the change to its deals and on to their
    /// tasks, closed ones too, and no page says that cascade runs the deals' own steps, which put a won deal's handoffs back
    /// after a direct hand-over (<c>DealAssignment</c>). Which handoff goes back to who held it: one the cascade gave to the
    /// customer's new owner, except an unrouted one the deal's salesperson held, which follows the deal to its new owner as
    /// at the win. A handoff a deal's own step already put back, or that its holder is the new owner anyway, is left.
    /// </summary>
    public static class CustomerCascadeHandoffs
    {
        /// <summary>Whether the handoff is remembered before the cascade: all but an open, unrouted one held by the deal's owner.</summary>
        /// <param name="heldBy">Who held it before the change.</param>
        /// <param name="dealOwner">Who owned its deal before the change.</param>
        public static bool IsKept(bool open, bool unrouted, Guid heldBy, Guid? dealOwner) => !(open && unrouted && heldBy == dealOwner);

        /// <summary>Whether a kept handoff goes back to <paramref name="heldBefore"/> after the change.</summary>
        /// <param name="heldNow">Who holds it after the change (the cascade's work, or a deal step's).</param>
        /// <param name="newOwner">Whom the customer was given to.</param>
        public static bool GoesBack(Guid heldBefore, Guid? heldNow, Guid newOwner) => heldNow == newOwner && heldBefore != newOwner;
    }
}
