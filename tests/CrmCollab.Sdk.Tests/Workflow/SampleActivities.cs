using System;
using System.Activities;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Sdk.Tests.Workflow
{
    /// <summary>A custom workflow activity written as plugin authors write them.</summary>
    public sealed class DescribeAccountActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Account")]
        [ReferenceTarget("account")]
        public InArgument<EntityReference> Account { get; set; }

        [Input("Prefix")]
        [Default("Account")]
        public InArgument<string> Prefix { get; set; } = "Account";

        [Input("Category")]
        [AttributeTarget("account", "accountcategorycode")]
        public InArgument<OptionSetValue> Category { get; set; }

        [Output("Description")]
        public OutArgument<string> Description { get; set; }

        [Output("Length")]
        public OutArgument<int> Length { get; set; }

        [Output("HasWorkflowContext")]
        public OutArgument<bool> HasWorkflowContext { get; set; }

        public InOutArgument<int> Counter { get; set; }

        protected override void Execute(CodeActivityContext context)
        {
            ITracingService tracing = context.GetExtension<ITracingService>();
            EntityReference account = Account.Get(context);
            string text = Prefix.Get(context) + " " + account.LogicalName + "/" + account.Id;
            tracing?.Trace("Describing {0}", account.Id);

            Description.Set(context, text);
            context.SetValue(Length, text.Length);
            HasWorkflowContext.Set(context, context.GetExtension<IWorkflowContext>() != null);
            Counter.Set(context, Counter.Get(context) + 1);
        }
    }

    /// <summary>Reads the workflow context and returns a value through Result.</summary>
    public sealed class StageNameActivity : CodeActivity<string>
    {
        protected override string Execute(CodeActivityContext context)
        {
            IWorkflowContext workflow = context.GetExtension<IWorkflowContext>();
            return workflow.StageName + "@" + workflow.PrimaryEntityName + "#" + context.ActivityInstanceId;
        }
    }

    /// <summary>Keeps its context to show it cannot be used after Execute, and can stop the workflow.</summary>
    public sealed class CapturingActivity : CodeActivity
    {
        public InArgument<bool> Stop { get; set; }

        public CodeActivityContext Captured { get; private set; }

        public Guid WorkflowInstanceId { get; private set; }

        protected override void Execute(CodeActivityContext context)
        {
            Captured = context;
            WorkflowInstanceId = context.WorkflowInstanceId;
            if (Stop.Get(context))
            {
                throw new StopWorkflowException(XrmWorkflowCompletionStatus.Canceled, 42, "stopped by rule");
            }
        }
    }

    public sealed class RecordingTracingService : ITracingService
    {
        public List<string> Lines { get; } = new List<string>();

        public void Trace(string format, params object[] args)
        {
            Lines.Add(string.Format(format, args));
        }
    }

    /// <summary>An IWorkflowContext whose properties come from a dictionary (unset ones are default).</summary>
    public class FakeWorkflowContext : DispatchProxy
    {
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>();

        public static IWorkflowContext Create(params (string Name, object Value)[] values)
        {
            IWorkflowContext proxy = Create<IWorkflowContext, FakeWorkflowContext>();
            foreach ((string name, object value) in values)
            {
                ((FakeWorkflowContext)(object)proxy).Values[name] = value;
            }

            return proxy;
        }

        protected override object Invoke(MethodInfo targetMethod, object[] args)
        {
            string name = targetMethod.Name.StartsWith("get_", StringComparison.Ordinal)
                ? targetMethod.Name.Substring(4)
                : targetMethod.Name;
            if (Values.TryGetValue(name, out object value))
            {
                return value;
            }

            return targetMethod.ReturnType.IsValueType ? Activator.CreateInstance(targetMethod.ReturnType) : null;
        }
    }
}
