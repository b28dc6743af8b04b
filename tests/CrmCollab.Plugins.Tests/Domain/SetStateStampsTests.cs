using System;
using CrmCollab.Plugins.Domain.Handoff;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Which stamp a handoff's SetState still needs, whether or not an Update step wrote it on the way.</summary>
    public class SetStateStampsTests
    {
        private static readonly DateTime Canceled = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Now = Canceled.AddDays(40);

        [Fact]
        public void A_close_no_update_step_stamped_is_stamped_and_one_it_stamped_is_left()
        {
            Assert.Equal(SetStateStamp.Completion, SetStateStamps.Needed(HandoffState.Open, HandoffState.Completed, null, null));
            Assert.Equal(SetStateStamp.Cancellation, SetStateStamps.Needed(HandoffState.Open, HandoffState.Canceled, null, null));
            Assert.Equal(SetStateStamp.None, SetStateStamps.Needed(HandoffState.Open, HandoffState.Completed, null, Now));
            Assert.Equal(SetStateStamp.Completion, SetStateStamps.Needed(null, HandoffState.Completed, null, null)); // no pre-image
        }

        [Fact]
        public void A_canceled_handoff_completed_after_all_is_dated_anew_unless_an_update_step_did_it()
        {
            Assert.Equal(SetStateStamp.Completion, SetStateStamps.Needed(HandoffState.Canceled, HandoffState.Completed, Canceled, Canceled));
            Assert.Equal(SetStateStamp.None, SetStateStamps.Needed(HandoffState.Canceled, HandoffState.Completed, Canceled, Now));
            Assert.Equal(SetStateStamp.Cancellation, SetStateStamps.Needed(HandoffState.Completed, HandoffState.Canceled, Canceled, Canceled));
            Assert.Equal(SetStateStamp.None, SetStateStamps.Needed(null, HandoffState.Completed, null, Canceled)); // unknown before: left
            Assert.Equal(SetStateStamp.None, SetStateStamps.Needed(HandoffState.Completed, HandoffState.Completed, Canceled, Canceled));
        }

        [Fact]
        public void A_reopened_handoff_loses_its_actual_end_when_still_there()
        {
            Assert.Equal(SetStateStamp.ClearEnd, SetStateStamps.Needed(HandoffState.Completed, HandoffState.Open, Canceled, Canceled));
            Assert.Equal(SetStateStamp.None, SetStateStamps.Needed(HandoffState.Completed, HandoffState.Open, Canceled, null));
        }
    }
}
