using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// Base of every CrmCollab plugin. Stateless: only the step configuration is kept between executions, since
    /// the platform caches one instance per step and runs it on many threads at once.
    /// Derived classes declare their <see cref="RegisteredEvents"/> and keep their bodies small.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        /// <summary>Stops the operation with the refusal (its sentence and code reach the user); nothing when null.</summary>
        protected static void Throw(Domain.Refusal refusal)
        {
            if (refusal != null) throw new InvalidPluginExecutionException(refusal.Message);
        }

        private readonly List<RegisteredEvent> _events = new List<RegisteredEvent>();

        protected PluginBase(string unsecureConfiguration = null, string secureConfiguration = null)
        {
            PluginName = GetType().Name;
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        protected string PluginName { get; }

        protected string UnsecureConfiguration { get; }

        protected string SecureConfiguration { get; }

        /// <summary>What this plugin handles; filled by derived constructors through <see cref="Register"/>.</summary>
        public IReadOnlyList<RegisteredEvent> RegisteredEvents => _events;

        /// <summary>Declares an event; chain its mode, filtering attributes and images (what solution/ must register).</summary>
        protected RegisteredEvent Register(PipelineStage stage, string messageName, string entityName, Action<LocalPluginContext> handler)
        {
            var registered = new RegisteredEvent(stage, messageName, entityName, handler);
            _events.Add(registered);
            return registered;
        }

        /// <summary>Declares the custom API whose main operation this plug-in is (Global: no table).</summary>
        protected RegisteredEvent RegisterCustomApi(string uniqueName, Action<LocalPluginContext> handler) =>
            Register(PipelineStage.MainOperation, uniqueName, null, handler).AsCustomApi();

        public void Execute(IServiceProvider serviceProvider)
        {
            var local = new LocalPluginContext(serviceProvider);
            IPluginExecutionContext context = local.ExecutionContext;
            // The platform's plug-in trace log already records the message, table, stage, mode, depth and correlation
            // of each execution in its own columns: the line adds the record, which the log does not name. No closing
            // line: the log records each execution's end and duration itself, and a refusal or failure is traced below.
            local.Trace("Entered {0}.Execute(): {1} of {2} {3}.", PluginName, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId);
            try
            {
                RegisteredEvent registered = Find(context);
                if (registered == null)
                {
                    // A step registered without a matching handler is a deployment mistake: refuse loudly. The person
                    // reads a coded sentence; the plug-in and the event it was given are for the administrator (trace).
                    local.Trace("{0} is registered on {1} of {2} at stage {3}, but handles no such event.",
                        PluginName, context.MessageName, context.PrimaryEntityName, context.Stage);
                    throw new InvalidPluginExecutionException(Domain.StepFailure.NotHandled().Message);
                }
                registered.Handler(local);
                // What this part of a save sends, for the steps of a second part the platform may split off (SplitSave).
                SplitSave.Remember(context);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                string reason = fault.Detail?.Message ?? fault.Message;
                int code = fault.Detail?.ErrorCode ?? 0;
                local.Trace("{0} failed on a service call: {1}", PluginName, reason);
                // A step's refusal of the nested write (a CrmCollab rule's, with its code, or another plug-in's) keeps its
                // own words. Any other fault reads one coded sentence: the platform's text can name ids and internal
                // names, so it stays in the trace, with the step.
                string message = Domain.PlatformFault.IsStepRefusal(code, reason) ? reason : Domain.PlatformFault.Refusal(code).Message;
                throw new InvalidPluginExecutionException(message, fault);
            }
            // A refusal is traced as it passes (the filter catches nothing), so it is thrown once, not again here.
            catch (InvalidPluginExecutionException refusal) when (TraceRefusal(local, refusal))
            {
                throw; // never reached: TraceRefusal is false
            }
            catch (Exception unexpected) when (!(unexpected is InvalidPluginExecutionException))
            {
                // A defect, not a rule: its type, message and stack are the administrator's (trace); the person reads
                // one coded sentence, and the operation rolls back as for any refusal.
                local.Trace("{0} failed unexpectedly: {1}", PluginName, unexpected.ToString());
                throw new InvalidPluginExecutionException(Domain.StepFailure.Unexpected().Message, unexpected);
            }
        }

        private bool TraceRefusal(LocalPluginContext local, InvalidPluginExecutionException refusal)
        {
            local.Trace("{0} refused the operation: {1}", PluginName, refusal.Message);
            return false;
        }

        private RegisteredEvent Find(IPluginExecutionContext context)
        {
            foreach (RegisteredEvent candidate in _events)
            {
                if (candidate.Matches(context.Stage, context.MessageName, context.PrimaryEntityName)) return candidate;
            }
            return null;
        }
    }
}
