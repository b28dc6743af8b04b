using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Fiona, Contoso's Finance reviewer with no backup, is on leave when a custom deal reaches Develop: its Finance review
    /// goes to the unrouted desk, kept by Quinn — a Logistics reviewer who also dispatches the desk. Quinn passes it on to a
    /// Finance reviewer; he does not decide it. Before, as the review's holder he could approve it and clear the deal's
    /// Finance gate, which passing him a Finance review by hand was already refused.
    /// </summary>
    public class DeskReviewDecisionScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn, _deal;

        public DeskReviewDecisionScenarios()
        {
            _quinn = _org.Setup.CreateUser("Quinn Dispatch", _org.Operations, "CrmCollab Reviewer", "CrmCollab Logistics");
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _quinn) });
            _org.DedicatedOwner(_org.Account("Fabrikam"), BusinessFunction.Logistics, user: _quinn); // he reviews Logistics, for Fabrikam
            (Guid _, Guid fiona, Guid _, Guid deal) = _org.CustomDealInQualify();
            _deal = deal;
            _org.Setup.DisableUser(fiona);
            _org.Engine.DrainAsync();
            _org.MoveTo(_deal, SalesStage.Develop);
            Assert.Equal(_quinn, FinanceReview().GetAttributeValue<EntityReference>("ownerid").Id); // at the desk
        }

        private Entity FinanceReview() =>
            _org.Row("crmc_feasibilityreview", _org.Review(_deal, BusinessFunction.Finance).Id, "ownerid", "crmc_decision");

        [Fact]
        public void The_desks_keeper_who_reviews_only_logistics_cannot_approve_the_finance_review_waiting_there()
        {
            Entity review = FinanceReview();
            string refusal = _org.Refused(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_quinn, review, ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
            Assert.Contains("waits at the unrouted desk for a Finance reviewer", refusal);
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_quinn, review, ReviewDecision.Rejected, reason: "Margin too thin"), "crmc_feasibilityreview", "opportunity");
            Assert.Equal((int)ReviewDecision.Pending, FinanceReview().GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void The_desks_keeper_passes_the_finance_review_to_a_finance_reviewer_who_decides_it()
        {
            Guid frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _org.DedicatedOwner(_org.Account("Litware"), BusinessFunction.Finance, user: frank);
            Entity review = FinanceReview();

            _org.As(_quinn).Execute(new AssignRequest
                { Target = review.ToEntityReference(), Assignee = new EntityReference("systemuser", frank) });
            _org.Decide(frank, review, ReviewDecision.Approved);

            Assert.Equal((int)ReviewDecision.Approved, FinanceReview().GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void A_desk_keeper_who_also_reviews_finance_decides_the_finance_review_waiting_there()
        {
            _org.DedicatedOwner(_org.Account("Litware"), BusinessFunction.Finance, user: _quinn);

            _org.Decide(_quinn, FinanceReview(), ReviewDecision.Approved);

            Assert.Equal((int)ReviewDecision.Approved, FinanceReview().GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }
    }
}
