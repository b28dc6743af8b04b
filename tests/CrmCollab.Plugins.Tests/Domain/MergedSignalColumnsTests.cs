using System;
using CrmCollab.Plugins.Domain.Signals;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class MergedSignalColumnsTests
    {
        private static readonly DateTime Earlier = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), Later = Earlier.AddDays(3);
        private int _reads;
        private Func<bool> Answer(bool value) => () => { _reads++; return value; };

        [Fact]
        public void The_account_that_stays_is_dated_by_the_later_of_the_two_dates()
        {
            Assert.Equal(Later, MergedSignalColumns.LastSignalOn(Earlier, Later));
            Assert.Equal(Later, MergedSignalColumns.LastSignalOn(Later, Earlier));
            Assert.Equal(Earlier, MergedSignalColumns.LastSignalOn(null, Earlier));
            Assert.Equal(Earlier, MergedSignalColumns.LastSignalOn(Earlier, null));
            Assert.Null(MergedSignalColumns.LastSignalOn(null, null));
        }

        [Fact]
        public void It_stays_marked_while_a_churn_risk_signal_that_came_over_waits_reading_only_when_the_merged_away_one_was_marked()
        {
            Assert.True(MergedSignalColumns.Marked(true, true, Answer(false))); // left marked by the merge
            Assert.False(MergedSignalColumns.Marked(false, false, Answer(true))); // nothing marked came over
            Assert.Equal(0, _reads);
            Assert.True(MergedSignalColumns.Marked(false, true, Answer(true))); // its churn-risk signal still waits
            Assert.False(MergedSignalColumns.Marked(false, true, Answer(false))); // read since: the merge's choice stands
            Assert.Equal(2, _reads);
        }
    }
}
