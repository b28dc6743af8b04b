using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// The Unrouted Handoffs Queue setting made to name another desk (another queue or team), or none, or one where it named
    /// none: the work waiting at the desk it named, and the work waiting unrouted anywhere else (<see cref="IsUnrouted"/>), is
    /// routed again, as new work nobody is routed to would be now — to the new desk, to someone the routing has since found,
    /// or held as work nobody can take is. Otherwise it stays with the former desk's holder: out of
    /// the new desk's sight, decided by whoever keeps the former one though that is no longer the desk
    /// (<see cref="Feasibility.ReviewDecisionRules.CheckDeskDecider"/>), and not brought to a reviewer back from leave (who
    /// is brought what waits with CrmCollab and at the desk).
    /// </summary>
    public static class DeskChange
    {
        /// <summary>
        /// Most records one background run routes again (each one Update, its account's routing read once): more are split into
        /// shares (<see cref="DeskShare"/>), as a routing rule change's accounts are.
        /// </summary>
        public const int MaxRecordsPerRun = 250;

        /// <summary>
        /// Whether the change moves work: the setting names another desk than before, or one where it named none, or none
        /// where it named one. Naming the same desk (by its name or its id) moves nothing.
        /// </summary>
        public static bool Moves(Principal before, Principal after) =>
            before == null ? after != null : after == null || after.Kind != before.Kind || after.Id != before.Id;

        /// <summary>
        /// Whether open work waits unrouted wherever it is — where a desk named now, or none, changes where it belongs: a
        /// handoff flagged unrouted (held by the deal's owner, by a leaver, at a desk); a pending review held by CrmCollab
        /// (<paramref name="crmCollab"/>, the SYSTEM user), or left with a reviewer who left
        /// (<see cref="RoutingHold.LeftWithDisabledOwner"/>).
        /// </summary>
        public static bool IsUnrouted(Guid? ownerId, bool isOpen, bool isReview, bool flaggedUnrouted, RoutingHold? hold, Guid? crmCollab) =>
            isOpen && (isReview ? (crmCollab != null && ownerId == crmCollab) || hold == RoutingHold.LeftWithDisabledOwner : flaggedUnrouted);

        /// <summary>
        /// Whether a record waits at the desk: open, and — for a queue — waiting in it as an item, held by the queue's owner;
        /// for a team, held by the team and, for a handoff, flagged unrouted (a handoff a rule routes to the team is the
        /// team's own work). A review a team holds is routed again whatever brought it there: routed to the team by its
        /// routing, it stays.
        /// </summary>
        public static bool WaitsAt(Principal desk, Guid? ownerId, bool isOpen, bool inDeskQueue, bool isReview, bool flaggedUnrouted)
        {
            if (desk == null || !isOpen || ownerId == null) return false;
            switch (desk.Kind)
            {
                case PrincipalKind.Queue: return inDeskQueue && desk.Holder != null && desk.Holder.Id == ownerId.Value;
                case PrincipalKind.Team: return ownerId.Value == desk.Id && (isReview || flaggedUnrouted);
                default: return false;
            }
        }

        /// <summary>
        /// Why the work was routed again, after the date at the head of its path: the setting changed desk, or the desk it names
        /// was set up (made, renamed to its name) or its queue given to another owner.
        /// </summary>
        public static string Reason(DateTime on, bool settingChanged) => settingChanged
            ? $"Re-routed {on:yyyy-MM-dd} after the Unrouted Handoffs Queue setting changed desk"
            : $"Re-routed {on:yyyy-MM-dd} after the unrouted desk was set up or given to another owner";
    }
}
