using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A workflow's "Request Feasibility Reviews" step on a deal whose pending review is no longer asked for (its rule
    /// was switched off before the re-evaluation ran, or a data fix lowered the deal's amount without running CrmCollab)
    /// withdraws that review with its reason, as a deal's own save would, and leaves the others as they are. The step
    /// runs as Microsoft documents a workflow activity's calls: as the workflow's user (here the rep, on demand), never
    /// SYSTEM.
    /// </summary>
    public class WorkflowReviewRequestScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public WorkflowReviewRequestScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private WorkflowRunResult RunStep() => new WorkflowActivityRunner().Run<RequestFeasibilityReviews>(
            new Dictionary<string, object> { ["Opportunity"] = new EntityReference("opportunity", _deal) },
            new WorkflowRunContext
            {
                UserId = _org.Rep, PrimaryEntity = new EntityReference("opportunity", _deal), ServiceFactory = _org.Engine.ServiceFactory,
                UtcNow = _org.Engine.Clock.UtcNow,
            });

        private Entity Finance() => _org.Row("crmc_feasibilityreview", _org.Review(_deal, BusinessFunction.Finance).Id,
            "crmc_decision", "crmc_withdrawalreason");

        private int Decision(BusinessFunction function) => _org.Review(_deal, function).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private void SwitchFinanceRule(bool active)
        {
            var rule = _org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityrule")
            {
                ColumnSet = new ColumnSet("crmc_name"),
                Criteria = { Conditions = { new ConditionExpression("crmc_name", ConditionOperator.Equal, "Custom above 50k: finance") } },
            }).Entities.Single();
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", rule.Id) { ["crmc_isactive"] = active }); // re-evaluation queued, not run
        }

        [Fact]
        public void A_workflow_withdraws_the_pending_review_of_a_rule_switched_off_before_its_re_evaluation_ran()
        {
            SwitchFinanceRule(active: false);

            var run = RunStep();

            Assert.Equal(0, run.Outputs["RequestedCount"]);
            Assert.Equal((int)ReviewDecision.Withdrawn, Finance().GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Contains("no longer", Finance().GetAttributeValue<string>("crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Pending, Decision(BusinessFunction.Logistics));
        }

        [Fact]
        public void A_workflow_withdraws_the_reviews_a_deal_no_longer_needs_after_an_admins_data_fix_lowered_its_amount()
        {
            // A data fix imported with custom plug-ins bypassed brings the deal below the rules' 50k: nothing re-evaluated it.
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(30000m), ["budgetamount"] = new Money(30000m) },
                ["BypassCustomPluginExecution"] = true,
            });

            var run = RunStep();

            Assert.Equal(0, run.Outputs["RequestedCount"]);
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(BusinessFunction.Logistics));
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(BusinessFunction.Finance));
            _org.MoveTo(_deal, SalesStage.Propose);
        }
    
        [Fact]
        public void A_workflow_requests_the_review_of_a_rule_switched_back_on_and_says_which()
        {
            SwitchFinanceRule(active: false);
            _org.Engine.DrainAsync();
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(BusinessFunction.Finance));
            SwitchFinanceRule(active: true);

            var run = RunStep();

            Assert.Equal(1, run.Outputs["RequestedCount"]);
            Assert.Equal("Finance", run.Outputs["Functions"]);
            Assert.Equal((int)ReviewDecision.Pending, Decision(BusinessFunction.Finance));
            Assert.Equal(_fiona, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(0, RunStep().Outputs["RequestedCount"]); // run again: nothing more to request
        }

        [Fact]
        public void A_workflow_on_a_won_deal_requests_nothing_and_changes_nothing()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            SwitchFinanceRule(active: false);
            string before = _org.Tables("crmc_feasibilityreview", "opportunity");

            var run = RunStep();

            Assert.Equal(0, run.Outputs["RequestedCount"]);
            Assert.Equal("", run.Outputs["Functions"]);
            Assert.Equal(before, _org.Tables("crmc_feasibilityreview", "opportunity"));
        }
    }
}
