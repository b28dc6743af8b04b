using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// A queue work is routed to — a routing rule's in force, or the Unrouted Handoffs Queue setting's — cannot own what
    /// waits in it: its owner does. The rule and the setting judge that owner when they are saved; a new owner given to
    /// the queue afterwards is judged the same way, or the work would go to someone who cannot hold it or whom nobody is
    /// behind.
    /// </summary>
    public static class RoutedQueueOwnerRules
    {
        /// <param name="queue">The queue's name.</param>
        /// <param name="routedBy">What routes work to it: "the routing rule 'Logistics desk'", "the Unrouted Handoffs Queue setting".</param>
        /// <param name="who">The new owner: "the team Logistics back office", "the user Ann Smith".</param>
        /// <param name="hasActiveMember">For a team: whether an enabled user belongs to it (asked last, only for a team).</param>
        public static Refusal CheckNewOwner(string queue, string routedBy, string who, bool isTeam, bool isAccessTeam, bool hasSecurityRole,
            bool isDisabledUser, Func<bool> hasActiveMember)
        {
            string problem = null;
            if (isAccessTeam)
                problem = $"{who} is an access team, and access teams cannot own records. Give the queue to an owner team or a user who does this work.";
            else if (!isTeam && isDisabledUser)
                problem = $"{who} is disabled and cannot own the reviews and handoffs routed to it. Give the queue to an active user or a team.";
            else if (!hasSecurityRole)
                problem = $"{who} has no security role, so it cannot own the reviews and handoffs routed to it. " +
                          "Give it a CrmCollab role (for example CrmCollab Logistics) first, or give the queue to another owner.";
            else if (isTeam && !hasActiveMember())
                problem = $"{who} has no active member, so nobody would see or work the reviews and handoffs routed to it. " +
                          "Add the people who do this work to the team first, or give the queue to another owner.";
            return problem == null ? null
                : new Refusal(RefusalCodes.RoutingTargetCannotOwn, $"The queue {queue} takes the work of {routedBy}, and its owner holds what waits in it: {problem}");
        }

        /// <summary>
        /// A queue work is routed to, deactivated (SetState, a save of its status): it leaves the lists people work from while
        /// reviews and handoffs are still routed into it, as if it were deleted (which the rule's lookup restricts) or renamed
        /// away from the setting (<see cref="Settings.SettingReferenceRules"/>). Refused until the rule or the setting names another.
        /// </summary>
        /// <param name="bySetting">True when the Unrouted Handoffs Queue setting, not a rule in force, routes to it.</param>
        public static Refusal CheckDeactivation(string queue, string routedBy, bool bySetting) =>
            routedBy == null ? null
                : new Refusal(RefusalCodes.RoutingQueueInUse,
                    $"The queue {queue} takes the work of {routedBy}: deactivated, it would leave the lists people work from while reviews and handoffs " +
                    "are still routed into it. " + (bySetting
                        ? "Set the setting to another queue or team first, then deactivate the queue."
                        : "Give that rule another queue, user or team (or retire it) first, then deactivate the queue."));
    }
}
