using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>
    /// The optional parameters that tell Dataverse not to run custom logic for one request (Microsoft Learn, "Bypass
    /// custom Dataverse logic"): <c>BypassCustomPluginExecution</c> (true: synchronous custom steps; needs
    /// prvBypassCustomPlugins), <c>BypassBusinessLogicExecution</c> ("CustomSync", "CustomAsync" or both, comma
    /// separated) and <c>BypassBusinessLogicExecutionStepIds</c> (comma-separated step ids, three at most), both needing
    /// prvBypassCustomBusinessLogic. A caller without the privilege is refused; SYSTEM holds every privilege.
    /// The parameters concern the request they travel with only: a plugin's own calls run their steps.
    /// </summary>
    internal static class LogicBypass
    {
        public const string PluginParameter = "BypassCustomPluginExecution";
        public const string LogicParameter = "BypassBusinessLogicExecution";
        public const string StepIdsParameter = "BypassBusinessLogicExecutionStepIds";
        public const string PluginPrivilege = "prvBypassCustomPlugins";
        public const string LogicPrivilege = "prvBypassCustomBusinessLogic";

        /// <summary>The steps that still run for the request; throws when the caller may not bypass.</summary>
        public static StepDefinition[] Apply(StepDefinition[] steps, OrganizationRequest request, Guid userId, ISecurityGuard security)
        {
            ParameterCollection parameters = request.Parameters;
            if (parameters.Count == 0) return steps;
            bool sync = false, async = false;
            HashSet<Guid> stepIds = null;
            if (parameters.TryGetValue(PluginParameter, out object plugins) && plugins is bool skipPlugins && skipPlugins)
            {
                Demand(security, userId, PluginPrivilege);
                sync = true;
            }
            if (parameters.TryGetValue(LogicParameter, out object logic) && logic is string kinds && kinds.Trim().Length > 0)
            {
                Demand(security, userId, LogicPrivilege);
                foreach (string kind in kinds.Split(','))
                {
                    if (string.Equals(kind.Trim(), "CustomSync", StringComparison.OrdinalIgnoreCase)) sync = true;
                    else if (string.Equals(kind.Trim(), "CustomAsync", StringComparison.OrdinalIgnoreCase)) async = true;
                }
            }
            if (parameters.TryGetValue(StepIdsParameter, out object ids) && ids is string list && list.Trim().Length > 0)
            {
                Demand(security, userId, LogicPrivilege);
                string[] named = list.Split(',');
                RefuseOverLimit(named);
                stepIds = new HashSet<Guid>();
                foreach (string id in named)
                    if (Guid.TryParse(id.Trim(), out Guid step)) stepIds.Add(step);
            }
            if (!sync && !async && stepIds == null) return steps;
            var kept = new List<StepDefinition>(steps.Length);
            foreach (StepDefinition step in steps)
            {
                bool skipped = (step.Mode == StepMode.Synchronous ? sync : async) || (stepIds != null && stepIds.Contains(step.Id));
                if (!skipped) kept.Add(step);
            }
            return kept.ToArray();
        }

        /// <summary>
        /// "To ensure that the parameter size isn't too large, the default limit on the number of steps you can pass is
        /// three" (the organisation setting BypassBusinessLogicExecutionStepIdsLimit, which the engine does not model:
        /// every organisation it boots has the default). Each id listed counts, as sent.
        /// </summary>
        public const int StepIdsLimit = 3;

        private static void RefuseOverLimit(string[] named)
        {
            int count = 0;
            foreach (string id in named)
                if (id.Trim().Length > 0) count++;
            if (count > StepIdsLimit)
                throw Faults.Invalid($"{StepIdsParameter} names {count} steps; at most {StepIdsLimit} step ids can be passed " +
                    "(the organisation's BypassBusinessLogicExecutionStepIdsLimit). Bypass fewer steps, or all custom logic " +
                    $"with {LogicParameter}.");
        }

        private static void Demand(ISecurityGuard security, Guid userId, string privilege) => security?.DemandPrivilege(userId, privilege);
    }
}
