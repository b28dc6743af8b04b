using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A workflow step works with the rights of the workflow's user, as Microsoft documents for a custom workflow
    /// activity: it answers the same for every role that may read what it reads, and a user who may not gets a coded
    /// sentence saying what the workflow's user must be allowed to do (never SYSTEM's answer, never a partial one).
    /// </summary>
    public class WorkflowStepRightsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _sally, _contoso, _fabrikam;

        public WorkflowStepRightsScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_contoso, BusinessFunction.Adv, user: _alice);
            _org.Rule("Every SAV request", BusinessFunction.Sav, _sally);
        }

        private WorkflowRunResult Run<T>(Guid workflowUser, IDictionary<string, object> inputs, EntityReference primary)
            where T : System.Activities.Activity, new() =>
            new WorkflowActivityRunner().Run<T>(inputs, new WorkflowRunContext
            {
                UserId = workflowUser, PrimaryEntity = primary, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
            });

        private WorkflowRunResult Resolve(Guid workflowUser, Guid account, BusinessFunction function) =>
            Run<ResolveDedicatedOwner>(workflowUser, new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", account), ["Function"] = new OptionSetValue((int)function),
            }, new EntityReference("account", account));

        [Fact]
        public void The_salespersons_workflow_finds_the_dedicated_owner_of_their_account()
        {
            var result = Resolve(_org.Rep, _contoso, BusinessFunction.Adv);

            Assert.Equal(_alice, ((EntityReference)result.Outputs["OwnerUser"]).Id);
            Assert.Null(result.Outputs["OwnerTeam"]);
            Assert.Contains("ADV", (string)result.Outputs["RoutingPath"]);
        }

        [Fact]
        public void A_routing_rule_answers_an_administrators_workflow()
        {
            // No dedicated SAV owner: the answer is in the routing rules, which CrmCollab Administrators read.
            var admin = Resolve(_org.Admin, _fabrikam, BusinessFunction.Sav);

            Assert.Equal(_sally, ((EntityReference)admin.Outputs["OwnerUser"]).Id);
        }

        [Fact]
        public void An_administrators_workflow_is_told_when_nobody_answers_for_a_function()
        {
            // No dedicated logistics owner and no logistics rule: the step reads the Unrouted queue setting, which the
            // CrmCollab Administrator role lets its holder read.
            var admin = Resolve(_org.Admin, _fabrikam, BusinessFunction.Logistics);

            Assert.Null(admin.Outputs["OwnerUser"]);
            Assert.Null(admin.Outputs["OwnerTeam"]);
            Assert.False(string.IsNullOrEmpty((string)admin.Outputs["RoutingPath"]));
        }

        [Fact]
        public void A_salespersons_workflow_asking_about_an_account_they_may_not_read_is_told_what_its_user_needs()
        {
            // An account of the operations business unit: the salesperson reads their own unit's accounts only.
            Guid plant = _org.System.Create(new Entity("account") { ["name"] = "Plant 2", ["ownerid"] = new EntityReference("systemuser", _alice) });
            _org.DedicatedOwner(plant, BusinessFunction.Adv, user: _alice);

            var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Resolve(_org.Rep, plant, BusinessFunction.Adv));

            Assert.Equal(RefusalCodes.WorkflowUserRights, Refusal.CodeOf(refusal.Message));
            Assert.StartsWith("The Resolve Dedicated Owner step runs with the rights of the workflow's user", refusal.Message);
            Assert.Contains("read the account and its parent accounts", refusal.Message);
            Assert.Contains("CrmCollab Administrator", refusal.Message);
            CrmCollabOrg.ReadsAsASentence(refusal.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal.Message);
            Assert.Equal(_alice, ((EntityReference)Resolve(_org.Admin, plant, BusinessFunction.Adv).Outputs["OwnerUser"]).Id);
        }

        [Fact]
        public void Every_role_that_runs_the_status_step_gets_the_same_answer()
        {
            var (lena, fiona, _, deal) = _org.CustomDealAwaitingReviews();
            var reference = new EntityReference("opportunity", deal);
            var inputs = new Dictionary<string, object> { ["Opportunity"] = reference };
            _org.Decide(lena, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);

            foreach (Guid user in new[] { _org.Rep, _alice, lena, fiona, _org.Admin })
            {
                var status = Run<GetFeasibilityStatus>(user, inputs, reference);
                Assert.Equal(false, status.Outputs["IsCleared"]);
                Assert.Contains("Finance pending", (string)status.Outputs["Blocking"]);
                Assert.DoesNotContain("Logistics", (string)status.Outputs["Blocking"]);
            }
        }

        [Fact]
        public void The_handoff_check_of_a_won_deal_passes_for_its_salesperson_and_an_administrator()
        {
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid deal = _org.Deal(_contoso);
            _org.Win(deal);
            var reference = new EntityReference("opportunity", deal);

            foreach (Guid user in new[] { _org.Rep, _org.Admin })
            {
                var check = Run<CreatePostSaleHandoff>(user, new Dictionary<string, object> { ["Opportunity"] = reference }, reference);
                Assert.Equal(0, check.Outputs["TasksCreated"]);
            }
            Assert.Single(_org.HandoffTasks(deal).Entities);
        }
    }
}
