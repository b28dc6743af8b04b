using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Emulator.Workflow
{
    /// <summary>
    /// Runs a custom workflow activity (CodeActivity) as a classic workflow step does: step inputs by their
    /// [Input] names, IWorkflowContext, IOrganizationServiceFactory and ITracingService as extensions, outputs
    /// back by their [Output] names. Hosting goes through System.Activities' WorkflowInvoker. The factory the activity
    /// gets is the documented one: every service it creates runs as the workflow's user, null included
    /// (<see cref="WorkflowUserServiceFactory"/>); no activity gets SYSTEM.
    /// </summary>
    public sealed class WorkflowActivityRunner
    {
        public WorkflowRunResult Run<TActivity>(IDictionary<string, object> inputs, WorkflowRunContext context)
            where TActivity : Activity, new() =>
            Run(new TActivity(), inputs, context);

        /// <summary>Creates the activity with its public parameterless constructor, as the platform does.</summary>
        public WorkflowRunResult Run(Type activityType, IDictionary<string, object> inputs, WorkflowRunContext context)
        {
            if (activityType == null) throw new ArgumentNullException(nameof(activityType));
            if (!typeof(Activity).IsAssignableFrom(activityType) || activityType.IsAbstract)
                throw new ArgumentException($"{activityType.FullName} is not a concrete workflow activity.", nameof(activityType));
            if (activityType.GetConstructor(Type.EmptyTypes) == null)
                throw new ArgumentException($"{activityType.FullName} has no public parameterless constructor.", nameof(activityType));
            return Run((Activity)Activator.CreateInstance(activityType), inputs, context);
        }

        /// <summary>
        /// Runs <paramref name="activity"/>. Input names that match no input, values that cannot be converted and
        /// references to the wrong table throw ArgumentException before the activity runs. An exception thrown by
        /// the activity surfaces as InvalidPluginExecutionException with its message (an InvalidPluginExecutionException
        /// unchanged); StopWorkflowException ends the run with its status, or as InvalidPluginExecutionException when Failed.
        /// A run with services but no user (<see cref="WorkflowRunContext.UserId"/> empty) throws ArgumentException: a
        /// workflow always runs as a user.
        /// </summary>
        public WorkflowRunResult Run(Activity activity, IDictionary<string, object> inputs, WorkflowRunContext context)
        {
            if (activity == null) throw new ArgumentNullException(nameof(activity));
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (context.ServiceFactory != null && context.UserId == Guid.Empty)
                throw new ArgumentException("A workflow runs as a user: set the run's UserId (the workflow's owner, or who started it).", nameof(context));

            var parameters = ActivityParameters.Of(activity.GetType());
            var arguments = MapInputs(activity, parameters, inputs);
            var workflowContext = new WorkflowContext(context);
            var tracing = new WorkflowTracingService(context.Tracing);

            var invoker = new WorkflowInvoker(activity);
            invoker.Extensions.Add(workflowContext);
            invoker.Extensions.Add(tracing);
            if (context.ServiceFactory != null)
                invoker.Extensions.Add((IOrganizationServiceFactory)new WorkflowUserServiceFactory(context.ServiceFactory, context.UserId));

            IDictionary<string, object> raw;
            try
            {
                raw = invoker.Invoke(arguments);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (StopWorkflowException stop) when (stop.Status != XrmWorkflowCompletionStatus.Failed)
            {
                return new WorkflowRunResult(new Dictionary<string, object>(), tracing.Lines, workflowContext, stop.Status);
            }
            catch (Exception e)
            {
                throw new InvalidPluginExecutionException(e.Message, e);
            }

            return new WorkflowRunResult(MapOutputs(parameters, raw), tracing.Lines, workflowContext,
                XrmWorkflowCompletionStatus.Succeeded);
        }

        private static Dictionary<string, object> MapInputs(Activity activity, IReadOnlyList<ActivityParameter> parameters,
            IDictionary<string, object> inputs)
        {
            var arguments = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in inputs ?? new Dictionary<string, object>())
            {
                var parameter = ActivityParameters.FindInput(parameters, pair.Key);
                if (parameter == null)
                {
                    var known = string.Join(", ", parameters.Where(p => p.IsInput).Select(p => "'" + p.DisplayInputName + "'"));
                    throw new ArgumentException(
                        $"Activity '{activity.GetType().Name}' has no input named '{pair.Key}'. Its inputs: {known}.", nameof(inputs));
                }
                if (arguments.ContainsKey(parameter.PropertyName))
                    throw new ArgumentException($"Input '{parameter.DisplayInputName}' is given twice.", nameof(inputs));
                arguments[parameter.PropertyName] = ActivityParameters.Convert(parameter, pair.Value);
            }
            // The designer fills unset inputs from [Default]; explicit values win.
            foreach (var parameter in parameters.Where(p => p.IsInput && p.Default != null && !arguments.ContainsKey(p.PropertyName)))
                arguments[parameter.PropertyName] = ActivityParameters.DefaultValue(parameter);
            return arguments;
        }

        private static IReadOnlyDictionary<string, object> MapOutputs(IReadOnlyList<ActivityParameter> parameters,
            IDictionary<string, object> raw)
        {
            var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in raw)
            {
                var parameter = parameters.FirstOrDefault(p => p.IsOutput && p.PropertyName == pair.Key);
                outputs[parameter?.OutputName ?? pair.Key] = pair.Value;
            }
            return outputs;
        }
    }
}
