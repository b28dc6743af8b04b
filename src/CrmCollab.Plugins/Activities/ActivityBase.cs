using System;
using System.Activities;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Base of CrmCollab's custom workflow activities: resolves the workflow context and services once, traces
    /// entry and exit, and turns a failure into a message the workflow's owner can act on: a refusal as it was
    /// worded, anything else as one coded sentence, its detail (type, stack) in the trace only.
    /// </summary>
    public abstract class ActivityBase : CodeActivity
    {
        /// <summary>What the workflow's owner reads when the step failed for a reason that is no refusal.</summary>
        public const string FailedText =
            "This CrmCollab workflow step could not complete. Check that the records the workflow gives it still exist, then run " +
            "the workflow again; if it fails again, ask your CrmCollab administrator, who finds the cause in the plug-in trace log.";

        /// <summary>
        /// What the workflow's owner (or whoever started the step) reads when the step was run without what a Dataverse
        /// workflow gives every step: its workflow context and organization service.
        /// </summary>
        public const string WorkflowOnlyText =
            "This CrmCollab step runs only as a step of a Dataverse workflow, which gives it the record and the services it needs, " +
            "so it did nothing. Add it to a workflow (process) as a step and run that workflow.";

        /// <summary>The step was started without its workflow context or services: <see cref="WorkflowOnlyText"/>, coded.</summary>
        public static InvalidPluginExecutionException OutsideAWorkflow() =>
            new InvalidPluginExecutionException(new Refusal(RefusalCodes.WorkflowOnly, WorkflowOnlyText).Message);

        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            var workflowContext = executionContext.GetExtension<IWorkflowContext>() ?? throw OutsideAWorkflow();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>() ?? throw OutsideAWorkflow();
            var tracing = executionContext.GetExtension<ITracingService>();
            var local = new ActivityContext(executionContext, workflowContext, factory, tracing);
            tracing?.Trace("Entered {0} for {1} {2}.", GetType().Name, workflowContext.PrimaryEntityName, workflowContext.PrimaryEntityId);
            try
            {
                Run(local);
            }
            catch (InvalidPluginExecutionException refusal)
            {
                tracing?.Trace("{0} refused: {1}", GetType().Name, refusal.Message);
                throw;
            }
            catch (Exception failure)
            {
                tracing?.Trace("{0} failed: {1}", GetType().Name, failure.ToString());
                throw new InvalidPluginExecutionException(MessageFor(failure), failure);
            }
            finally
            {
                tracing?.Trace("Exiting {0}.", GetType().Name);
            }
        }

        protected abstract void Run(ActivityContext context);

        /// <summary>
        /// A refusal anywhere in the failure's causes keeps its own words (a CrmCollab step's refusal, or a CrmCollab
        /// plugin's coded refusal of a record the step saved); anything else reads <see cref="FailedText"/>.
        /// </summary>
        public static string MessageFor(Exception failure)
        {
            for (Exception cause = failure; cause != null; cause = cause.InnerException)
            {
                if (cause is InvalidPluginExecutionException refusal) return refusal.Message;
                if (cause is FaultException<OrganizationServiceFault> fault && Refusal.CodeOf(fault.Detail?.Message) != null)
                    return fault.Detail.Message;
            }
            return new Refusal(RefusalCodes.WorkflowStepFailed, FailedText).Message;
        }

        /// <summary>The step was given no value for an input it needs (a property left empty, or a record without it).</summary>
        /// <param name="step">The step as the workflow designer lists it: "Create Post-Sale Handoff".</param>
        /// <param name="what">What it needs: "an opportunity".</param>
        /// <param name="property">The step's property that gives it: "Opportunity".</param>
        protected static InvalidPluginExecutionException MissingInput(string step, string what, string property) =>
            new InvalidPluginExecutionException(new Refusal(RefusalCodes.WorkflowInputMissing,
                $"The {step} step needs {what}: set its {property} property (and check that the record it reads it from has one), " +
                "then run the workflow again.").Message);
    }
}
