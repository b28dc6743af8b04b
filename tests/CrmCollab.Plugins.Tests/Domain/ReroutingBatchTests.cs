using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class ReroutingBatchTests
    {
        [Fact]
        public void A_change_one_run_can_take_is_not_split_and_a_larger_one_is_split_into_shares_of_about_two_hundred()
        {
            Assert.Equal(1, ReroutingBatch.SharesFor(0));
            Assert.Equal(1, ReroutingBatch.SharesFor(RoutingRuleChange.MaxAccountsPerRun));
            Assert.Equal(2, ReroutingBatch.SharesFor(RoutingRuleChange.MaxAccountsPerRun + 1));
            Assert.Equal(5, ReroutingBatch.SharesFor(1000));
            Assert.Equal(51, ReroutingBatch.SharesFor(10_001));
        }

        [Fact]
        public void A_share_written_on_the_rule_reads_back_with_the_segment_the_rule_had_before_and_after_the_change()
        {
            Guid north = Guid.NewGuid();
            var share = new ReroutingBatch
            {
                Share = new WorkShare { Index = 3, Count = 7 }, Function = BusinessFunction.Logistics,
                Before = new RoutingRule { IndustryCode = 27, TerritoryId = north },
                After = new RoutingRule { CustomerSizeCode = 3 },
            };

            ReroutingBatch read = ReroutingBatch.Read(share.Write());

            Assert.Equal((3, 7, BusinessFunction.Logistics), (read.Share.Index, read.Share.Count, read.Function));
            Assert.Equal((27, north, (int?)null), (read.Before.IndustryCode, read.Before.TerritoryId, read.Before.CustomerSizeCode));
            Assert.Equal(((int?)null, (Guid?)null, 3), (read.After.IndustryCode, read.After.TerritoryId, read.After.CustomerSizeCode));
        }

        [Fact]
        public void A_share_of_a_new_rule_has_no_segment_before_and_one_of_a_default_rule_sets_no_criterion()
        {
            ReroutingBatch read = ReroutingBatch.Read(new ReroutingBatch { Share = new WorkShare { Index = 0, Count = 2 }, Function = BusinessFunction.Adv, After = new RoutingRule() }.Write());

            Assert.Null(read.Before);
            Assert.True(read.After.IsDefault);
        }

        [Theory]
        [InlineData(null), InlineData(""), InlineData("v2|0|2|1|-|-"), InlineData("v1|2|2|1|-|-"), InlineData("v1|0|0|1|-|-"),
         InlineData("v1|0|2|999|-|-"), InlineData("v1|0|2|1|27;x;|-"), InlineData("v1|0|2|1|27|-"), InlineData("v1|0|2")]
        public void A_text_this_version_did_not_write_is_no_share(string text)
        {
            Assert.Null(ReroutingBatch.Read(text));
        }
    }
}
