using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class QueueKeeperChangeTests
    {
        private static readonly Guid Quinn = Guid.NewGuid(), Eve = Guid.NewGuid(), Frank = Guid.NewGuid();

        private static QueueKeeperChange.WaitingWork Work(Guid? owner, bool open = true) =>
            new QueueKeeperChange.WaitingWork { RecordId = Guid.NewGuid(), OwnerId = owner, IsOpen = open };

        [Fact]
        public void The_new_keeper_takes_the_open_work_the_former_keeper_held_in_the_queue()
        {
            var review = Work(Quinn);
            var handoff = Work(Quinn);

            Assert.Equal(new[] { review.RecordId, handoff.RecordId }, QueueKeeperChange.ToHandOver(Quinn, Eve, new[] { review, handoff }));
        }

        [Fact]
        public void Work_passed_on_to_someone_else_or_closed_stays_where_it_is()
        {
            var passedOn = Work(Frank);
            var closed = Work(Quinn, open: false);
            var ownerless = Work(null);

            Assert.Empty(QueueKeeperChange.ToHandOver(Quinn, Eve, new[] { passedOn, closed, ownerless }));
        }

        [Fact]
        public void Nothing_moves_when_the_keeper_stays_the_same_or_is_unknown()
        {
            var work = new[] { Work(Quinn) };

            Assert.Empty(QueueKeeperChange.ToHandOver(Quinn, Quinn, work));
            Assert.Empty(QueueKeeperChange.ToHandOver(Guid.Empty, Eve, work));
            Assert.Empty(QueueKeeperChange.ToHandOver(Quinn, Guid.Empty, work));
        }

        [Fact]
        public void A_record_waiting_twice_in_the_queue_is_handed_over_once()
        {
            var work = Work(Quinn);

            Assert.Single(QueueKeeperChange.ToHandOver(Quinn, Eve, new[] { work, work }));
        }

        [Fact]
        public void The_path_says_who_holds_the_work_now_and_keeps_what_it_said()
        {
            var on = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

            Assert.Equal("Held 2026-03-02 by the user Eve Dispatch, to whom the queue 'CrmCollab Unrouted' it waits in was given (before: Routed 2026-02-27: to the unrouted desk)",
                QueueKeeperChange.Path("Routed 2026-02-27: to the unrouted desk", "CrmCollab Unrouted", "the user Eve Dispatch", on));
            Assert.Equal("Held 2026-03-02 by the queue's new owner, to whom the queue 'Desk' it waits in was given",
                QueueKeeperChange.Path(null, "Desk", null, on));
        }

        [Fact]
        public void Work_left_with_a_disabled_keeper_waits_moved_with_the_new_one_and_other_holds_are_kept()
        {
            Assert.Equal(RoutingHold.MovedBecauseOwnerDisabled, QueueKeeperChange.HoldAfter(RoutingHold.LeftWithDisabledOwner));
            Assert.Equal(RoutingHold.MovedBecauseOwnerDisabled, QueueKeeperChange.HoldAfter(RoutingHold.MovedBecauseOwnerDisabled));
            Assert.Null(QueueKeeperChange.HoldAfter(null));
        }

        [Fact]
        public void A_review_of_a_deal_the_new_keeper_owns_or_has_owned_is_routed_again_instead()
        {
            var own = Work(Quinn);
            own.DealOwners = new DealOwnership(new[] { Eve }, null);
            var other = Work(Quinn);
            other.DealOwners = new DealOwnership(new[] { Frank }, null);
            var eve = new Principal(PrincipalKind.User, Eve, "Eve");

            Assert.Equal(new[] { other.RecordId }, QueueKeeperChange.ToHandOver(Quinn, eve, new[] { own, other }));
            Assert.Equal(new[] { own.RecordId }, QueueKeeperChange.ToRouteAgain(Quinn, eve, new[] { own, other }));
        }

        [Theory]
        [InlineData(true, false, false, true)]   // a finance review the desk's logistics keeper took out of its queue
        [InlineData(true, true, false, false)]   // still in the queue: handed over with it
        [InlineData(true, false, true, false)]   // a review of his own function: his as a reviewer
        [InlineData(false, false, false, false)] // a rule's queue: its rule's work follows the rule (routed again in the background)
        public void Only_a_review_of_another_function_taken_out_of_the_desks_queue_goes_with_the_desk(bool isTheDesk, bool inTheQueue, bool reviewsFunction, bool goes)
        {
            Assert.Equal(goes, QueueKeeperChange.TakenFromTheDesk(isTheDesk, inTheQueue, reviewsFunction));
        }
    }
}
