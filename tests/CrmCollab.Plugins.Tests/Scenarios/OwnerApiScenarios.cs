using System;
using System.Collections.Generic;
using System.ServiceModel;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A flow that plans its own follow-up asks who takes an account's sales administration: the Resolve Dedicated Owner
    /// action bound to the account ("Perform a bound action") answers what the workflow step of that name answers, with
    /// the caller's rights.
    /// </summary>
    public class OwnerApiScenarios
    {
        private static readonly string[] Outputs = { OwnerApi.OwnerUser, OwnerApi.OwnerTeam, OwnerApi.OwnerQueue, OwnerApi.RoutingPath };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _sally, _contoso, _fabrikam;

        public OwnerApiScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_contoso, BusinessFunction.Adv, user: _alice);
            _org.Rule("Every SAV request", BusinessFunction.Sav, _sally);
        }

        private static OrganizationRequest Ask(Guid account, object function) =>
            new OrganizationRequest(OwnerApi.ApiName) { ["Target"] = new EntityReference("account", account), [OwnerApi.Function] = function };

        private ParameterCollection Action(Guid user, Guid account, BusinessFunction function) =>
            _org.As(user).Execute(Ask(account, new OptionSetValue((int)function))).Results;

        private IReadOnlyDictionary<string, object> WorkflowStep(Guid user, Guid account, BusinessFunction function) =>
            new WorkflowActivityRunner().Run<ResolveDedicatedOwner>(new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", account), ["Function"] = new OptionSetValue((int)function),
            }, new WorkflowRunContext
            {
                UserId = user, PrimaryEntity = new EntityReference("account", account), ServiceFactory = _org.Engine.ServiceFactory,
                UtcNow = _org.Engine.Clock.UtcNow,
            }).Outputs;

        private void AssertSameAnswer(ParameterCollection action, IReadOnlyDictionary<string, object> step)
        {
            foreach (string output in Outputs)
            {
                object mine = action.Contains(output) ? action[output] : null, theirs = step[output];
                Assert.Equal((theirs as EntityReference)?.Id ?? theirs, (mine as EntityReference)?.Id ?? mine);
            }
        }

        [Fact]
        public void The_salespersons_flow_finds_alice_as_contosos_sales_administration_as_the_workflow_step_does()
        {
            ParameterCollection answer = Action(_org.Rep, _contoso, BusinessFunction.Adv);

            Assert.Equal(_alice, ((EntityReference)answer[OwnerApi.OwnerUser]).Id);
            Assert.Contains("ADV", (string)answer[OwnerApi.RoutingPath]);
            AssertSameAnswer(answer, WorkflowStep(_org.Rep, _contoso, BusinessFunction.Adv));
        }

        [Fact]
        public void An_administrators_flow_gets_the_routing_rule_and_is_told_when_nobody_answers()
        {
            AssertSameAnswer(Action(_org.Admin, _fabrikam, BusinessFunction.Sav), WorkflowStep(_org.Admin, _fabrikam, BusinessFunction.Sav));
            Assert.Equal(_sally, ((EntityReference)Action(_org.Admin, _fabrikam, BusinessFunction.Sav)[OwnerApi.OwnerUser]).Id);

            ParameterCollection nobody = Action(_org.Admin, _fabrikam, BusinessFunction.Logistics);
            Assert.Null(nobody[OwnerApi.OwnerUser]);
            Assert.False(string.IsNullOrEmpty((string)nobody[OwnerApi.RoutingPath]));
            AssertSameAnswer(nobody, WorkflowStep(_org.Admin, _fabrikam, BusinessFunction.Logistics));
        }

        [Fact]
        public void A_salesperson_asking_about_an_account_they_may_not_read_is_told_which_roles_may()
        {
            Guid plant = _org.System.Create(new Entity("account") { ["name"] = "Plant 2", ["ownerid"] = new EntityReference("systemuser", _alice) });
            _org.DedicatedOwner(plant, BusinessFunction.Adv, user: _alice);

            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Action(_org.Rep, plant, BusinessFunction.Adv));

            Assert.Equal(RefusalCodes.CallerRights, Refusal.CodeOf(ex.Detail.Message));
            Assert.StartsWith("Resolve Dedicated Owner reads with your rights", ex.Detail.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(ex.Detail.Message);
        }

        [Fact]
        public void A_value_that_is_no_function_is_refused_with_a_sentence()
        {
            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.As(_org.Admin).Execute(Ask(_contoso, new OptionSetValue(4242))));

            Assert.Equal(RefusalCodes.FunctionUnknown, Refusal.CodeOf(ex.Detail.Message));
            Assert.Contains("4242", ex.Detail.Message);
        }

        [Fact]
        public void A_deleted_account_is_said_to_be_gone()
        {
            Guid gone = _org.Account("Northwind");
            _org.System.Delete("account", gone);

            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Action(_org.Admin, gone, BusinessFunction.Adv));

            Assert.Equal(RefusalCodes.RecordNotFound, Refusal.CodeOf(ex.Detail.Message));
        }
    }
}
