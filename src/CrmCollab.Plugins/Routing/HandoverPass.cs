using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// One pass of the leaver's handover (<see cref="DisabledOwnerHandover"/>): whose open handoffs and pending reviews it
    /// takes (and which waiting field signals, <see cref="SignalsWhose"/>), which routing hold (<see cref="RoutingHold"/>)
    /// they carry, what their path says, and how they are held afterwards. The work is found by the hold; the wording of
    /// its routing path is read only for records with no hold, which a version before the hold moved or left
    /// (<see cref="HeldAs"/>, the two passes that need it).
    /// </summary>
    internal sealed class HandoverPass
    {
        private HandoverPass(string key, string name, Action<QueryExpression> whose, Action<QueryExpression, string, string> held, string reason,
            string whenNobody, string reviewWhenNobody, RoutingHold? holdWhenNobody, RoutingHold? holdWhenMoved,
            Action<QueryExpression, LinkEntity> signalsWhose = null)
        {
            SignalsWhose = signalsWhose;
            Key = key;
            Name = name;
            Whose = whose;
            Held = held;
            Reason = reason;
            WhenNobody = whenNobody;
            ReviewWhenNobody = reviewWhenNobody;
            HoldWhenNobody = holdWhenNobody;
            HoldWhenMoved = holdWhenMoved;
        }

        /// <summary>Which pass it is, as a share of it names it (<see cref="HandoverShare"/>).</summary>
        public string Key { get; }

        /// <summary>For the trace.</summary>
        public string Name { get; }

        /// <summary>Whose work: a filter on the records' owner (or flag).</summary>
        public Action<QueryExpression> Whose { get; }

        /// <summary>
        /// The same for reviews, which have no unrouted flag: the handoffs' filter, except in the pass that takes work waiting
        /// unrouted (<see cref="WaitingSinceOwnerLeft"/>), whose reviews are those held, wherever they are — the run keeps the
        /// ones waiting unrouted (<see cref="ReviewsWaitingUnrouted"/>).
        /// </summary>
        public Action<QueryExpression> ReviewWhose => ReviewsWaitingUnrouted ? (q => { }) : Whose;

        /// <summary>
        /// Reviews waiting unrouted (with CrmCollab, or at the unrouted desk) because the person their routing named was
        /// disabled: taken only where the routing now names someone, as the handoffs of the pass.
        /// </summary>
        public bool ReviewsWaitingUnrouted => Key == HandoverShare.WaitingSinceOwnerLeft;

        /// <summary>
        /// The waiting field signals the pass gives back to their account's salesperson (<see cref="HandoverSignals"/>): a
        /// filter on the signals (first argument) and on their account (second, the link to it); null for a pass that takes
        /// none. The leaver's own (<see cref="Leaver"/>), and, for a user enabled again, those disabled users hold on the
        /// accounts the user owns (<see cref="BackWithItsOwner"/>). A signal has no routing hold: one that stays (its
        /// salesperson disabled too) is found again by who holds it.
        /// </summary>
        public Action<QueryExpression, LinkEntity> SignalsWhose { get; }

        /// <summary>A filter on a table's routing hold column (first argument) and routing path column (second).</summary>
        public Action<QueryExpression, string, string> Held { get; }

        /// <summary>Why the records are re-routed, at the head of their new path.</summary>
        public string Reason { get; }

        /// <summary>What the path of a handoff nobody can take says (null: only work the routing names someone for).</summary>
        public string WhenNobody { get; }

        /// <summary>The same for a review.</summary>
        public string ReviewWhenNobody { get; }

        /// <summary>Only work the routing now names someone for.</summary>
        public bool RoutedOnly => WhenNobody == null;

        /// <summary>The hold a record gets: nobody can take it (it stays where it is), or it was routed.</summary>
        public RoutingHold? HoldAfter(OwnerResolution decision) =>
            decision != null && decision.Owner == null ? HoldWhenNobody : HoldWhenMoved;

        private RoutingHold? HoldWhenNobody { get; }
        private RoutingHold? HoldWhenMoved { get; }

        /// <summary>
        /// Work of a disabled owner not yet held as nobody's: the user just disabled (<see cref="Leaver"/>), or, when someone
        /// is enabled, any disabled user — first, so work no run has reached yet is not kept waiting behind older work nobody
        /// can take.
        /// </summary>
        public static HandoverPass Leaver(Guid user, DateTime now) =>
            LeaversWork(HandoverShare.Leaver, "not yet held", OwnedBy(user), NotHeldAs(RoutingHold.LeftWithDisabledOwner), now,
                (signals, account) =>
                {
                    OwnedBy(user)(signals);
                    // Those on the leaver's own accounts have nobody else to go to: they follow the account when it is handed on.
                    account.LinkCriteria.AddCondition(Account.OwnerId, ConditionOperator.NotEqual, user);
                });

        /// <summary>The same, for every disabled user, at an enable.</summary>
        public static HandoverPass NotYetHeld(DateTime now) =>
            LeaversWork(HandoverShare.NotYetHeld, "not yet held", OwnedByDisabledUsers, NotHeldAs(RoutingHold.LeftWithDisabledOwner), now);

        /// <summary>Work left with disabled owners because nobody could take it: a user enabled may take it now.</summary>
        public static HandoverPass LeftWithDisabledOwners(DateTime now) =>
            LeaversWork(HandoverShare.LeftWithDisabledOwners, "left with disabled owners", OwnedByDisabledUsers, HeldAs(null, RoutingHold.LeftWithDisabledOwner), now);

        /// <summary>
        /// The user enabled again: their own work left with them as a disabled owner follows the routing once more (it may be
        /// theirs again), so it leaves the unrouted list and is no longer held; nobody else found, it stays theirs, noted.
        /// </summary>
        public static HandoverPass BackWithItsOwner(Guid user, DateTime now) =>
            new HandoverPass(HandoverShare.BackWithItsOwner, "left with the user enabled again", OwnedBy(user),
                HeldAs(UnroutedHolding.StuckWithDisabledOwner, RoutingHold.LeftWithDisabledOwner),
                $"Re-routed {now:yyyy-MM-dd} because its owner was enabled again",
                UnroutedHolding.LeftWithItsOwner, UnroutedHolding.ReviewLeftWithItsOwner, null, null,
                // The waiting signals of the user's accounts that disabled users hold: nobody could take them while the user was away.
                (signals, account) =>
                {
                    account.LinkCriteria.AddCondition(Account.OwnerId, ConditionOperator.Equal, user);
                    OwnedByDisabledUsers(signals);
                });

        /// <summary>
        /// Handoffs waiting unrouted since their owner was disabled go to whoever the routing names now (the user enabled may
        /// be its dedicated owner again); those it still finds nobody for stay as they are. So do reviews waiting unrouted
        /// because the person their routing named was disabled (<see cref="ReviewsWaitingUnrouted"/>).
        /// </summary>
        public static HandoverPass WaitingSinceOwnerLeft(DateTime now) =>
            new HandoverPass(HandoverShare.WaitingSinceOwnerLeft, "waiting unrouted since their owner left",
                q => q.Criteria.AddCondition(HandoffTask.IsUnrouted, ConditionOperator.Equal, true),
                HeldAs(UnroutedHolding.ReassignedBecauseOwnerDisabled, RoutingHold.LeftWithDisabledOwner, RoutingHold.MovedBecauseOwnerDisabled),
                $"Re-routed {now:yyyy-MM-dd} because a user was enabled again", null, null, null, null);

        /// <summary>An enable's passes, in their order (<see cref="DisabledOwnerHandover"/>).</summary>
        public static HandoverPass[] OnEnable(Guid user, DateTime now) =>
            new[] { NotYetHeld(now), LeftWithDisabledOwners(now), BackWithItsOwner(user, now), WaitingSinceOwnerLeft(now) };

        /// <summary>The pass a share names, for the user it was written on.</summary>
        public static HandoverPass ForShare(HandoverShare share, Guid user, DateTime now) =>
            share.Pass == HandoverShare.Leaver ? Leaver(user, now) : OnEnable(user, now).Single(pass => pass.Key == share.Pass);

        /// <summary>The records the user owns.</summary>
        public static Action<QueryExpression> OwnedBy(Guid user) =>
            q => q.Criteria.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, user);

        /// <summary>The records disabled users own.</summary>
        public static void OwnedByDisabledUsers(QueryExpression query)
        {
            LinkEntity owner = query.AddLink(SystemUser.Table, CommonColumn.OwnerId, SystemUser.Id);
            owner.LinkCriteria.AddCondition(SystemUser.IsDisabled, ConditionOperator.Equal, true);
        }

        /// <summary>A disabled owner's work, moved or noted with the reason that its owner was disabled, and held so.</summary>
        private static HandoverPass LeaversWork(string key, string name, Action<QueryExpression> whose, Action<QueryExpression, string, string> held, DateTime now,
            Action<QueryExpression, LinkEntity> signalsWhose = null) =>
            new HandoverPass(key, name, whose, held, $"Reassigned {now:yyyy-MM-dd} {UnroutedHolding.ReassignedBecauseOwnerDisabled}",
                UnroutedHolding.LeftWithDisabledOwner, UnroutedHolding.ReviewLeftWithDisabledOwner,
                RoutingHold.LeftWithDisabledOwner, RoutingHold.MovedBecauseOwnerDisabled, signalsWhose);

        /// <summary>
        /// A filter on a table's routing hold: one of these holds; or, for work a version before the hold existed moved or
        /// left (no hold), a path saying <paramref name="wordsBeforeHolds"/> — the wording those versions wrote and read,
        /// kept only to find their records; the run that re-routes or notes such a record gives it its hold.
        /// </summary>
        private static Action<QueryExpression, string, string> HeldAs(string wordsBeforeHolds, params RoutingHold[] holds) =>
            (query, holdColumn, pathColumn) =>
            {
                object[] values = Array.ConvertAll(holds, h => (object)(int)h);
                if (wordsBeforeHolds == null)
                {
                    query.Criteria.AddCondition(holdColumn, ConditionOperator.In, values);
                    return;
                }
                var either = new FilterExpression(LogicalOperator.Or);
                either.AddCondition(holdColumn, ConditionOperator.In, values);
                FilterExpression beforeHolds = either.AddFilter(LogicalOperator.And);
                beforeHolds.AddCondition(holdColumn, ConditionOperator.Null);
                beforeHolds.AddCondition(pathColumn, ConditionOperator.Like, "%" + wordsBeforeHolds + "%");
                query.Criteria.AddFilter(either);
            };

        /// <summary>A filter on a table's routing hold: none, or another one (a condition on a value leaves out empty ones).</summary>
        private static Action<QueryExpression, string, string> NotHeldAs(RoutingHold hold) => (query, column, _) =>
        {
            var filter = new FilterExpression(LogicalOperator.Or);
            filter.AddCondition(column, ConditionOperator.Null);
            filter.AddCondition(column, ConditionOperator.NotEqual, (int)hold);
            query.Criteria.AddFilter(filter);
        };
    }
}
