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
    }
}
