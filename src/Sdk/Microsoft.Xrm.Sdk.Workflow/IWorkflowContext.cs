namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>
    /// The execution context of a workflow (process) run; a custom activity gets it with
    /// <c>context.GetExtension&lt;IWorkflowContext&gt;()</c>.
    /// </summary>
    public interface IWorkflowContext : IExecutionContext
    {
        /// <summary>The context of the workflow that started this one as a child workflow; null otherwise.</summary>
        IWorkflowContext ParentContext { get; }

        /// <summary>The workflow's category (0 workflow, 3 action, ...), as the workflow entity's category column.</summary>
        int WorkflowCategory { get; }

        /// <summary>0 when the workflow runs in the background (asynchronously), 1 when it runs in real time.</summary>
        int WorkflowMode { get; }

        string StageName { get; }
    }
}
