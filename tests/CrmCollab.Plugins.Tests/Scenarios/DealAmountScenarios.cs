using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A deal's value and discount make sense, whatever the channel: a −80,000 custom deal would skip every amount rule.</summary>
    public class DealAmountScenarios
    {
        [Fact]
        public void A_negative_value_or_a_discount_outside_0_to_100_is_refused_on_create_update_and_in_a_batch()
        {
            var org = new CrmCollabOrg();
            var (_, _, account, deal) = org.CustomDealAwaitingReviews();
            string create = org.Refused(RefusalCodes.NegativeAmount, () => org.As(org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Credit note", ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(-80000m),
                ["crmc_iscustomsolution"] = true,
            }), "opportunity", "crmc_feasibilityreview");
            Assert.Contains("cannot be negative", create);
            org.Refused(RefusalCodes.NegativeAmount, () => org.As(org.Rep).Update(new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(-1m) }),
                "opportunity", "crmc_feasibilityreview");
            string discount = org.Refused(RefusalCodes.NegativeAmount, () => CrmCollabOrg.InExecuteMultiple(org.As(org.Rep),
                new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = new Entity("opportunity", deal) { ["crmc_discountpercent"] = 120m } }),
                "opportunity", "crmc_feasibilityreview");
            Assert.Contains("between 0 and 100", discount);
        }
    }
}
