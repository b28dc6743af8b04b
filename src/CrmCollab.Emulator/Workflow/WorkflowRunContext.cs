using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Emulator.Workflow
{
    /// <summary>Where a workflow step runs: who, on which record, when, and with which services.</summary>
    public sealed class WorkflowRunContext
    {
        /// <summary>The user the workflow runs as (its owner, or the user who started an on-demand run).</summary>
        public Guid UserId { get; set; }

        /// <summary>The user whose action triggered the run; defaults to <see cref="UserId"/>.</summary>
        public Guid? InitiatingUserId { get; set; }

        public Guid BusinessUnitId { get; set; }

        public Guid OrganizationId { get; set; }

        public string OrganizationName { get; set; }

        /// <summary>The record the workflow runs on.</summary>
        public EntityReference PrimaryEntity { get; set; }

        /// <summary>
        /// A factory giving a service as the user whose id it is given (the engine's <c>ServiceFactory</c>). The activity
        /// never sees it as such: the runner hands it a <see cref="WorkflowUserServiceFactory"/> over it, so every service
        /// runs as <see cref="UserId"/>, as Microsoft documents for a custom workflow activity.
        /// </summary>
        public IOrganizationServiceFactory ServiceFactory { get; set; }

        /// <summary>Also receives every trace line, besides the run's own collection.</summary>
        public ITracingService Tracing { get; set; }

        /// <summary>The organisation clock's time of the run (OperationCreatedOn).</summary>
        public DateTime UtcNow { get; set; }

        public int Depth { get; set; } = 1;

        /// <summary>Empty: one derived from the record and the time, so runs are reproducible.</summary>
        public Guid CorrelationId { get; set; }

        public Guid OperationId { get; set; }

        /// <summary>The triggering message (Create, Update...); on-demand runs are ExecuteWorkflow.</summary>
        public string MessageName { get; set; } = "ExecuteWorkflow";

        /// <summary>0 workflow, 3 action, as the workflow row's category column.</summary>
        public int WorkflowCategory { get; set; }

        /// <summary>0 background (asynchronous), 1 real-time.</summary>
        public int WorkflowMode { get; set; }

        public string StageName { get; set; }

        public IWorkflowContext ParentContext { get; set; }

        public IDictionary<string, object> InputParameters { get; set; }

        public IDictionary<string, object> SharedVariables { get; set; }

        public IDictionary<string, Entity> PreEntityImages { get; set; }

        public IDictionary<string, Entity> PostEntityImages { get; set; }
    }

    /// <summary>What one run of a workflow activity produced.</summary>
    public sealed class WorkflowRunResult
    {
        internal WorkflowRunResult(IReadOnlyDictionary<string, object> outputs, IReadOnlyList<string> traces,
            WorkflowContext context, XrmWorkflowCompletionStatus status)
        {
            Outputs = outputs;
            Traces = traces;
            Context = context;
            Status = status;
        }

        /// <summary>Output values by [Output("...")] name (property name when the attribute is absent).</summary>
        public IReadOnlyDictionary<string, object> Outputs { get; }

        /// <summary>Lines written through ITracingService, formatted.</summary>
        public IReadOnlyList<string> Traces { get; }

        /// <summary>The IWorkflowContext the activity saw (shared variables, output parameters...).</summary>
        public WorkflowContext Context { get; }

        /// <summary>Succeeded, or Canceled when the activity stopped the workflow with StopWorkflowException.</summary>
        public XrmWorkflowCompletionStatus Status { get; }
    }
}
