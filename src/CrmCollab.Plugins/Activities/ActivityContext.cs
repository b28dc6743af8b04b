using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>What an activity body needs, resolved once.</summary>
    public sealed class ActivityContext
    {
        internal ActivityContext(CodeActivityContext activity, IWorkflowContext workflow, IOrganizationServiceFactory factory, ITracingService tracing)
        {
            Activity = activity;
            Workflow = workflow;
            Tracing = tracing;
            if (factory == null) throw ActivityBase.OutsideAWorkflow();
            SystemService = factory.CreateOrganizationService(null);
            WorkflowUserService = factory.CreateOrganizationService(workflow.UserId);
        }

        public CodeActivityContext Activity { get; }
        public IWorkflowContext Workflow { get; }
        public ITracingService Tracing { get; }
        /// <summary>
        /// Created for null, which in a plug-in means SYSTEM. For a custom workflow activity Microsoft documents otherwise
        /// (IOrganizationServiceFactory.CreateOrganizationService): every call runs as the workflow's user
        /// (<see cref="IExecutionContext.UserId"/>), so this service has that user's rights, not SYSTEM's, and CrmCollab's
        /// guards treat its writes as that user's. See docs/dataverse-facts.md (workflow activities).
        /// </summary>
        public IOrganizationService SystemService { get; }
        /// <summary>The workflow's user's service, as Microsoft documents it for a workflow activity.</summary>
        public IOrganizationService WorkflowUserService { get; }
        public DateTime Now => Workflow.OperationCreatedOn;
    }
}
