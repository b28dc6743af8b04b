using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// Who holds new work that routing found nobody for (no dedicated owner, no rule, no unrouted desk that can hold it):
    /// the record's default holder — the deal's salesperson for a handoff — when they can own it. A disabled user owns
    /// nothing (the platform refuses to give them a record), so a disabled holder is passed over like a disabled rule's
    /// user or desk owner: the work stays unrouted with nobody named, held by whoever creates it (CrmCollab), and the
    /// routing path says why. Work routed to someone, or to the desk, is returned as it is.
    /// </summary>
    public static class UnroutedHolding
    {
        /// <param name="routing">The routing decision (<see cref="OwnerResolver.Resolve"/>).</param>
        /// <param name="holder">The default holder (null: none); asked only when routing found nobody.</param>
        /// <param name="holderRole">Who the holder is to the record, for the path: "the deal's owner".</param>
        public static OwnerResolution Hold(OwnerResolution routing, Func<Principal> holder, string holderRole)
        {
            if (routing == null || routing.Owner != null) return routing;
            Principal by = holder?.Invoke();
            if (by == null) return routing;
            if (by.Unavailable == null) return new OwnerResolution(routing.Function, by, routing.RoutingPath, true);
            return new OwnerResolution(routing.Function, null,
                $"{routing.RoutingPath}; {holderRole} ({by}) passed over: {by.Unavailable}; held by CrmCollab until an owner is set", true);
        }
    }
}
