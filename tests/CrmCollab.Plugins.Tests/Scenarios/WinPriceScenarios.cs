using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The form's Close as Won asks for the actual revenue, the price the customer actually agreed to, which the Win records on the
    /// opportunity close (and as the deal's actual revenue). The rules and the reviews weighed the estimated revenue, so
    /// a salesperson could keep the estimate under a rule's minimum all along and close at the real price, or close an
    /// approved deal at a price Finance never saw. These scenarios run where Win runs no Update step of ours: the close
    /// guard alone holds the win.
    /// </summary>
    public class WinPriceScenarios
    {
        private static CrmCollabOrg WithoutTheUpdateGuard() => new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".OpportunityGuard", StringComparison.Ordinal) && s.MessageName == "Update"));

        private static WinOpportunityRequest WinAt(Guid deal, decimal actualRevenue)
        {
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(deal);
            win.OpportunityClose["actualrevenue"] = new Money(actualRevenue);
            return win;
        }

        private static int State(CrmCollabOrg org, Guid deal) =>
            org.System.Retrieve("opportunity", deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value;

        [Fact]
        public void A_deal_estimated_under_the_review_threshold_cannot_be_closed_at_a_price_above_it_without_the_reviews_that_price_needs()
        {
            var org = WithoutTheUpdateGuard();
            var (lena, fiona, account, _) = org.CustomDealInQualify();
            Guid deal = org.CustomDeal(account, amount: 40000m);
            org.MoveTo(deal, SalesStage.Develop);
            Assert.Empty(org.Reviews(deal).Entities); // under 50,000: no rule applies to the estimate
            var before = TableSnapshot.Take(org.System);

            string message = CrmCollabOrg.Refusal(() => org.As(org.Rep).Execute(WinAt(deal, 400000m)));

            Assert.Equal(RefusalCodes.GateReviewMissing, Refusal.CodeOf(message));
            Assert.Contains("Logistics, Finance", message);
            Assert.Contains("actual revenue of 400,000.00", message);
            before.AssertUnchanged(org.System); // still open, no opportunity close

            // The salesperson saves the real price: the reviews are asked for it, approved, and the deal is won at it.
            org.As(org.Rep).Update(new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(400000m), ["budgetamount"] = new Money(400000m) });
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            org.MoveTo(deal, SalesStage.Propose);
            org.As(org.Rep).Execute(WinAt(deal, 400000m));
            Assert.Equal(1, State(org, deal));
        }

        [Fact]
        public void Finances_approval_of_the_estimated_price_does_not_cover_a_win_at_another_price()
        {
            var org = WithoutTheUpdateGuard();
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            org.MoveTo(deal, SalesStage.Propose);
            var before = TableSnapshot.Take(org.System);

            string higher = CrmCollabOrg.Refusal(() => org.As(org.Rep).Execute(WinAt(deal, 120000m)));
            string lower = CrmCollabOrg.Refusal(() => org.As(org.Rep).Execute(WinAt(deal, 55000m)));

            foreach (string message in new[] { higher, lower })
            {
                Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
                Assert.Contains("Finance", message);
                Assert.DoesNotContain("Logistics", message); // Logistics watched the delivery and the products, not the price
                Assert.Contains("estimated revenue of 80,000.00", message);
            }
            before.AssertUnchanged(org.System);

            // Closed at the price Finance approved, the deal is won.
            org.As(org.Rep).Execute(WinAt(deal, 80000m));
            Assert.Equal(1, State(org, deal));
        }

        [Fact]
        public void A_rejected_deal_cannot_be_closed_at_a_token_price_under_the_rules_minimum()
        {
            var org = WithoutTheUpdateGuard();
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Rejected, reason: "Margin too thin");

            string message = CrmCollabOrg.Refusal(() => org.As(org.Rep).Execute(WinAt(deal, 1m)));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
            Assert.Contains("Finance", message); // a new price re-opens the rejection as it would the approval
            Assert.Equal(0, State(org, deal));
        }
    }
}
