using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// Where routed work waits: a record routed to a queue waits in that queue and in no other; one routed to a user or
    /// team is held by them and waits in no queue. Re-routing a record takes it out of the queues it no longer belongs
    /// in, as the platform's own move does (AddToQueue from a source queue leaves the record in the destination only),
    /// so it never shows in two desks' queues at once. When the routing finds nobody, the record stays with whoever
    /// holds it, and where it waits stays as it was.
    /// </summary>
    public static class RoutedQueue
    {
        /// <summary>The queue the routing puts the record in; null when it goes to a user, a team or nobody.</summary>
        public static Guid? Of(OwnerResolution routing) =>
            routing?.Owner?.Kind == PrincipalKind.Queue ? routing.Owner.Id : (Guid?)null;

        /// <summary>Of the queues the record waits in, those it leaves when routed this way (each once).</summary>
        public static IReadOnlyList<Guid> ToLeave(OwnerResolution routing, IEnumerable<Guid> waitingIn)
        {
            if (routing?.Owner == null || waitingIn == null) return new Guid[0];
            Guid? stays = Of(routing);
            return waitingIn.Where(queue => queue != stays).Distinct().ToList();
        }
    }
}
