using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lost deal keeps its decided reviews, and they count again once it is reopened. Terms changed while it was lost
    /// (the discount, the amount, a product line) or sent together with the reopen (an Update of statecode with other
    /// columns runs first for the other columns, while the deal is still lost: powerapps-docs "Behavior of specialized
    /// update operations") re-open the reviews that approved the old terms, so the deal is not won on them.
    /// Fiona (finance) approved 10 % and Lena (logistics) the products before the deal was lost.
    /// </summary>
    public class LostDealTermsScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity", "opportunityclose" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public LostDealTermsScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Lose(_deal);
        }

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private void Reopen() => _org.As(_org.Rep).Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
        });

        [Theory]
        [InlineData("saved while lost, then reopened")]
        [InlineData("sent with the reopen in one save")]
        public void A_discount_raised_on_a_lost_deal_reopens_finance_so_the_reopened_deal_is_not_won_on_the_old_approval(string path)
        {
            var raise = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 45m };
            if (path == "sent with the reopen in one save") raise["statecode"] = new OptionSetValue(0);
            _org.As(_org.Rep).Update(raise);
            if (path == "saved while lost, then reopened") Reopen();

            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, Decision(finance));
            Assert.Equal(_fiona, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            string refusal = _org.Refused(RefusalCodes.GateNotCleared, () => _org.Win(_deal, drain: false), Touched);
            Assert.Contains("Finance pending (Fiona Finance", refusal);
            // Logistics approved the products, which did not change: its approval stands.
            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Review(_deal, BusinessFunction.Logistics)));

            _org.Decide(_fiona, finance, ReviewDecision.Approved);
            _org.Win(_deal);
            Assert.Equal(1, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_product_line_added_to_a_lost_deal_reopens_logistics_only_and_nothing_is_asked_before_the_reopen()
        {
            _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Second tooling set", ["quantity"] = 2m, ["priceperunit"] = new Money(25000m),
            });
            // Lost: the old approval stops counting, but nobody is asked to review a lost deal.
            Assert.Equal((int)ReviewDecision.Invalidated, Decision(_org.Review(_deal, BusinessFunction.Logistics)));
            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Review(_deal, BusinessFunction.Finance)));

            Reopen();

            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            Assert.Equal((int)ReviewDecision.Pending, Decision(logistics));
            _org.Refused(RefusalCodes.GateNotCleared, () => _org.Win(_deal, drain: false), Touched);
            _org.Decide(_lena, logistics, ReviewDecision.Approved);
            _org.Win(_deal);
        }
    }
}
