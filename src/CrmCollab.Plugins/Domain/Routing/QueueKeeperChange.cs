using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// A queue cannot own a record: the reviews and handoffs CrmCollab routes to a queue are held by the queue's owner and
    /// wait in it as queue items (<see cref="RoutedQueue"/>). When the queue is given to another owner — the unrouted desk
    /// handed to a new dispatcher, a rule's desk to another team — what waits in it goes with it: the work its former
    /// owner held there, still open, is held by the new owner. Otherwise the former keeper would keep it, out of the new
    /// keeper's sight, and — no longer the desk's keeper — could decide a review of any function waiting there
    /// (<see cref="Feasibility.ReviewDecisionRules.CheckDeskDecider"/>), and a review waiting for a reviewer on leave would not
    /// be brought to them on their return (it is looked for with CrmCollab and at the desk).
    /// </summary>
    public static class QueueKeeperChange
    {
        /// <summary>
        /// Most records handed over inside the change's own transaction (each one Update, with its own steps, within the two
        /// minutes a synchronous step has): reviews first, then handoffs; the rest goes in the background right after.
        /// Before, a desk with a backlog of a few thousand could not be given to anyone: the change ran out of time and was undone.
        /// </summary>
        public const int MaxInTransaction = 250;

        /// <summary>One record waiting in the queue: its id, who holds it, and whether it is still open (a pending review, an open handoff).</summary>
        public sealed class WaitingWork
        {
            public Guid RecordId { get; set; }
            public Guid? OwnerId { get; set; }
            public bool IsOpen { get; set; }
            /// <summary>For a review: who owns or has owned its deal (never given its review); null for a handoff.</summary>
            public DealOwnership DealOwners { get; set; }
        }

        /// <summary>
        /// The records to hand to the new keeper: open, held by the former keeper. Work held by someone else (passed on by
        /// hand) stays theirs; closed work stays as it was closed. Nothing moves when the keeper stays the same.
        /// </summary>
        public static IReadOnlyList<Guid> ToHandOver(Guid formerKeeper, Guid newKeeper, IEnumerable<WaitingWork> waiting) =>
            Concerned(formerKeeper, newKeeper, waiting).Select(w => w.RecordId).Distinct().ToList();

        /// <summary>
        /// The same, but for the new keeper given as a principal: a review of a deal the new keeper owns or has owned is not
        /// given to them (<see cref="DealOwnership"/>, as routing passes them over) — it is routed again instead
        /// (<see cref="ToRouteAgain"/>).
        /// </summary>
        public static IReadOnlyList<Guid> ToHandOver(Guid formerKeeper, Principal newKeeper, IEnumerable<WaitingWork> waiting) =>
            Concerned(formerKeeper, newKeeper?.Id ?? Guid.Empty, waiting).Where(w => w.DealOwners?.WhyPassedOver(newKeeper) == null)
                .Select(w => w.RecordId).Distinct().ToList();

        /// <summary>The reviews among the former keeper's open work whose deal the new keeper owns or has owned.</summary>
        public static IReadOnlyList<Guid> ToRouteAgain(Guid formerKeeper, Principal newKeeper, IEnumerable<WaitingWork> waiting) =>
            Concerned(formerKeeper, newKeeper?.Id ?? Guid.Empty, waiting).Where(w => w.DealOwners?.WhyPassedOver(newKeeper) != null)
                .Select(w => w.RecordId).Distinct().ToList();

        private static IEnumerable<WaitingWork> Concerned(Guid formerKeeper, Guid newKeeper, IEnumerable<WaitingWork> waiting) =>
            formerKeeper == newKeeper || formerKeeper == Guid.Empty || newKeeper == Guid.Empty ? Enumerable.Empty<WaitingWork>()
                : waiting.Where(w => w.IsOpen && w.OwnerId == formerKeeper);

        /// <summary>
        /// The routing hold of work handed over with its queue: work left with its disabled former keeper
        /// (<see cref="RoutingHold.LeftWithDisabledOwner"/>) is now held by someone who can take it, and waits, moved because its
        /// owner was disabled, until the routing names someone (<see cref="RoutingHold.MovedBecauseOwnerDisabled"/>); any other
        /// hold is kept (a review waiting for its reviewer's return still goes to them).
        /// </summary>
        public static RoutingHold? HoldAfter(RoutingHold? hold) =>
            hold == RoutingHold.LeftWithDisabledOwner ? RoutingHold.MovedBecauseOwnerDisabled : hold;

        /// <summary>
        /// Whether a pending review the queue's former keeper holds outside the queue went with it all the same: the queue is the
        /// unrouted desk, the review is not among its items (its keeper took it out, RemoveFromQueue) and it is of a function
        /// the former keeper does not review for — only the desk gives its keeper such a review (an administrator's hand-over
        /// aside). Otherwise, no longer the desk's keeper, he could decide it (<see cref="Feasibility.ReviewDecisionRules.CheckDeskDecider"/>
        /// judges the desk by who keeps it). It is routed again, as what waited at a former desk is when the setting changes.
        /// Handoffs are found by their unrouted flag.
        /// </summary>
        public static bool TakenFromTheDesk(bool queueIsTheDesk, bool inTheQueue, bool formerKeeperReviewsFunction) =>
            queueIsTheDesk && !inTheQueue && !formerKeeperReviewsFunction;

        /// <summary>Why a review taken out of the desk's queue was routed again when the desk changed hands.</summary>
        public static string TakenFromTheDeskReason(DateTime on) =>
            $"Re-routed {on:yyyy-MM-dd}: the unrouted desk it was taken from was given to another owner";

        /// <summary>Why a review the new keeper may not hold (their own deal's) was routed again, after the date at the head of its path.</summary>
        public static string Reason(DateTime on) =>
            $"Re-routed {on:yyyy-MM-dd}: the queue it waited in was given to someone who owns or has owned its deal";

        /// <summary>The routing path of work handed over with its queue: what it said, then who holds it now and why.</summary>
        public static string Path(string before, string queueName, string newKeeperName, DateTime on)
        {
            string now = $"Held {on:yyyy-MM-dd} by {newKeeperName ?? "the queue's new owner"}, to whom the queue '{queueName}' it waits in was given";
            return string.IsNullOrWhiteSpace(before) ? now : $"{now} (before: {before})";
        }
    }
}
