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
                throw new InvalidPluginExecutionException(MessageFor(failure, StepName, NeededRights), failure);
            }
            finally
            {
                tracing?.Trace("Exiting {0}.", GetType().Name);
            }
        }

        protected abstract void Run(ActivityContext context);

        /// <summary>The step as the workflow designer lists it: "Create Post-Sale Handoff".</summary>
        protected abstract string StepName { get; }

        /// <summary>
        /// What the workflow's user must be allowed to do for the step to work, and which shipped role allows it, as one
        /// clause: "read the deal and its tasks (the CrmCollab Salesperson role on their own deals, or CrmCollab Administrator)".
        /// </summary>
        protected abstract string NeededRights { get; }

        /// <summary>Dataverse's PrivilegeDenied (0x80040220): the user's roles hold the privilege at no depth.</summary>
        public const int PrivilegeDenied = unchecked((int)0x80040220);

        /// <summary>Dataverse's access check failure (0x80048306): the privilege's depth does not reach the record.</summary>
        public const int AccessCheckFailed = unchecked((int)0x80048306);

        /// <summary>
        /// As <see cref="MessageFor(Exception)"/>, except that Dataverse refusing the workflow's user a privilege or access
        /// reads as <see cref="UserLacksRights"/>, and refusing a disabled user as <see cref="UserDisabled"/>: a step runs
        /// as its user (never SYSTEM), so the fix is the user. A record that no longer exists reads as <see cref="RecordMissing"/>:
        /// before, "run the workflow again", which cannot help.
        /// </summary>
        public static string MessageFor(Exception failure, string step, string neededRights)
        {
            for (Exception cause = failure; cause != null; cause = cause.InnerException)
            {
                if (cause is InvalidPluginExecutionException) break;
                if (!(cause is FaultException<OrganizationServiceFault> fault) || fault.Detail == null) continue;
                if (fault.Detail.ErrorCode == PrivilegeDenied || fault.Detail.ErrorCode == AccessCheckFailed)
                    return UserLacksRights(step, neededRights).Message;
                if (PlatformFault.IsUserNotEnabled(fault.Detail.ErrorCode)) return UserDisabled(step).Message;
                if (PlatformFault.IsRowMissing(fault.Detail.ErrorCode)) return RecordMissing(step).Message;
            }
            return MessageFor(failure);
        }

        /// <summary>
        /// The workflow's user is disabled (someone who left, whose workflows are still in use): Dataverse refuses
        /// every call the step makes as them, so it did nothing. The fix is the workflow's owner, not the records.
        /// </summary>
        public static Refusal UserDisabled(string step) =>
            new Refusal(RefusalCodes.WorkflowUserDisabled,
                $"The {step} step runs as the workflow's user (its owner for an automatic workflow, whoever started it on " +
                "demand), and that user is disabled in Dataverse or belongs to no business unit, so the step did nothing. " +
                "Assign the workflow to an active user (or ask your CrmCollab administrator to), then run it again.");

        /// <summary>
        /// A record the step reads no longer exists: most often the one it was given (its deal or account), deleted since the
        /// workflow started or named by a property pointing at the wrong record. Running it again as it is cannot help.
        /// The code is the one the custom APIs answer a deleted row with.
        /// </summary>
        public static Refusal RecordMissing(string step) =>
            new Refusal(RefusalCodes.RecordNotFound,
                $"The {step} step was given a record that no longer exists (it may have been deleted), so it did nothing. " +
                "Check the record its properties point at (or the record the workflow reads them from); if the record was deleted, " +
                "the workflow has nothing left to do for it.");

        /// <summary>The workflow's user may not read or change what the step needs: who to make the workflow's user.</summary>
        public static Refusal UserLacksRights(string step, string neededRights) =>
            new Refusal(RefusalCodes.WorkflowUserRights,
                $"The {step} step runs with the rights of the workflow's user (its owner for an automatic workflow, whoever " +
                $"started it on demand), and that user may not do all it needs: it must be allowed to {neededRights}. " +
                "Make such a user the workflow's owner or run it as one, or ask your CrmCollab administrator for the role, then run the workflow again.");

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
