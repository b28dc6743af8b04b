using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Base of CrmCollab's custom workflow activities: resolves the workflow context and services once, traces
    /// entry and exit, and turns an unexpected failure into a message the workflow's owner can act on.
    /// </summary>
    public abstract class ActivityBase : CodeActivity
    {
        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            var workflowContext = executionContext.GetExtension<IWorkflowContext>()
                ?? throw new InvalidPluginExecutionException("This activity must run inside a Dataverse workflow.");
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            var tracing = executionContext.GetExtension<ITracingService>();
            var local = new ActivityContext(executionContext, workflowContext, factory, tracing);
            tracing?.Trace("Entered {0} for {1} {2}.", GetType().Name, workflowContext.PrimaryEntityName, workflowContext.PrimaryEntityId);
            try
            {
                Run(local);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception unexpected)
            {
                tracing?.Trace("{0} failed: {1}", GetType().Name, unexpected.ToString());
                throw new InvalidPluginExecutionException($"The CrmCollab workflow step could not complete: {unexpected.Message}", unexpected);
            }
            finally
            {
                tracing?.Trace("Exiting {0}.", GetType().Name);
            }
        }

        protected abstract void Run(ActivityContext context);
    }

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
