using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A CrmCollab workflow step that cannot do its work tells the workflow's owner why, with a code: a refusal in its
    /// own words, a missing input by name, anything else as one sentence, the detail (type, stack) only in the trace.
    /// </summary>
    public class WorkflowStepRefusalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly WorkflowTracingService _trace = new WorkflowTracingService();
        private readonly Guid _alice, _account;

        public WorkflowStepRefusalScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice);
        }

        private string Fails<T>(string code, IDictionary<string, object> inputs, Guid asUser, params string[] tables)
            where T : System.Activities.Activity, new()
        {
            string before = _org.Tables(tables);
            var failure = Assert.Throws<InvalidPluginExecutionException>(() => new WorkflowActivityRunner().Run<T>(inputs, new WorkflowRunContext
            {
                UserId = asUser, PrimaryEntity = new EntityReference("account", _account), ServiceFactory = _org.Engine.ServiceFactory,
                UtcNow = _org.Engine.Clock.UtcNow, Tracing = _trace,
            }));
            Assert.Equal(code, Refusal.CodeOf(failure.Message));
            CrmCollabOrg.ReadsAsASentence(failure.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(failure.Message);
            Assert.Equal(before, _org.Tables(tables));
            return failure.Message;
        }

        [Fact]
        public void A_step_pointed_at_a_deleted_account_says_what_to_check_and_keeps_the_detail_for_the_administrator()
        {
            Guid gone = _org.Account("Closed subsidiary");
            _org.System.Delete("account", gone);

            string message = Fails<ResolveDedicatedOwner>(RefusalCodes.RecordNotFound, new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", gone), ["Function"] = new OptionSetValue((int)BusinessFunction.Adv),
            }, _org.Rep, "crmc_dedicatedowner");

            Assert.Equal(ActivityBase.RecordMissing("Resolve Dedicated Owner").Message, message);
            Assert.Contains(_trace.Lines, line => line.StartsWith("ResolveDedicatedOwner failed: ") && line.Contains(gone.ToString()));
        }

        [Fact]
        public void Every_deal_step_pointed_at_a_deleted_deal_says_so_in_the_workflows_words_with_one_code()
        {
            Guid gone = _org.Deal(_account, "Cancelled tender");
            _org.System.Delete("opportunity", gone);
            var inputs = new Dictionary<string, object> { ["Opportunity"] = new EntityReference("opportunity", gone) };

            // The status step asks the Get Feasibility Status action, whose answer is worded for flows: the step words it for the workflow.
            string[] messages =
            {
                Fails<GetFeasibilityStatus>(RefusalCodes.RecordNotFound, inputs, _org.Rep, "opportunity", "crmc_feasibilityreview"),
                Fails<RequestFeasibilityReviews>(RefusalCodes.RecordNotFound, inputs, _org.Rep, "opportunity", "crmc_feasibilityreview"),
                Fails<CreatePostSaleHandoff>(RefusalCodes.RecordNotFound, inputs, _org.Rep, "task"),
            };

            Assert.Equal(ActivityBase.RecordMissing("Get Feasibility Status").Message, messages[0]);
            Assert.Equal(ActivityBase.RecordMissing("Request Feasibility Reviews").Message, messages[1]);
            Assert.Equal(ActivityBase.RecordMissing("Create Post-Sale Handoff").Message, messages[2]);
            Assert.All(messages, m => Assert.DoesNotContain("flow or client", m));
        }

        [Fact]
        public void A_step_given_no_record_names_the_property_to_set()
        {
            string handoff = Fails<CreatePostSaleHandoff>(RefusalCodes.WorkflowInputMissing,
                new Dictionary<string, object> { ["Opportunity"] = null }, _org.Rep, "task", "annotation");
            string function = Fails<ResolveDedicatedOwner>(RefusalCodes.WorkflowInputMissing, new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", _account), ["Function"] = new OptionSetValue(42),
            }, _org.Rep);

            Assert.Equal("The Create Post-Sale Handoff step needs an opportunity: set its Opportunity property (and check that the record " +
                "it reads it from has one), then run the workflow again. [CRMC-WORKFLOW-INPUT-MISSING]", handoff);
            Assert.StartsWith("The Resolve Dedicated Owner step needs one of CrmCollab's functions (ADV, Logistics, SAV, …): set its Function property", function);
        }

        [Fact]
        public void A_signal_the_step_raises_incomplete_is_refused_in_the_signals_own_words()
        {
            string message = Fails<RaiseFieldSignal>(RefusalCodes.SignalIncomplete, new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", _account), ["Kind"] = new OptionSetValue((int)SignalKind.ChurnRisk), ["Description"] = " ",
            }, _alice, "crmc_fieldsignal", "lead", "account");

            Assert.Equal("Describe what you saw or heard, so the salesperson can act on it. [CRMC-SIGNAL-INCOMPLETE]", message);
        }

        [Fact]
        public void What_the_workflow_owner_reads_keeps_a_refusal_and_hides_any_other_failure()
        {
            var refusal = new InvalidPluginExecutionException("Choose the account. [CRMC-SIGNAL-INCOMPLETE]");
            var nested = new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { Message = "Name the competitor. [CRMC-SIGNAL-INCOMPLETE]" });
            var platform = new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { Message = $"account With Id = {Guid.NewGuid()} Does Not Exist" });

            Assert.Equal(refusal.Message, ActivityBase.MessageFor(new AggregateException(refusal)));
            Assert.Equal("Name the competitor. [CRMC-SIGNAL-INCOMPLETE]", ActivityBase.MessageFor(nested));
            Assert.Equal(RefusalCodes.WorkflowStepFailed, Refusal.CodeOf(ActivityBase.MessageFor(platform)));
            Assert.Equal(RefusalCodes.WorkflowStepFailed, Refusal.CodeOf(ActivityBase.MessageFor(new NullReferenceException())));
            Assert.DoesNotContain("Object reference", ActivityBase.MessageFor(new NullReferenceException()));
            Assert.Single(new[] { ActivityBase.MessageFor(platform), ActivityBase.MessageFor(new InvalidOperationException("x")) }.Distinct());
        }

        [Fact]
        public void A_step_started_outside_a_workflow_says_to_run_it_as_a_workflow_step()
        {
            var inputs = new Dictionary<string, object> { ["Opportunity"] = new EntityReference("opportunity", Guid.NewGuid()) };
            string before = _org.Tables("crmc_feasibilityreview", "opportunity");

            // Hosted without the workflow context (a host that is no Dataverse workflow) ...
            var noWorkflow = Assert.Throws<InvalidPluginExecutionException>(() => System.Activities.WorkflowInvoker.Invoke(new RequestFeasibilityReviews(), inputs));
            // ... or with it but no organization service factory.
            var noServices = Assert.Throws<InvalidPluginExecutionException>(() => new WorkflowActivityRunner().Run<RequestFeasibilityReviews>(inputs, new WorkflowRunContext
            {
                UserId = _org.Rep, PrimaryEntity = new EntityReference("account", _account), UtcNow = _org.Engine.Clock.UtcNow, Tracing = _trace,
            }));

            foreach (string message in new[] { noWorkflow.Message, noServices.Message })
            {
                Assert.Equal(RefusalCodes.WorkflowOnly, Refusal.CodeOf(message));
                CrmCollabOrg.ReadsAsASentence(message);
                CrmCollabOrg.ShowsNoIdOrTypeName(message);
            }
            Assert.Equal(before, _org.Tables("crmc_feasibilityreview", "opportunity"));
        }
    }
}
