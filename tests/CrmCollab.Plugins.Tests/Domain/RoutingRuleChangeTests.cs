using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class RoutingRuleChangeTests
    {
        [Fact]
        public void A_rule_moved_from_adv_to_logistics_concerns_both_functions_and_one_kept_on_adv_only_adv()
        {
            Assert.Equal(new[] { BusinessFunction.Adv, BusinessFunction.Logistics },
                RoutingRuleChange.FunctionsConcerned((int)BusinessFunction.Adv, (int)BusinessFunction.Logistics));
            Assert.Equal(new[] { BusinessFunction.Adv }, RoutingRuleChange.FunctionsConcerned((int)BusinessFunction.Adv, (int)BusinessFunction.Adv));
        }

        [Fact]
        public void A_new_rule_concerns_its_function_a_deleted_one_the_function_it_had_and_an_unknown_choice_nothing()
        {
            Assert.Equal(new[] { BusinessFunction.Sav }, RoutingRuleChange.FunctionsConcerned(null, (int)BusinessFunction.Sav));
            Assert.Equal(new[] { BusinessFunction.Finance }, RoutingRuleChange.FunctionsConcerned((int)BusinessFunction.Finance, null));
            Assert.Empty(RoutingRuleChange.FunctionsConcerned(null, 42));
            Assert.Empty(RoutingRuleChange.FunctionsConcerned(null, null));
        }

        private const int Retail = 27, Manufacturing = 12;
        private static readonly System.Guid North = System.Guid.NewGuid(), South = System.Guid.NewGuid();

        private static AccountProfile Account(int? industry, System.Guid? territory = null, int? size = null) =>
            new AccountProfile { Id = System.Guid.NewGuid(), IndustryCode = industry, TerritoryId = territory, CustomerSizeCode = size };

        private static RoutingRule Segment(int? industry, System.Guid? territory = null, int? size = null) =>
            new RoutingRule { IndustryCode = industry, TerritoryId = territory, CustomerSizeCode = size };

        [Fact]
        public void A_retail_rule_given_to_another_planner_concerns_retail_accounts_only()
        {
            RoutingRule retail = Segment(Retail);
            Assert.True(RoutingRuleChange.Concerns(retail, retail, Account(Retail)));
            Assert.False(RoutingRuleChange.Concerns(retail, retail, Account(Manufacturing)));
            Assert.False(RoutingRuleChange.Concerns(retail, retail, Account(null)));
            Assert.False(RoutingRuleChange.ConcernsEveryAccount(retail, retail));
        }

        [Fact]
        public void A_rule_moved_from_retail_to_manufacturing_concerns_both_sectors_and_a_rule_of_the_north_retailers_only_them()
        {
            Assert.True(RoutingRuleChange.Concerns(Segment(Retail), Segment(Manufacturing), Account(Retail)));
            Assert.True(RoutingRuleChange.Concerns(Segment(Retail), Segment(Manufacturing), Account(Manufacturing)));
            Assert.False(RoutingRuleChange.Concerns(Segment(Retail), Segment(Manufacturing), Account(null)));

            RoutingRule northRetail = Segment(Retail, North);
            Assert.True(RoutingRuleChange.Concerns(northRetail, northRetail, Account(Retail, North, 3)));
            Assert.False(RoutingRuleChange.Concerns(northRetail, northRetail, Account(Retail, South)));
            Assert.False(RoutingRuleChange.Concerns(Segment(null, null, 3), Segment(null, null, 3), Account(Retail, North, 2)));
        }

        [Fact]
        public void A_new_rule_concerns_the_segment_it_routes_a_deleted_one_the_segment_it_routed()
        {
            Assert.True(RoutingRuleChange.Concerns(null, Segment(Retail), Account(Retail)));
            Assert.False(RoutingRuleChange.Concerns(null, Segment(Retail), Account(Manufacturing)));
            Assert.True(RoutingRuleChange.Concerns(Segment(Manufacturing), null, Account(Manufacturing)));
            Assert.False(RoutingRuleChange.Concerns(Segment(Manufacturing), null, Account(Retail)));
        }

        [Fact]
        public void A_default_rule_on_either_side_of_the_change_or_no_image_at_all_concerns_every_account()
        {
            Assert.True(RoutingRuleChange.ConcernsEveryAccount(Segment(null), Segment(Retail)));
            Assert.True(RoutingRuleChange.ConcernsEveryAccount(Segment(Retail), Segment(null)));
            Assert.True(RoutingRuleChange.ConcernsEveryAccount(null, Segment(null)));
            Assert.True(RoutingRuleChange.ConcernsEveryAccount(null, null));
            Assert.False(RoutingRuleChange.ConcernsEveryAccount(null, Segment(Retail)));
            Assert.True(RoutingRuleChange.Concerns(Segment(null), Segment(Retail), Account(Manufacturing)));
        }
    }
}
