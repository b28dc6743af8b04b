using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The administrator retires the logistics rule while Lena's review of the deal is pending: the background
    /// re-evaluation that withdraws it is queued, and the salesperson wins the deal first (the gate, computed at the win,
    /// no longer asks Logistics). The re-evaluation read open deals only, and a won deal's reviews are final: before, the
    /// review stayed pending for ever in Lena's queue and her overdue figures, nobody able to decide or withdraw it. The
    /// re-evaluation now also withdraws, with its reason, the pending reviews of won deals that no rule asks for any more.
    /// </summary>
    public class WonDealStaleReviewScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public WonDealStaleReviewScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            _org.MoveTo(_deal, SalesStage.Propose);
            // At Propose, the customer asks for another delivery date: Logistics is asked again.
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_requesteddelivery"] = CrmCollabOrg.Start.AddDays(40) });
        }

        private Guid LogisticsRule()
        {
            var query = new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_name", ConditionOperator.Equal, "Custom above 50k: logistics");
            return _org.System.RetrieveMultiple(query).Entities[0].Id;
        }

        [Fact]
        public void A_review_no_rule_asks_for_any_more_does_not_stay_pending_for_ever_on_a_deal_won_before_the_rule_change_was_applied()
        {
            Guid logistics = _org.Review(_deal, BusinessFunction.Logistics).Id;
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", LogisticsRule()) { ["crmc_isactive"] = false });

            _org.Win(_deal); // the rule's background re-evaluation runs after the win

            Entity review = _org.System.Retrieve("crmc_feasibilityreview", logistics, new ColumnSet("crmc_decision", "crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Withdrawn, review.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Contains("the deal no longer meets any Logistics feasibility rule", review.GetAttributeValue<string>("crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
