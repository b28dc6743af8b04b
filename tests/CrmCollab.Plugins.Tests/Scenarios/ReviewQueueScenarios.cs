using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Reviews routed to a desk's queue wait there while they wait for a decision, and only then: whatever ends the wait
    /// (the desk's decision, a change of the deal, a lost deal, a rule that no longer applies) takes the review out of
    /// the queue, so the desk's reviewers never see work that is no longer theirs. Ada keeps both desks' queues.
    /// </summary>
    public class ReviewQueueScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _financeDesk, _logisticsDesk, _deal;

        public ReviewQueueScenarios()
        {
            _financeDesk = Desk("Finance desk", BusinessFunction.Finance);
            _logisticsDesk = Desk("Logistics desk", BusinessFunction.Logistics);
            _org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery,products");
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(_org.Account("Adatum"));
            _org.MoveTo(_deal, SalesStage.Develop);
        }

        private Guid Desk(string name, BusinessFunction function)
        {
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", _org.Admin) });
            _org.As(_org.Admin).Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_queueid"] = new EntityReference("queue", queue), ["crmc_priority"] = 1, ["crmc_isactive"] = true,
            });
            return queue;
        }

        /// <summary>The reviews waiting in a desk's queue, as its reviewers see them.</summary>
        private List<Guid> InQueue(Guid queue)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            return _org.System.RetrieveMultiple(query).Entities.Select(i => i.GetAttributeValue<EntityReference>("objectid").Id).ToList();
        }

        private Guid Finance => _org.Review(_deal, BusinessFunction.Finance).Id;
        private Guid Logistics => _org.Review(_deal, BusinessFunction.Logistics).Id;

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Theory]
        [InlineData(ReviewDecision.Approved)]
        [InlineData(ReviewDecision.ApprovedWithConditions)]
        [InlineData(ReviewDecision.Rejected)]
        public void A_review_the_desk_decides_leaves_its_queue_and_the_other_desks_work_stays(ReviewDecision decision)
        {
            Guid finance = Finance, logistics = Logistics;
            Assert.Equal(new[] { finance }, InQueue(_financeDesk));

            _org.Decide(_org.Admin, _org.Review(_deal, BusinessFunction.Finance), decision,
                conditions: "Payment 30 days after delivery", reason: "Margin too thin at this discount");

            Assert.Empty(InQueue(_financeDesk));
            Assert.Equal(new[] { logistics }, InQueue(_logisticsDesk));
            Assert.Equal((int)decision, Decision(_org.Row("crmc_feasibilityreview", finance, "crmc_decision")));
        }

        [Theory]
        [InlineData("directly")]
        [InlineData("in ExecuteMultiple")]
        [InlineData("in ExecuteTransaction")]
        public void Losing_the_deal_takes_its_pending_reviews_out_of_every_queue(string channel)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            OrganizationRequest lose = CrmCollabOrg.LoseRequest(_deal);
            if (channel == "in ExecuteMultiple") CrmCollabOrg.InExecuteMultiple(rep, lose);
            else if (channel == "in ExecuteTransaction") CrmCollabOrg.InExecuteTransaction(rep, lose);
            else rep.Execute(lose);

            Assert.Empty(InQueue(_financeDesk));
            Assert.Empty(InQueue(_logisticsDesk));
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(_org.Review(_deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void A_lose_that_fails_later_in_its_transaction_leaves_the_reviews_in_their_queues()
        {
            Guid finance = Finance, logistics = Logistics;
            var negativeAmount = new UpdateRequest { Target = new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(-1m) } };

            _org.Refused(RefusalCodes.NegativeAmount,
                () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep), CrmCollabOrg.LoseRequest(_deal), negativeAmount), "queueitem");

            Assert.Equal(new[] { finance }, InQueue(_financeDesk));
            Assert.Equal(new[] { logistics }, InQueue(_logisticsDesk));
        }

        [Fact]
        public void Reviews_no_rule_needs_any_more_are_withdrawn_and_leave_their_queues()
        {
            // The customer cut the order below the rules' 50k: neither function needs to review it any more.
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(30000m), ["budgetamount"] = new Money(30000m) });

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            Assert.Empty(InQueue(_financeDesk));
            Assert.Empty(InQueue(_logisticsDesk));
        }

        [Fact]
        public void A_change_that_reopens_a_decided_review_routes_the_new_review_to_the_desk_and_only_the_new_one_waits()
        {
            Guid approved = Finance;
            _org.Decide(_org.Admin, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });

            Guid asked = Finance;
            Assert.NotEqual(approved, asked);
            Assert.Equal((int)ReviewDecision.Invalidated, Decision(_org.Row("crmc_feasibilityreview", approved, "crmc_decision")));
            Assert.Equal(new[] { asked }, InQueue(_financeDesk));
        }

        [Fact]
        public void A_decided_review_still_queued_from_before_leaves_the_queue_when_a_change_invalidates_it()
        {
            Guid approved = Finance;
            _org.Decide(_org.Admin, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            StaleItem(approved, _financeDesk); // as items of reviews decided before CrmCollab took them out were left

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });

            Assert.DoesNotContain(approved, InQueue(_financeDesk));
            Assert.Single(InQueue(_financeDesk));
        }

        [Fact]
        public void A_decided_review_is_not_set_back_to_pending_outside_its_queue_and_the_desk_decides_again_instead()
        {
            Guid finance = Finance;
            _org.Decide(_org.Admin, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            var backToPending = new Entity("crmc_feasibilityreview", finance) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Pending) };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDecisionFinal, () => _org.As(_org.Admin).Update(backToPending), "crmc_feasibilityreview", "queueitem");
            _org.Refused(RefusalCodes.ReviewDecisionFinal, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new UpdateRequest { Target = backToPending }),
                "crmc_feasibilityreview", "queueitem");
            _org.Refused(RefusalCodes.ReviewDecisionFinal, () => CrmCollabOrg.InUpsert(_org.As(_org.Admin), backToPending), "crmc_feasibilityreview", "queueitem");

            Assert.Contains("reject it with the reason", refusal);
            Assert.Empty(InQueue(_financeDesk));
            _org.Decide(_org.Admin, _org.Row("crmc_feasibilityreview", finance, "crmc_decision"), ReviewDecision.Rejected, reason: "Checking the customer's credit again");
            Assert.Equal((int)ReviewDecision.Rejected, Decision(_org.Row("crmc_feasibilityreview", finance, "crmc_decision")));
            Assert.Empty(InQueue(_financeDesk));
        }

        [Fact]
        public void A_pending_review_deleted_goes_with_its_queue_item()
        {
            Guid logistics = Logistics;

            _org.As(_org.Admin).Delete("crmc_feasibilityreview", logistics);

            Assert.Empty(InQueue(_logisticsDesk));
        }

        [Fact]
        public void The_readme_query_finds_exactly_the_queue_items_of_reviews_ended_before_the_upgrade_and_removing_them_keeps_the_reviews()
        {
            Guid logistics = Logistics;
            Guid approved = Finance;
            _org.Decide(_org.Admin, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Guid stale = StaleItem(approved, _financeDesk);
            Guid otherDeal = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.MoveTo(otherDeal, SalesStage.Develop);
            Guid live = _org.Review(otherDeal, BusinessFunction.Finance).Id, liveLogistics = _org.Review(otherDeal, BusinessFunction.Logistics).Id;

            var found = _org.System.RetrieveMultiple(new FetchExpression(ReadmeQuery())).Entities;

            Assert.Equal(new[] { stale }, found.Select(i => i.Id));
            foreach (Entity item in found)
                _org.System.Execute(new OrganizationRequest("RemoveFromQueue") { ["QueueItemId"] = item.Id });
            Assert.Equal(new[] { live }, InQueue(_financeDesk));
            Assert.Equal(new[] { logistics, liveLogistics }.OrderBy(g => g), InQueue(_logisticsDesk).OrderBy(g => g));
            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Row("crmc_feasibilityreview", approved, "crmc_decision")));
        }

        /// <summary>The FetchXML the README's "Review queues" paragraph gives administrators.</summary>
        private static string ReadmeQuery()
        {
            string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "README.md"));
            int section = readme.IndexOf("**Review queues.**", StringComparison.Ordinal);
            Assert.True(section >= 0, "the README has no Review queues paragraph");
            int start = readme.IndexOf("```xml", section, StringComparison.Ordinal) + "```xml".Length;
            return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        }

        /// <summary>A queue item of a review, as one made before reviews left their queues on a decision.</summary>
        private Guid StaleItem(Guid review, Guid queue) => _org.System.Create(new Entity("queueitem")
        {
            ["queueid"] = new EntityReference("queue", queue),
            ["objectid"] = new EntityReference("crmc_feasibilityreview", review),
            ["title"] = "Finance review – Custom line retrofit",
        });
    }
}
