using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class OwnerPeriodsTests
    {
        private static readonly DateTime Today = new DateTime(2026, 3, 10);
        private static readonly DateTime Yesterday = Today.AddDays(-1);

        [Fact]
        public void A_daily_run_given_no_day_applies_yesterday_and_today_so_a_missed_morning_is_caught_the_next()
        {
            Assert.Equal(Yesterday, OwnerPeriods.FirstDay(null, Today.AddHours(6.5)));
            Assert.Equal(new DateTime(2026, 3, 2), OwnerPeriods.FirstDay(new DateTime(2026, 3, 2, 17, 0, 0), Today));
        }

        [Theory]
        [InlineData("2026-03-10", null, true)]   // begins today
        [InlineData("2026-03-09", null, true)]   // began yesterday
        [InlineData("2026-03-08", null, false)]  // began before the window
        [InlineData("2026-03-11", null, false)]  // begins tomorrow: not yet
        [InlineData(null, "2026-03-09", true)]   // yesterday was its last day: it stops today
        [InlineData(null, "2026-03-08", true)]   // its last day was the day before yesterday: it stopped yesterday
        [InlineData(null, "2026-03-07", false)]  // stopped before the window
        [InlineData(null, "2026-03-10", false)]  // today is still its day
        [InlineData("2025-01-01", "2026-12-31", false)]
        [InlineData(null, null, false)]
        public void A_row_changes_routing_on_its_first_day_and_on_the_day_after_its_last(string from, string to, bool changed)
        {
            Assert.Equal(changed, OwnerPeriods.ChangedWithin(Date(from), Date(to), Yesterday, Today));
        }

        [Fact]
        public void A_row_that_ends_on_the_last_day_of_the_calendar_never_stops()
        {
            Assert.False(OwnerPeriods.ChangedWithin(null, DateTime.MaxValue.Date, DateTime.MaxValue.Date.AddDays(-2), DateTime.MaxValue.Date));
        }

        [Fact]
        public void A_day_to_come_or_more_than_a_year_back_is_refused_with_its_own_code_and_a_day_that_can_be_applied_is_not()
        {
            Refusal future = OwnerPeriods.CheckFirstDay(Today.AddDays(1), Today.AddHours(23));
            Refusal old = OwnerPeriods.CheckFirstDay(Today.AddDays(-OwnerPeriods.MaxDaysBack - 1), Today);

            Assert.Equal(RefusalCodes.OwnerPeriodDayToCome, future.Code);
            Assert.Contains("2026-03-11", future.Text);
            Assert.Equal(RefusalCodes.OwnerPeriodTooFarBack, old.Code);
            Assert.Null(OwnerPeriods.CheckFirstDay(null, Today));
            Assert.Null(OwnerPeriods.CheckFirstDay(Today, Today));
            Assert.Null(OwnerPeriods.CheckFirstDay(Today.AddDays(-OwnerPeriods.MaxDaysBack), Today));
        }

        private static DateTime? Date(string text) => text == null ? (DateTime?)null : DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
