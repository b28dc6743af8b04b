using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal's Revenue says whether its Est. Revenue is the amount the salesperson typed (User Provided) or is calculated
    /// from its products (System Calculated: Opportunity table reference, IsRevenueSystemCalculated). Switched on a won
    /// deal, the platform would put the products' total in place of the agreed amount without the save sending an amount,
    /// where the lock looks: so the switch is locked with the amount, on every channel.
    /// </summary>
    public class WonRevenueSwitchScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        public WonRevenueSwitchScenarios()
        {
            _deal = _org.Deal(_org.Account("Contoso"));
            _org.Win(_deal);
        }

        private Entity Switch(bool systemCalculated) =>
            new Entity("opportunity", _deal) { ["isrevenuesystemcalculated"] = systemCalculated };

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        public void A_won_deals_revenue_cannot_be_switched_to_system_calculated(string channel)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            string refusal = _org.Refused(RefusalCodes.TermsLocked, () =>
            {
                if (channel == "Update") rep.Update(Switch(true));
                else if (channel == "UpdateMultiple") CrmCollabOrg.InUpdateMultiple(rep, Switch(true));
                else CrmCollabOrg.InUpsert(rep, Switch(true));
            }, "opportunity");

            Assert.Contains("(Revenue)", refusal);
            Assert.Contains("stays as the deal was won", refusal);
        }

        [Fact]
        public void A_won_deals_revenue_sent_again_as_it_is_passes()
        {
            Guid typed = _org.Deal(_org.Account("Fabrikam"), "Spare parts");
            _org.As(_org.Rep).Update(new Entity("opportunity", typed) { ["isrevenuesystemcalculated"] = false });
            _org.Win(typed);

            // An integration re-sending the whole won deal: User Provided, as it was won.
            _org.As(_org.Rep).Update(new Entity("opportunity", typed) { ["isrevenuesystemcalculated"] = false, ["estimatedvalue"] = new Money(80000m) });

            Assert.False(_org.Row("opportunity", typed, "isrevenuesystemcalculated").GetAttributeValue<bool>("isrevenuesystemcalculated"));
        }
    }
}
