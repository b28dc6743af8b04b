using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class BaseAmountTests
    {
        [Theory]
        [InlineData(48000, 0.85, 56470.5882)] // pounds: fewer units per euro, worth more
        [InlineData(1000000, 160, 6250)]      // yen: many units per euro, worth less
        [InlineData(55000, 1.1, 50000)]       // exactly at a 50,000 threshold
        [InlineData(80000, 1, 80000)]         // the base currency itself
        public void An_amount_is_divided_by_its_currencys_rate(double amount, double rate, double expected) =>
            Assert.Equal((decimal)expected, BaseAmount.Of((decimal)amount, (decimal)rate));

        [Fact]
        public void No_currency_or_no_amount_leaves_the_amount_as_it_is()
        {
            Assert.Equal(80000m, BaseAmount.Of(80000m, null));
            Assert.Null(BaseAmount.Of(null, 1.1m));
            Assert.Equal(80000m, BaseAmount.Of(80000m, 0m)); // a rate the platform never stores (its minimum is above 0)
        }
    }
}
