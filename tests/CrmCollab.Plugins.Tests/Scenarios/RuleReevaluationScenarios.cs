using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// When an administrator narrows, deactivates or deletes a rule, the open deals it no longer concerns stop waiting on
    /// its function: the re-evaluation that follows withdraws their pending reviews, and only theirs.
    /// </summary>
    public class RuleReevaluationScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private Guid RuleNamed(string name) => _org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityrule")
        {
            ColumnSet = new ColumnSet(false),
            Criteria = { Conditions = { new ConditionExpression("crmc_name", ConditionOperator.Equal, name) } },
        }).Entities.Single().Id;

        /// <summary>The administrator saves the rule; the background re-evaluation it starts runs.</summary>
        private void ChangeRule(string name, string column, object value)
        {
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", RuleNamed(name)) { [column] = value });
            _org.Engine.DrainAsync();
        }

        private ReviewDecision Decision(Guid deal, BusinessFunction function) =>
            (ReviewDecision)_org.Review(deal, function).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private bool Asked(Guid deal, BusinessFunction function) =>
            _org.Reviews(deal).Entities.Any(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)function);

        [Fact]
        public void Raising_the_logistics_threshold_above_the_deal_withdraws_its_pending_logistics_review_and_keeps_finance_waiting()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews(); // 80k custom deal: logistics and finance pending

            ChangeRule("Custom above 50k: logistics", "crmc_minamount", new Money(100000m));

            Assert.Equal(ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Logistics));
            Assert.Equal(ReviewDecision.Pending, Decision(deal, BusinessFunction.Finance));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Deactivating_the_finance_rule_withdraws_the_pending_finance_review_at_once()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews();

            ChangeRule("Custom above 50k: finance", "crmc_isactive", false);

            Assert.Equal(ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Finance));
            Assert.Equal(ReviewDecision.Pending, Decision(deal, BusinessFunction.Logistics));
            Assert.DoesNotContain("Finance", _org.DealState(deal).GetAttributeValue<string>("crmc_feasibilitysummary"));
        }
        [Fact]
        public void Deleting_the_finance_rule_withdraws_the_pending_finance_review_at_once_not_at_the_deals_next_move()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews();
            Guid review = _org.Review(deal, BusinessFunction.Finance).Id;

            _org.As(_org.Admin).Delete("crmc_feasibilityrule", RuleNamed("Custom above 50k: finance"));
            _org.Engine.DrainAsync();

            Entity finance = _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_decision", "crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Withdrawn, finance.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.StartsWith("Withdrawn on ", finance.GetAttributeValue<string>("crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Pending,
                _org.Review(deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.DoesNotContain("Finance", _org.DealState(deal).GetAttributeValue<string>("crmc_feasibilitysummary"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_moved_back_to_qualify_loses_its_pending_finance_review_when_the_finance_rule_is_deactivated()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _org.MoveTo(deal, SalesStage.Qualify); // the rep steps back: the pending reviews stay asked

            ChangeRule("Custom above 50k: finance", "crmc_isactive", false);

            Assert.Equal(ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Finance));
            Assert.Equal(ReviewDecision.Pending, Decision(deal, BusinessFunction.Logistics));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_moved_back_to_qualify_loses_its_pending_logistics_review_when_the_rule_goes_to_operations_and_is_asked_nothing_new()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews();
            _org.MoveTo(deal, SalesStage.Qualify);

            ChangeRule("Custom above 50k: logistics", "crmc_function", new OptionSetValue((int)BusinessFunction.Operations));

            Assert.Equal(ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Logistics));
            Assert.False(Asked(deal, BusinessFunction.Operations));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_moved_to_a_contact_loses_its_pending_finance_review_when_the_rule_goes_to_operations_though_operations_cannot_be_routed()
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews();
            Guid contact = _org.System.Create(new Entity("contact") { ["lastname"] = "Walker" });
            _org.System.Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", contact) });

            ChangeRule("Custom above 50k: finance", "crmc_function", new OptionSetValue((int)BusinessFunction.Operations));

            // Operations cannot be asked without an account (the gate holds the deal), but Finance no longer waits in a queue.
            Assert.Equal(ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Finance));
            Assert.False(Asked(deal, BusinessFunction.Operations));
            Assert.Equal(ReviewDecision.Pending, Decision(deal, BusinessFunction.Logistics));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
