using System.Activities.Hosting;
using System.Collections.Generic;

namespace System.Activities
{
    /// <summary>
    /// Runs an activity synchronously, as on .NET Framework; this is the slice's hosting entry point (the same code
    /// works against the real System.Activities on net462). Only code activities can be run here. Example:
    /// <code>
    /// var invoker = new WorkflowInvoker(activity);
    /// invoker.Extensions.Add(workflowContext);   // found by context.GetExtension&lt;IWorkflowContext&gt;()
    /// invoker.Extensions.Add(tracingService);
    /// IDictionary&lt;string, object&gt; outputs = invoker.Invoke(new Dictionary&lt;string, object&gt; { ["Account"] = reference });
    /// </code>
    /// </summary>
    public sealed class WorkflowInvoker
    {
        private readonly Activity workflow;
        private readonly WorkflowInstanceExtensionManager extensions;

        public WorkflowInvoker(Activity workflow)
        {
            this.workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
            extensions = new WorkflowInstanceExtensionManager();
        }

        /// <summary>Services visible to the activity through ActivityContext.GetExtension&lt;T&gt;().</summary>
        public WorkflowInstanceExtensionManager Extensions
        {
            get { return extensions; }
        }

        public static IDictionary<string, object> Invoke(Activity workflow)
        {
            return Invoke(workflow, null);
        }

        public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs)
        {
            return new WorkflowInvoker(workflow).Invoke(inputs);
        }

        public static TResult Invoke<TResult>(Activity<TResult> workflow)
        {
            return Invoke(workflow, null);
        }

        public static TResult Invoke<TResult>(Activity<TResult> workflow, IDictionary<string, object> inputs)
        {
            IDictionary<string, object> outputs = Invoke((Activity)workflow, inputs);
            return outputs.TryGetValue(Argument.ResultValue, out object result) ? (TResult)result : default(TResult);
        }

        public IDictionary<string, object> Invoke()
        {
            return Invoke((IDictionary<string, object>)null);
        }

        /// <summary>Returns the values of the Out and InOut arguments by name; each call is a new workflow instance.</summary>
        public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
        {
            // As on .NET Framework, extensions can no longer be added once the invoker has run.
            extensions.MakeReadOnly();
            return ActivityRunner.Run(workflow, inputs, extensions.CreateInstanceExtensions(), Guid.NewGuid());
        }
    }
}
