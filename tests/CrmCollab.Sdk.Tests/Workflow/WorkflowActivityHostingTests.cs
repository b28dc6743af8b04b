using System;
using System.Activities;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;
using ArgumentDirection = System.Activities.ArgumentDirection;

namespace CrmCollab.Sdk.Tests.Workflow
{
    /// <summary>Runs custom workflow activities through the System.Activities slice's WorkflowInvoker.</summary>
    public class WorkflowActivityHostingTests
    {
        private static readonly Guid AccountId = new Guid("6f0b1d2e-3c4a-4b5c-8d9e-0a1b2c3d4e5f");

        [Fact]
        public void Invoke_binds_inputs_by_property_name_and_returns_out_and_inout_values()
        {
            var tracing = new RecordingTracingService();
            var invoker = new WorkflowInvoker(new DescribeAccountActivity());
            invoker.Extensions.Add(tracing);

            IDictionary<string, object> outputs = invoker.Invoke(new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", AccountId),
                ["Prefix"] = "Customer",
                ["Counter"] = 41,
            });

            string expected = "Customer account/" + AccountId;
            Assert.Equal(expected, outputs["Description"]);
            Assert.Equal(expected.Length, outputs["Length"]);
            Assert.Equal(false, outputs["HasWorkflowContext"]);
            Assert.Equal(42, outputs["Counter"]);
            Assert.False(outputs.ContainsKey("Account"));
            Assert.Equal(new[] { "Describing " + AccountId }, tracing.Lines);
        }

        [Fact]
        public void Constant_in_argument_is_used_when_no_input_is_given_and_missing_extension_is_null()
        {
            IDictionary<string, object> outputs = WorkflowInvoker.Invoke(
                new DescribeAccountActivity(),
                new Dictionary<string, object> { ["Account"] = new EntityReference("account", AccountId) });

            Assert.Equal("Account account/" + AccountId, outputs["Description"]);
            Assert.Equal(0 + 1, outputs["Counter"]);
        }

        [Fact]
        public void Extensions_are_found_by_any_assignable_type()
        {
            IWorkflowContext workflow = FakeWorkflowContext.Create(("StageName", "Qualify"), ("PrimaryEntityName", "lead"));
            var invoker = new WorkflowInvoker(new DescribeAccountActivity());
            invoker.Extensions.Add(workflow);

            IDictionary<string, object> outputs = invoker.Invoke(
                new Dictionary<string, object> { ["Account"] = new EntityReference("account", AccountId) });

            Assert.Equal(true, outputs["HasWorkflowContext"]);
        }

        [Fact]
        public void Result_of_a_generic_code_activity_is_returned()
        {
            var invoker = new WorkflowInvoker(new StageNameActivity());
            invoker.Extensions.Add(() => FakeWorkflowContext.Create(("StageName", "Close"), ("PrimaryEntityName", "opportunity")));

            IDictionary<string, object> outputs = invoker.Invoke();

            Assert.Equal("Close@opportunity#1", outputs[Argument.ResultValue]);
            Assert.Throws<InvalidOperationException>(() => invoker.Extensions.Add(new RecordingTracingService()));
        }

        [Fact]
        public void Static_generic_invoke_returns_the_result()
        {
            var activity = new SumActivity { Right = 5 };

            int sum = WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Left"] = 37 });

            Assert.Equal(42, sum);
            Assert.Equal(typeof(int), activity.ResultType);
            Assert.IsType<OutArgument<int>>(((ActivityWithResult)activity).Result);
            Assert.Equal("1: SumActivity", activity.ToString());
        }

        [Fact]
        public void Missing_required_argument_and_unknown_input_are_rejected()
        {
            Assert.Throws<InvalidWorkflowException>(() => WorkflowInvoker.Invoke(new DescribeAccountActivity()));
            var error = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(
                new DescribeAccountActivity(),
                new Dictionary<string, object> { ["Account"] = null, ["Nope"] = 1, ["Description"] = "x" }));
            Assert.Contains("Nope", error.Message);
            Assert.Contains("Description", error.Message);
        }

        [Fact]
        public void Input_of_the_wrong_type_is_rejected()
        {
            Assert.Throws<InvalidCastException>(() => WorkflowInvoker.Invoke(
                new DescribeAccountActivity(),
                new Dictionary<string, object> { ["Account"] = "account" }));
        }

        [Fact]
        public void Context_cannot_be_used_after_execute_and_each_run_is_a_new_instance()
        {
            var activity = new CapturingActivity();

            WorkflowInvoker.Invoke(activity);
            Guid first = activity.WorkflowInstanceId;
            Assert.Throws<ObjectDisposedException>(() => activity.Stop.Get(activity.Captured));
            Assert.Throws<ObjectDisposedException>(() => activity.Captured.GetExtension<ITracingService>());

            WorkflowInvoker.Invoke(activity);
            Assert.NotEqual(Guid.Empty, first);
            Assert.NotEqual(first, activity.WorkflowInstanceId);
        }

        [Fact]
        public void Argument_of_another_activity_cannot_be_read()
        {
            var other = new CapturingActivity();
            WorkflowInvoker.Invoke(other);

            Assert.Throws<InvalidOperationException>(() => new WorkflowInvoker(new ReadForeignArgument(other.Stop)).Invoke());
        }

        [Fact]
        public void Exceptions_from_execute_propagate_unchanged()
        {
            var error = Assert.Throws<StopWorkflowException>(() => WorkflowInvoker.Invoke(
                new CapturingActivity(), new Dictionary<string, object> { ["Stop"] = true }));

            Assert.Equal(XrmWorkflowCompletionStatus.Canceled, error.Status);
            Assert.Equal(42, error.ErrorCode);
            Assert.Equal("stopped by rule", error.Message);
        }

        [Fact]
        public void Argument_create_makes_the_generic_argument_of_the_direction()
        {
            Argument argument = Argument.Create(typeof(int), ArgumentDirection.InOut);

            Assert.IsType<InOutArgument<int>>(argument);
            Assert.Equal(typeof(int), argument.ArgumentType);
            Assert.Equal(ArgumentDirection.InOut, argument.Direction);
            Assert.Equal(ArgumentDirection.Out, new OutArgument<string>().Direction);
        }

        private sealed class SumActivity : CodeActivity<int>
        {
            public InArgument<int> Left { get; set; }

            public InArgument<int> Right { get; set; }

            protected override int Execute(CodeActivityContext context)
            {
                return Left.Get(context) + context.GetValue(Right);
            }
        }

        private sealed class ReadForeignArgument : CodeActivity
        {
            private readonly InArgument<bool> foreign;

            public ReadForeignArgument(InArgument<bool> foreign)
            {
                this.foreign = foreign;
            }

            protected override void Execute(CodeActivityContext context)
            {
                foreign.Get(context);
            }
        }
    }
}
