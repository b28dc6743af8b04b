using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Handoff;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class CloseSequenceTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Win = Guid.NewGuid(), Lose = Guid.NewGuid(), WinAgain = Guid.NewGuid();

        private static KeyValuePair<Guid, DateTime> Close(Guid id, DateTime on) => new KeyValuePair<Guid, DateTime>(id, on);

        [Fact]
        public void A_losses_job_run_after_the_deal_was_won_again_is_superseded()
        {
            var closes = new[] { Close(Win, Day), Close(Lose, Day.AddDays(2)), Close(WinAgain, Day.AddDays(30)) };

            Assert.True(CloseSequence.Of(closes, Lose).Superseded);
            CloseSequence again = CloseSequence.Of(closes, WinAgain);
            Assert.False(again.Superseded);
            Assert.Equal(Day.AddDays(2), again.PreviousOn);
        }

        [Fact]
        public void Closes_made_in_the_same_instant_do_not_supersede_each_other_so_the_win_still_hands_off()
        {
            var closes = new[] { Close(Lose, Day), Close(WinAgain, Day) };

            Assert.False(CloseSequence.Of(closes, WinAgain).Superseded);
            Assert.Equal(Day, CloseSequence.Of(closes, WinAgain).PreviousOn);
        }

        [Fact]
        public void A_win_after_a_loss_reopens_what_was_canceled_before_the_loss_not_what_was_canceled_since()
        {
            var closes = new[] { Close(Win, Day), Close(Lose, Day.AddDays(2)), Close(WinAgain, Day.AddDays(30)) };
            CloseSequence again = CloseSequence.Of(closes, WinAgain);

            Assert.True(again.ReopensCanceled(Day.AddDays(1)));
            Assert.True(again.ReopensCanceled(Day.AddDays(2)));
            Assert.False(again.ReopensCanceled(Day.AddDays(3)));
            Assert.False(CloseSequence.Of(new[] { Close(Win, Day) }, Win).ReopensCanceled(Day.AddDays(-1)));
        }

        [Fact]
        public void A_first_win_has_no_previous_close()
        {
            CloseSequence first = CloseSequence.Of(new[] { Close(Win, Day) }, Win);

            Assert.False(first.Superseded);
            Assert.Null(first.PreviousOn);
        }
    }
}
