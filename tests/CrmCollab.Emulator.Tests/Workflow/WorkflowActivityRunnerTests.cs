using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;

namespace CrmCollab.Emulator.Tests.Workflow
{
    public class WorkflowActivityRunnerTests
    {
        private static readonly DateTime Now = new DateTime(2025, 3, 3, 9, 30, 0, DateTimeKind.Utc);
        private readonly Guid _user = Guid.NewGuid();
        private readonly EntityReference _opportunity = new EntityReference("opportunity", Guid.NewGuid());
        private readonly EntityReference _account = new EntityReference("account", Guid.NewGuid());
        private readonly ContactServiceFactory _factory = new ContactServiceFactory();
        private readonly WorkflowActivityRunner _runner = new WorkflowActivityRunner();

        public WorkflowActivityRunnerTests()
        {
            foreach (var kind in new[] { 1, 1, 2 })
            {
                _factory.Contacts.Add(new Entity("contact", Guid.NewGuid())
                {
                    ["parentcustomerid"] = _account,
                    ["customertypecode"] = new OptionSetValue(kind),
                });
            }
        }

        private WorkflowRunContext Context() => new WorkflowRunContext
        {
            UserId = _user,
            PrimaryEntity = _opportunity,
            ServiceFactory = _factory,
            UtcNow = Now,
            Depth = 2,
            StageName = "Qualify",
        };

        [Fact]
        public void Inputs_by_input_name_outputs_by_output_name()
        {
            var result = _runner.Run(new CountContactsActivity(),
                new Dictionary<string, object> { ["Account"] = _account, ["Kind"] = new OptionSetValue(1) }, Context());

            Assert.Equal(2, result.Outputs["Count"]);
            Assert.Equal(true, result.Outputs["Enough"]);            // Minimum came from [Default("2")]
            Assert.Equal(XrmWorkflowCompletionStatus.Succeeded, result.Status);
            Assert.Equal(new Guid?[] { _user }, _factory.CreatedFor);
            Assert.Equal($"Counting contacts of {_account.Id} (run on opportunity {_opportunity.Id})", result.Traces[0]);
            Assert.Equal("Found 2", result.Traces[1]);
        }

        [Fact]
        public void Property_names_and_plain_values_are_accepted()
        {
            var result = _runner.Run(typeof(CountContactsActivity),
                new Dictionary<string, object> { ["Account"] = _account, ["Kind"] = 2, ["minimum"] = 5 }, Context());

            Assert.Equal(1, result.Outputs["Count"]);
            Assert.Equal(false, result.Outputs["Enough"]);
        }

        [Fact]
        public void Workflow_context_carries_the_run()
        {
            var outer = new System.Collections.Generic.List<string>();
            var context = Context();
            context.Tracing = new ListTracer(outer);
            var result = _runner.Run<CountContactsActivity>(new Dictionary<string, object> { ["Account"] = _account }, context);
            IWorkflowContext workflow = result.Context;

            Assert.Equal(_user, workflow.UserId);
            Assert.Equal(_user, workflow.InitiatingUserId);
            Assert.Equal("opportunity", workflow.PrimaryEntityName);
            Assert.Equal(_opportunity.Id, workflow.PrimaryEntityId);
            Assert.Equal(_opportunity, workflow.InputParameters["Target"]);
            Assert.Equal(Now, workflow.OperationCreatedOn);
            Assert.Equal(2, workflow.Depth);
            Assert.Equal("Qualify", workflow.StageName);
            Assert.Equal(0, workflow.WorkflowCategory);
            Assert.Equal(0, workflow.WorkflowMode);
            Assert.Equal(1, workflow.Mode);                          // background: asynchronous
            Assert.Null(workflow.ParentContext);
            Assert.NotEqual(Guid.Empty, workflow.CorrelationId);
            var again = _runner.Run<CountContactsActivity>(new Dictionary<string, object> { ["Account"] = _account }, Context());
            Assert.Equal(workflow.CorrelationId, again.Context.CorrelationId); // same run, same ids: reproducible
            Assert.Equal(result.Traces, outer);
        }

        [Fact]
        public void Bad_inputs_are_refused_before_the_activity_runs()
        {
            var wrongTable = Assert.Throws<ArgumentException>(() => _runner.Run(new CountContactsActivity(),
                new Dictionary<string, object> { ["Account"] = new EntityReference("contact", Guid.NewGuid()) }, Context()));
            Assert.Contains("'account'", wrongTable.Message);
            var unknown = Assert.Throws<ArgumentException>(() => _runner.Run(new CountContactsActivity(),
                new Dictionary<string, object> { ["Acount"] = _account }, Context()));
            Assert.Contains("'Account'", unknown.Message);
            Assert.Empty(_factory.CreatedFor);
        }

        [Fact]
        public void Activity_exceptions_surface_as_InvalidPluginExecutionException()
        {
            var wrapped = Assert.Throws<InvalidPluginExecutionException>(() =>
                _runner.Run(new FailingActivity(), new Dictionary<string, object>(), Context()));
            Assert.Equal("Sequence contains no elements", wrapped.Message);
            Assert.IsType<InvalidOperationException>(wrapped.InnerException);

            var business = Assert.Throws<InvalidPluginExecutionException>(() =>
                _runner.Run(new FailingActivity(), new Dictionary<string, object> { ["Business error"] = true }, Context()));
            Assert.Equal("The account is on hold.", business.Message);
            Assert.Null(business.InnerException);

            var missing = Assert.Throws<InvalidPluginExecutionException>(() =>
                _runner.Run(new CountContactsActivity(), new Dictionary<string, object>(), Context()));
            Assert.Contains("Account", missing.Message);             // [RequiredArgument] without a value
        }

        [Fact]
        public void Result_of_a_generic_code_activity_and_stop_status()
        {
            var doubled = _runner.Run(new DoubleActivity(), new Dictionary<string, object> { ["Amount"] = 21m }, Context());
            Assert.Equal(42m, doubled.Outputs["Result"]);

            var stopped = _runner.Run(new StopActivity(), null, Context());
            Assert.Equal(XrmWorkflowCompletionStatus.Canceled, stopped.Status);
            Assert.Empty(stopped.Outputs);
        }

        [Fact]
        public void Every_service_the_activity_creates_runs_as_the_workflow_user()
        {
            // Microsoft: "When called in a custom workflow activity, all service calls are made in the
            // IWorkflowExecutionContext.UserId context": null (SYSTEM in a plug-in), Guid.Empty and another user's id too.
            var someoneElse = Guid.NewGuid();
            _runner.Run(new CreateServicesActivity(), new Dictionary<string, object> { ["Other user"] = someoneElse }, Context());

            Assert.Equal(new Guid?[] { _user, _user, _user, _user }, _factory.CreatedFor);
        }

        [Fact]
        public void A_run_without_a_user_is_refused_before_the_activity_runs()
        {
            var context = Context();
            context.UserId = Guid.Empty;

            var refused = Assert.Throws<ArgumentException>(() => _runner.Run(new CreateServicesActivity(), null, context));
            Assert.Contains("user", refused.Message);
            Assert.Empty(_factory.CreatedFor);
        }

        private sealed class ListTracer : ITracingService
        {
            private readonly List<string> _lines;

            public ListTracer(List<string> lines) => _lines = lines;

            public void Trace(string format, params object[] args) => _lines.Add(string.Format(format, args));
        }
    }
}
