using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An approval vouches for what its function's rules watched when it was asked. When they come to watch more — a
    /// second rule of the function starts to apply, or an administrator widens a rule — the function is asked again.
    /// </summary>
    public class ReviewCoverageScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private Entity Row(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_decision", "crmc_supersededby", "crmc_relevantcolumns"));

        [Fact]
        public void A_deal_grown_past_a_second_finance_rule_is_reviewed_again_by_finance()
        {
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona);
            _org.FeasibilityRule("Discounted custom deals: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.FeasibilityRule("Above 500k: finance", BusinessFunction.Finance, "estimatedvalue,crmc_paymentterms", minAmount: 500000m, customOnly: false);
            Guid deal = _org.CustomDeal(account, amount: 80000m);
            _org.MoveTo(deal, SalesStage.Develop);
            Entity first = _org.Review(deal, BusinessFunction.Finance);
            _org.Decide(fiona, first, ReviewDecision.Approved);

            // Grown to 900k in the same save as the move: the 80k approval never looked at the amount.
            var both = new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(900000m), ["salesstage"] = new OptionSetValue(SalesStage.Propose) };
            Assert.Equal(RefusalCodes.GateReviewMissing, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(both))));

            // Saved on its own, the new amount asks finance again; the first approval stays as history.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(900000m) });
            Entity second = _org.Review(deal, BusinessFunction.Finance);
            Assert.NotEqual(first.Id, second.Id);
            Assert.Equal((int)ReviewDecision.Pending, Decision(second));
            Assert.Equal(second.Id, Row(first.Id).GetAttributeValue<EntityReference>("crmc_supersededby").Id);
            Assert.Equal((int)ReviewDecision.Approved, Decision(Row(first.Id)));
            Assert.Contains("Finance pending", CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose)));

            _org.Decide(fiona, second, ReviewDecision.Approved);
            _org.MoveTo(deal, SalesStage.Propose);
            // A later save asks nothing more: the new review covers both rules.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(900000m) });
            Assert.Equal(2, _org.Reviews(deal).Entities.Count);
        }

        [Fact]
        public void A_rule_widened_by_an_administrator_asks_again_for_the_approvals_that_did_not_watch_the_new_column()
        {
            (Guid lena, Guid fiona, _, Guid deal) = _org.CustomDealAwaitingReviews();
            Entity logistics = _org.Review(deal, BusinessFunction.Logistics);
            _org.Decide(lena, logistics, ReviewDecision.Approved);
            Entity finance = _org.Review(deal, BusinessFunction.Finance); // still pending
            var query = new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Logistics);
            Guid logisticsRule = _org.System.RetrieveMultiple(query).Entities.Single().Id;
            var financeQuery = new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet(false) };
            financeQuery.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Finance);
            Guid financeRule = _org.System.RetrieveMultiple(financeQuery).Entities.Single().Id;

            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", logisticsRule) { ["crmc_relevantcolumns"] = "crmc_requesteddelivery,products,crmc_paymentterms" });
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", financeRule) { ["crmc_relevantcolumns"] = "crmc_discountpercent,estimatedvalue,crmc_paymentterms" });
            _org.Engine.DrainAsync();

            // The approved logistics review is asked again; the pending finance review now watches the payment terms too.
            Entity again = _org.Review(deal, BusinessFunction.Logistics);
            Assert.NotEqual(logistics.Id, again.Id);
            Assert.Equal((int)ReviewDecision.Pending, Decision(again));
            Assert.Equal(finance.Id, _org.Review(deal, BusinessFunction.Finance).Id);
            Assert.Contains("crmc_paymentterms", Row(finance.Id).GetAttributeValue<string>("crmc_relevantcolumns"));

            // Decided on the wider basis, a change of the payment terms re-opens them.
            _org.Decide(lena, again, ReviewDecision.Approved);
            _org.Decide(fiona, finance, ReviewDecision.Approved);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["crmc_paymentterms"] = new OptionSetValue(100000002) });
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(deal, BusinessFunction.Logistics)));
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(deal, BusinessFunction.Finance)));
        }

        [Fact]
        public void An_approval_outgrown_without_a_save_of_the_deal_is_named_and_asked_again_on_the_next_save()
        {
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona);
            _org.FeasibilityRule("Discounted custom deals: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Retail: finance", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_industrycode"] = new OptionSetValue(27), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 48,
                ["crmc_relevantcolumns"] = "crmc_paymentterms", ["crmc_isactive"] = true,
            });
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(account);
            _org.MoveTo(deal, SalesStage.Develop);
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.System.Update(new Entity("account", account) { ["industrycode"] = new OptionSetValue(27) }); // now a retail customer

            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose));

            Assert.Equal(RefusalCodes.GateReviewMissing, Refusal.CodeOf(refusal));
            Assert.Contains("Finance approved the deal before another of their rules came to apply to it", refusal);
            // Back to Develop (always allowed), the save asks Finance again.
            _org.MoveTo(deal, SalesStage.Qualify);
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(deal, BusinessFunction.Finance)));
        }

        [Fact]
        public void Nobody_marks_a_review_superseded_by_hand()
        {
            (Guid lena, _, _, Guid deal) = _org.CustomDealAwaitingReviews();
            Entity logistics = _org.Review(deal, BusinessFunction.Logistics), finance = _org.Review(deal, BusinessFunction.Finance);
            _org.Decide(lena, logistics, ReviewDecision.Rejected, reason: "No truck before June");

            string refusal = CrmCollabOrg.Refusal(() => _org.As(lena).Update(new Entity("crmc_feasibilityreview", logistics.Id)
            {
                ["crmc_supersededby"] = new EntityReference("crmc_feasibilityreview", finance.Id),
            }));

            Assert.Equal(RefusalCodes.ReviewServerColumn, Refusal.CodeOf(refusal));
            Assert.Null(Row(logistics.Id).GetAttributeValue<EntityReference>("crmc_supersededby"));
        }
    }
}
