using CrmCollab.Cli.Report;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// The colours as the page states them: "green meets the target, amber is within 10 % of it, red is further", the
    /// same band whether higher is better (a rate) or lower is better (the review turnaround median).
    /// </summary>
    public class ReportTargetStatusTests
    {
        private readonly ReportTargets _targets = new ReportTargets(); // the shipped defaults: 24 h, 90 %, margin 10 %

        [Theory]
        [InlineData(20.0, "green")]
        [InlineData(24.0, "green")]
        [InlineData(26.4, "amber")] // 10 % over 24 h
        [InlineData(26.5, "red")]   // more than 10 % over: the median misses the target by 2.5 h, the margin is 2.4 h
        [InlineData(26.6, "red")]
        public void A_review_turnaround_median_more_than_10_percent_over_24_hours_is_red(double medianHours, string colour) =>
            Assert.Equal(colour, _targets.StatusOf(medianHours, _targets.Targets.ReviewTurnaroundMedianHours, lowerIsBetter: true));

        [Theory]
        [InlineData(0.95, "green")]
        [InlineData(0.9, "green")]
        [InlineData(0.81, "amber")] // 10 % under 90 %
        [InlineData(0.8, "red")]
        public void Handoffs_on_time_more_than_10_percent_under_90_percent_are_red_as_before(double rate, string colour)
        {
            Assert.Equal(colour, _targets.StatusOf(rate, _targets.Targets.HandoffsOnTime));
            Assert.Equal(colour, _targets.Status(ReportTargets.Attainment(rate, _targets.Targets.HandoffsOnTime)));
        }
    }
}
