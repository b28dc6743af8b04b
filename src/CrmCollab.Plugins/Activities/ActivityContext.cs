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
            SystemService = factory?.CreateOrganizationService(null)
                ?? throw new InvalidPluginExecutionException("The workflow host provided no organization service factory.");
        }

        public CodeActivityContext Activity { get; }
        public IWorkflowContext Workflow { get; }
        public ITracingService Tracing { get; }
        /// <summary>Routing reads owners and rules whatever the workflow owner's rights, as the plugins do.</summary>
        public IOrganizationService SystemService { get; }
        public DateTime Now => Workflow.OperationCreatedOn;
    }
}
