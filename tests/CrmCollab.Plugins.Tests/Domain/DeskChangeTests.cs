using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class DeskChangeTests
    {
        private static readonly Guid Quinn = Guid.NewGuid(), Eve = Guid.NewGuid();
        private static readonly Principal Desk = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "CrmCollab Unrouted", new Principal(PrincipalKind.User, Quinn, "Quinn"));
        private static readonly Principal BackOffice = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "Back office", new Principal(PrincipalKind.User, Eve, "Eve"));
        private static readonly Principal Dispatch = new Principal(PrincipalKind.Team, Guid.NewGuid(), "Dispatch");

        [Fact]
        public void Work_moves_when_the_setting_names_another_desk_or_none_or_one_where_it_named_none()
        {
            Assert.True(DeskChange.Moves(Desk, BackOffice));
            Assert.True(DeskChange.Moves(Desk, Dispatch));
            Assert.True(DeskChange.Moves(Desk, null));
            Assert.True(DeskChange.Moves(null, BackOffice));
            Assert.False(DeskChange.Moves(Desk, new Principal(PrincipalKind.Queue, Desk.Id, "renamed")));
            Assert.False(DeskChange.Moves(null, null));
        }

        [Fact]
        public void Work_waits_unrouted_when_a_handoff_is_flagged_or_a_review_is_held_by_crmcollab_or_left_with_a_leaver()
        {
            Guid system = Guid.NewGuid();
            Assert.True(DeskChange.IsUnrouted(Quinn, true, isReview: false, flaggedUnrouted: true, hold: null, crmCollab: system));
            Assert.False(DeskChange.IsUnrouted(Quinn, true, isReview: false, flaggedUnrouted: false, hold: null, crmCollab: system));
            Assert.True(DeskChange.IsUnrouted(system, true, isReview: true, flaggedUnrouted: false, hold: null, crmCollab: system));
            Assert.True(DeskChange.IsUnrouted(Quinn, true, isReview: true, flaggedUnrouted: false, hold: RoutingHold.LeftWithDisabledOwner, crmCollab: system));
            Assert.False(DeskChange.IsUnrouted(Quinn, true, isReview: true, flaggedUnrouted: false, hold: RoutingHold.MovedBecauseOwnerDisabled, crmCollab: system));
            Assert.False(DeskChange.IsUnrouted(system, false, isReview: true, flaggedUnrouted: false, hold: null, crmCollab: system)); // decided
        }

        [Fact]
        public void At_a_queue_desk_open_work_its_keeper_holds_in_the_queue_waits_there()
        {
            Assert.True(DeskChange.WaitsAt(Desk, Quinn, isOpen: true, inDeskQueue: true, isReview: true, flaggedUnrouted: false));
            Assert.False(DeskChange.WaitsAt(Desk, Quinn, isOpen: false, inDeskQueue: true, isReview: true, flaggedUnrouted: false));
            Assert.False(DeskChange.WaitsAt(Desk, Eve, isOpen: true, inDeskQueue: true, isReview: false, flaggedUnrouted: true)); // passed on
            Assert.False(DeskChange.WaitsAt(Desk, Quinn, isOpen: true, inDeskQueue: false, isReview: true, flaggedUnrouted: false)); // his own review
            Assert.False(DeskChange.WaitsAt(Desk, null, isOpen: true, inDeskQueue: true, isReview: true, flaggedUnrouted: false));
        }

        [Fact]
        public void At_a_team_desk_its_reviews_and_its_unrouted_handoffs_wait_there()
        {
            Assert.True(DeskChange.WaitsAt(Dispatch, Dispatch.Id, isOpen: true, inDeskQueue: false, isReview: true, flaggedUnrouted: false));
            Assert.True(DeskChange.WaitsAt(Dispatch, Dispatch.Id, isOpen: true, inDeskQueue: false, isReview: false, flaggedUnrouted: true));
            Assert.False(DeskChange.WaitsAt(Dispatch, Dispatch.Id, isOpen: true, inDeskQueue: false, isReview: false, flaggedUnrouted: false)); // routed to the team
            Assert.False(DeskChange.WaitsAt(Dispatch, Eve, isOpen: true, inDeskQueue: false, isReview: true, flaggedUnrouted: false));
        }

        [Fact]
        public void The_reason_is_dated_and_says_what_changed()
        {
            Assert.Equal("Re-routed 2026-03-02 after the Unrouted Handoffs Queue setting changed desk", DeskChange.Reason(new DateTime(2026, 3, 2), settingChanged: true));
            Assert.Equal("Re-routed 2026-03-02 after the unrouted desk was set up or given to another owner", DeskChange.Reason(new DateTime(2026, 3, 2), settingChanged: false));
        }
    }
}
