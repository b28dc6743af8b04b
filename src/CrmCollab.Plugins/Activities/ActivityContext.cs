using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>What an activity body needs, resolved once.</summary>
    /// <remarks>
    /// There is one service, the workflow's user's, and no SYSTEM one: Microsoft documents
    /// (IOrganizationServiceFactory.CreateOrganizationService) that "when called in a custom workflow activity, all
    /// service calls are made in the IWorkflowExecutionContext.UserId context", whatever id is passed (null, which is
    /// SYSTEM only in a plug-in, included). A step that needs CrmCollab's server-side writes makes an operation its user
    /// may make and lets CrmCollab's plug-in step on it write (see RequestFeasibilityReviews); docs/dataverse-facts.md.
    /// </remarks>
    public sealed class ActivityContext
    {
        internal ActivityContext(CodeActivityContext activity, IWorkflowContext workflow, IOrganizationServiceFactory factory, ITracingService tracing)
        {
            Activity = activity;
            Workflow = workflow;
            Tracing = tracing;
            if (factory == null) throw ActivityBase.OutsideAWorkflow();
            WorkflowUserService = factory.CreateOrganizationService(workflow.UserId);
        }

        public CodeActivityContext Activity { get; }
        public IWorkflowContext Workflow { get; }
        public ITracingService Tracing { get; }
        /// <summary>The workflow's user's service (<see cref="IExecutionContext.UserId"/>): every read and write runs with that user's rights.</summary>
        public IOrganizationService WorkflowUserService { get; }
        public DateTime Now => Workflow.OperationCreatedOn;
    }
}
