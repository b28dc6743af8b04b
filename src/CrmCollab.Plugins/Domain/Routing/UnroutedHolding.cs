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
        /// <summary>New work nobody can hold: CrmCollab, creating it, holds it.</summary>
        public const string CreatedByCrmCollab = "held by CrmCollab until an owner is set";

        /// <summary>
        /// Existing work of a disabled user that nobody can take: a record cannot be given to nobody, so it stays where it
        /// is, flagged, until an administrator gives the routing someone (the account's dedicated owner, a rule, the
        /// unrouted desk) or hands the deal to a colleague, each of which moves it.
        /// </summary>
        public const string LeftWithDisabledOwner = StuckWithDisabledOwner + " or hands the deal to a colleague";

        /// <summary>
        /// The same for a pending review: handing the deal to a colleague does not move a review (it never falls to the
        /// salesperson), so only the account's dedicated owner is named.
        /// </summary>
        public const string ReviewLeftWithDisabledOwner = StuckWithDisabledOwner + " for its function";

        /// <summary>
        /// What every path of work stuck with a disabled owner says, for people; the work is found again by its routing hold
        /// (<see cref="RoutingHold.LeftWithDisabledOwner"/>). These words find only records a version before the hold wrote
        /// (no hold, so nothing else says how they are held).
        /// </summary>
        public const string StuckWithDisabledOwner =
            "nobody can take it: it stays with its disabled owner until an administrator sets the account's dedicated owner";

        /// <summary>Why a leaver's work was moved or noted, after the date at the head of its path.</summary>
        public const string ReassignedBecauseOwnerDisabled = "because its owner was disabled";

        /// <summary>Existing work of a user enabled again that nobody else can take: they hold it, flagged, as before.</summary>
        public const string LeftWithItsOwner =
            "nobody else can take it: it stays with its owner until an administrator sets the account's dedicated owner or hands the deal to a colleague";

        /// <summary>The same for a pending review.</summary>
        public const string ReviewLeftWithItsOwner =
            "nobody else can take it: it stays with its owner until an administrator sets the account's dedicated owner for its function";

        /// <summary>
        /// A leaver's pending review of a deal with no account (its customer a contact without one): no dedicated owner or
        /// rule can be found for it, so only giving the deal an account moves it (to that account's reviewer).
        /// </summary>
        public const string ReviewWithoutAccountLeftWithDisabledOwner =
            "nobody can take it: it stays with its disabled owner until the deal is given an account";

        /// <summary>The same for a pending review of a user enabled again.</summary>
        public const string ReviewWithoutAccountLeftWithItsOwner =
            "nobody else can take it: it stays with its owner until the deal is given an account";

        /// <summary>What the path of a pending review nobody can take says when its deal has no account, for what it says otherwise.</summary>
        public static string ReviewWithoutAccount(string reviewWhenNobody) =>
            reviewWhenNobody == ReviewLeftWithDisabledOwner ? ReviewWithoutAccountLeftWithDisabledOwner : ReviewWithoutAccountLeftWithItsOwner;

        /// <summary>Whether a review's path names its holder as disabled before saying what happens to it.</summary>
        public static bool NamesDisabledHolder(string reviewWhenNobody) =>
            reviewWhenNobody == ReviewLeftWithDisabledOwner || reviewWhenNobody == ReviewWithoutAccountLeftWithDisabledOwner;

        /// <summary>
        /// A routing that found nobody, for work that stays with the disabled user who holds it (<paramref name="holderName"/>):
        /// its path says so, and why (<paramref name="whenNobody"/>). A routing that names someone is returned as it is.
        /// </summary>
        public static OwnerResolution NobodyNoted(OwnerResolution routing, string holderName, string whenNobody) =>
            routing == null || routing.Owner != null ? routing
                : new OwnerResolution(routing.Function, null, NamesDisabledHolder(whenNobody)
                    ? $"{routing.RoutingPath}; {holderName ?? "its owner"} is disabled and {whenNobody}"
                    : $"{routing.RoutingPath}; {whenNobody}", true);

        /// <summary>
        /// The routing of work whose deal has no account (its customer a contact without one): no dedicated owner or rule can
        /// be found for it, so it goes where work nobody was found for goes — the unrouted queue or team when one is configured
        /// and can receive it (<see cref="OwnerResolver.ToUnrouted"/>), else nobody, and it is held as work nobody is routed to
        /// (<see cref="Hold"/>); its path says why.
        /// </summary>
        /// <param name="unroutedFallback">The queue or team the Unrouted Handoffs Queue setting names, or null.</param>
        /// <param name="reviewOf">For a review: who owns or has owned the deal, never given it.</param>
        public static OwnerResolution NoAccount(BusinessFunction function, Principal unroutedFallback, DealOwnership reviewOf = null) =>
            OwnerResolver.ToUnrouted(function, $"{function.Label()}: the deal has no account to route by", unroutedFallback, reviewOf);

        /// <param name="routing">The routing decision (<see cref="OwnerResolver.Resolve"/>).</param>
        /// <param name="holder">The default holder (null: none); asked only when routing found nobody.</param>
        /// <param name="holderRole">Who the holder is to the record, for the path: "the deal's owner".</param>
        /// <param name="whenNobody">What happens to the work when the holder is passed over too, for the path.</param>
        public static OwnerResolution Hold(OwnerResolution routing, Func<Principal> holder, string holderRole,
            string whenNobody = CreatedByCrmCollab)
        {
            if (routing == null || routing.Owner != null) return routing;
            Principal by = holder?.Invoke();
            if (by == null) return routing;
            if (by.Unavailable == null) return new OwnerResolution(routing.Function, by, routing.RoutingPath, true, routing.PassedOverDisabled);
            return new OwnerResolution(routing.Function, null,
                $"{routing.RoutingPath}; {holderRole} ({by}) passed over: {by.Unavailable}; {whenNobody}", true, true);
        }
    }
}
