using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A request whose name is a custom API of the solution. Refused before any step when the caller lacks the API's
    /// execute privilege or a parameter does not fit its definition; then, as Dataverse runs it: PreValidation and
    /// PreOperation steps registered on it → its plug-in type as the main operation (stage 30, synchronous, in the
    /// transaction, OutputParameters writable) → PostOperation steps → commit → async steps. The response carries every
    /// response property of the API, as the plug-ins set it or its type's default, and nothing else.
    /// </summary>
    internal static class CustomApiHandler
    {
        /// <summary>Optional parameters any request may carry (Microsoft Learn, "Use optional parameters").</summary>
        private static readonly HashSet<string> PlatformParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            PipelineRunner.TagParameter, LogicBypass.PluginParameter, LogicBypass.LogicParameter, LogicBypass.StepIdsParameter,
            "SuppressCallbackRegistrationExpanderJob", "SuppressDuplicateDetection", "SolutionUniqueName",
        };

        public static OrganizationResponse Handle(MessageContext context, CustomApi entry)
        {
            var api = entry.Definition;
            if (api.ExecutePrivilegeName != null) context.Engine.Security?.DemandPrivilege(context.Frame.UserId, api.ExecutePrivilegeName);
            CheckParameters(api, context.Request.Parameters);
            var target = api.Binding == CustomApiBinding.Entity ? context.Request.Parameters["Target"] as EntityReference : null;

            Operation ran = null;
            context.Run(new OperationSpec
            {
                MessageName = api.UniqueName,
                PrimaryEntityName = api.BoundEntityLogicalName ?? "none",
                PrimaryEntityId = target?.Id ?? Guid.Empty,
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    ran = op;
                    if (entry.MainStep != null)
                        context.Engine.Pipeline.Execute(op, entry.MainStep, (int)StepStage.MainOperation, mode: 0, inTransaction: true);
                    return null;
                },
            });
            // Every response property the API defines, and nothing else: one no code set has its type's default value
            // (Microsoft Learn, "CustomAPI table columns", Plugin Type: "any output parameter values will return the default
            // values for the type").
            var response = new OrganizationResponse { ResponseName = api.UniqueName };
            foreach (var property in api.ResponseProperties)
                response.Results[property.UniqueName] = ran != null && ran.HasOutputParameters && ran.OutputParameters.TryGetValue(property.UniqueName, out var value)
                    ? value
                    : CustomApiField.DefaultValue(property.Type);
            return response;
        }

        /// <summary>Every parameter defined and of its declared type, every required one present (a null value is absent).</summary>
        private static void CheckParameters(CustomApiDefinition api, ParameterCollection parameters)
        {
            foreach (var pair in parameters)
            {
                if (PlatformParameters.Contains(pair.Key)) continue;
                if (pair.Key == "Target" && api.Binding != CustomApiBinding.Global) continue;
                var defined = api.RequestParameter(pair.Key)
                    ?? throw Faults.Invalid($"'{pair.Key}' is not a request parameter of custom API '{api.UniqueName}', which takes " +
                        $"{(api.RequestParameters.Count == 0 ? "none" : string.Join(", ", api.RequestParameters.Select(p => p.UniqueName)))}: " +
                        "remove it or correct its name (parameter names are case-sensitive).");
                if (pair.Value == null) continue;
                var expected = CustomApiField.ClrType(defined.Type);
                if (!expected.IsInstanceOfType(pair.Value))
                    throw Faults.Invalid($"Parameter '{pair.Key}' of custom API '{api.UniqueName}' is declared {defined.Type} ({expected.FullName}) " +
                        $"but was given a {pair.Value.GetType().FullName}.");
                var table = (pair.Value as EntityReference)?.LogicalName ?? (pair.Value as Entity)?.LogicalName;
                if (defined.LogicalEntityName != null && table != null && table != defined.LogicalEntityName)
                    throw Faults.Invalid($"Parameter '{pair.Key}' of custom API '{api.UniqueName}' takes a {defined.LogicalEntityName} row, not a {table} row.");
            }
            foreach (var required in api.RequestParameters.Where(p => !p.IsOptional))
                if (!parameters.TryGetValue(required.UniqueName, out var value) || value == null)
                    throw Faults.Invalid($"Required field '{required.UniqueName}' is missing: custom API '{api.UniqueName}' requires it ({required.Type}).");
            if (api.Binding == CustomApiBinding.Entity
                && !(parameters.TryGetValue("Target", out var target) && target is EntityReference reference && reference.LogicalName == api.BoundEntityLogicalName))
                throw Faults.Invalid($"Required field 'Target' is missing: custom API '{api.UniqueName}' is bound to {api.BoundEntityLogicalName} and needs " +
                    $"an EntityReference to a {api.BoundEntityLogicalName} row as Target.");
        }
    }
}
