using System;
using System.Globalization;
using CrmCollab.Emulator.Metadata;
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
    /// A lost deal withdraws its pending feasibility reviews at once, inside the Lose, so reviewers stop spending time
    /// on a dead deal; decided reviews stay as they are. Lena (logistics) has not decided yet, Fiona (finance) approved.
    /// </summary>
    public class LostDealScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity", "opportunityclose" };
        private readonly CrmCollabOrg _org;
        private readonly Guid _lena, _fiona, _deal;

        public LostDealScenarios() : this(new CrmCollabOrg()) { }

        private LostDealScenarios(CrmCollabOrg org)
        {
            _org = org;
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        private Guid Logistics => _org.Review(_deal, BusinessFunction.Logistics).Id;
        private Guid Finance => _org.Review(_deal, BusinessFunction.Finance).Id;

        private int State => _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value;

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        /// <summary>The pending reviews in a reviewer's work: what they would still spend time on.</summary>
        private int PendingFor(Guid reviewer)
        {
            var query = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("crmc_decision") };
            query.Criteria.AddCondition("ownerid", ConditionOperator.Equal, reviewer);
            query.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Pending);
            return _org.System.RetrieveMultiple(query).Entities.Count;
        }

        private void LoseThrough(string channel)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            OrganizationRequest lose = CrmCollabOrg.LoseRequest(_deal);
            if (channel == "in ExecuteMultiple") CrmCollabOrg.InExecuteMultiple(rep, lose);
            else if (channel == "in ExecuteTransaction") CrmCollabOrg.InExecuteTransaction(rep, lose);
            else rep.Execute(lose);
        }

        [Theory]
        [InlineData("directly")]
        [InlineData("in ExecuteMultiple")]
        [InlineData("in ExecuteTransaction")]
        public void Losing_the_deal_withdraws_its_pending_review_with_the_reason_and_leaves_the_approval_as_it_was(string channel)
        {
            Guid logistics = Logistics, finance = Finance;
            string approval = TableSnapshot.RowText(_org.System, "crmc_feasibilityreview", finance);
            Assert.Equal(1, PendingFor(_lena));

            LoseThrough(channel);

            Entity withdrawn = _org.Row("crmc_feasibilityreview", logistics, "crmc_decision", "crmc_withdrawalreason", "crmc_decidedon", "crmc_decidedby");
            string lostOn = _org.Engine.Clock.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string reason = withdrawn.GetAttributeValue<string>("crmc_withdrawalreason");
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(withdrawn));
            Assert.Equal($"Withdrawn: the deal was lost on {lostOn} (UTC), so this review no longer needs a decision. " +
                "If the deal is reopened and still needs it, CrmCollab asks for a new review.", reason);
            CrmCollabOrg.ReadsAsASentence(reason);
            Assert.False(withdrawn.Contains("crmc_decidedby"), "nobody decided the withdrawn review");
            Assert.False(withdrawn.Contains("crmc_decidedon"));
            Assert.Equal(0, PendingFor(_lena));
            Assert.Equal(approval, TableSnapshot.RowText(_org.System, "crmc_feasibilityreview", finance));
            Assert.Equal(2, State);
        }

        [Fact]
        public void A_lost_deal_keeps_the_feasibility_status_it_was_lost_with_not_cleared_by_the_withdrawal()
        {
            Entity before = _org.DealState(_deal);
            Assert.Equal((int)FeasibilityStatus.Pending, before.GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);

            _org.Lose(_deal);

            Entity lost = _org.DealState(_deal);
            Assert.Equal(2, lost.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal((int)FeasibilityStatus.Pending, lost.GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            Assert.Equal(before.GetAttributeValue<string>("crmc_feasibilitysummary"), lost.GetAttributeValue<string>("crmc_feasibilitysummary"));
        }

        [Fact]
        public void A_lose_refused_by_another_rule_withdraws_nothing()
        {
            var refused = new LostDealScenarios(CrmCollabOrg.WithTestStep<RefuseEveryLose>("Lose", "opportunity", StepStage.PostOperation));
            var before = TableSnapshot.Take(refused._org.System, Touched);
            refused._org.Engine.ClearTraces();

            string message = CrmCollabOrg.Refusal(() => refused._org.Lose(refused._deal));

            Assert.Equal(RefuseEveryLose.Message, message);
            // The withdrawal did run inside the Lose, and went with its rollback.
            Assert.Contains(refused._org.Engine.Traces, t => t.Text.Contains("1 pending review(s) withdrawn"));
            before.AssertUnchanged(refused._org.System);
            Assert.Equal((int)ReviewDecision.Pending, Decision(refused._org.Review(refused._deal, BusinessFunction.Logistics)));
            Assert.Equal(0, refused.State);
        }

        [Fact]
        public void A_lose_inside_a_transaction_that_fails_later_withdraws_nothing()
        {
            var negativeAmount = new UpdateRequest { Target = new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(-1m) } };

            _org.Refused(RefusalCodes.NegativeAmount,
                () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep), CrmCollabOrg.LoseRequest(_deal), negativeAmount), Touched);

            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Logistics)));
            Assert.Equal(1, PendingFor(_lena));
            Assert.Equal(0, State);
        }

        [Fact]
        public void Winning_the_deal_withdraws_nothing()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            // An opinion asked of engineering by hand, which no rule requires: the win neither needs nor withdraws it.
            Guid opinion = _org.System.Create(new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Engineering opinion",
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Pending),
                ["ownerid"] = new EntityReference("systemuser", _org.Admin),
            });
            var reviews = TableSnapshot.Take(_org.System, "crmc_feasibilityreview");

            _org.Win(_deal);

            Assert.Equal(1, State);
            reviews.AssertUnchanged(_org.System);
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Row("crmc_feasibilityreview", opinion, "crmc_decision")));
        }

        [Fact]
        public void A_step_running_inside_a_lose_cannot_withdraw_the_reviews_of_another_deal()
        {
            var org = new LostDealScenarios(CrmCollabOrg.WithTestStep<WithdrawOtherDealsReviews>("Create", "opportunityclose", StepStage.PostOperation));
            Guid account = org._org.Row("opportunity", org._deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid other = org._org.CustomDeal(account);
            org._org.MoveTo(other, SalesStage.Develop);
            var before = TableSnapshot.Take(org._org.System, Touched);

            org._org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => org._org.Lose(org._deal));

            before.AssertUnchanged(org._org.System);
            Assert.Equal((int)ReviewDecision.Pending, Decision(org._org.Review(other, BusinessFunction.Logistics)));
            Assert.Equal(0, org.State);
        }

        [Fact]
        public void A_deal_with_nothing_pending_loses_without_touching_its_reviews()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Rejected, reason: "No carrier for that region");
            var reviews = TableSnapshot.Take(_org.System, "crmc_feasibilityreview");

            _org.Lose(_deal);

            Assert.Equal(2, State);
            reviews.AssertUnchanged(_org.System); // the rejection and the approval are the deal's record
        }
    }

    /// <summary>
    /// Test-only step after the opportunityclose a Lose creates (another team's customisation), acting as the person who
    /// loses the deal: it tries to withdraw the pending reviews of the account's other deals too.
    /// </summary>
    public sealed class WithdrawOtherDealsReviews : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            if (context.ParentContext?.MessageName != "Lose") return;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))).CreateOrganizationService(context.UserId);
            Guid lost = ((Entity)context.InputParameters["Target"]).GetAttributeValue<EntityReference>("opportunityid").Id;
            var pending = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("crmc_opportunityid") };
            pending.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Pending);
            pending.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.NotEqual, lost);
            foreach (Entity review in service.RetrieveMultiple(pending).Entities)
                service.Update(new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Withdrawn) });
        }
    }

    /// <summary>Test-only step on Lose: another rule refusing the loss after the Lose's own writes.</summary>
    public sealed class RefuseEveryLose : IPlugin
    {
        public const string Message = "Test refusal: this deal cannot be lost today.";

        public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Message);
    }
}
