using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class WinPriceTests
    {
        [Theory]
        [InlineData(40000.0, 400000.0, 400000.0)] // won above the estimate: the rules weigh the price
        [InlineData(80000.0, 1.0, 80000.0)]       // a token price never drops a review the estimate requires
        [InlineData(80000.0, null, 80000.0)]      // no actual revenue: the estimate
        [InlineData(null, 60000.0, 60000.0)]
        public void The_rules_weigh_the_larger_of_the_estimate_and_the_price_the_win_records(double? estimated, double? actual, double? weighed) =>
            Assert.Equal((decimal?)weighed, WinPrice.Weighed((decimal?)estimated, (decimal?)actual));

        [Fact]
        public void Only_another_price_than_the_estimate_is_a_change_of_the_amount()
        {
            Assert.False(WinPrice.Differs(80000m, 80000.00m));
            Assert.False(WinPrice.Differs(80000m, null));
            Assert.True(WinPrice.Differs(80000m, 79999m));
            Assert.True(WinPrice.Differs(null, 1m));
        }

        [Fact]
        public void The_refusal_keeps_the_gates_code_and_says_what_to_save()
        {
            var gate = new Refusal(RefusalCodes.GateNotCleared, "This opportunity cannot be won until its feasibility reviews are approved.");
            Refusal explained = WinPrice.Explain(gate, 80000m, 120000m);
            Assert.Equal(RefusalCodes.GateNotCleared, explained.Code);
            Assert.Contains("actual revenue of 120,000.00", explained.Text);
            Assert.Contains("estimated revenue of 80,000.00", explained.Text);
            Assert.Null(WinPrice.Explain(null, 80000m, 120000m));
        }
    }
}
