using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// A handoff that waited unrouted and that someone passes on by hand (the salesperson holding it to a colleague of
    /// its function, an administrator to anyone) has found its owner: it leaves the Unrouted Handoffs list and the unrouted
    /// desk's queue (held by a user or team, it waits in none, as <see cref="Domain.Routing.RoutedQueue"/> says), and its
    /// routing path says so (and it is no longer held for a leaver: <see cref="Domain.Routing.RoutingHold"/>). CrmCollab's own
    /// re-routing writes the flag itself and is not concerned.
    /// </summary>
    public static class HandRouting
    {
        /// <summary>The path of a handoff passed on by hand, after the one it was created or re-routed with.</summary>
        public static string Path(string before, DateTime on) =>
            Values.Shorten($"Routed {on:yyyy-MM-dd}: passed by hand to its owner (it had waited unrouted: {before})", 2000);

        /// <summary>Writes the columns on <paramref name="change"/> (the save's own Target, or a SYSTEM update) and takes the task out of its queues.</summary>
        public static void Apply(IOrganizationService system, Entity change, string pathBefore, DateTime on)
        {
            change[HandoffTask.IsUnrouted] = false;
            change[HandoffTask.RoutingPath] = Path(pathBefore, on);
            change[HandoffTask.RoutingHold] = null; // routed by hand: no longer held for a leaver
            new RoutingApplication(system).Dequeue(new EntityReference(HandoffTask.Table, change.Id));
        }
    }
}
