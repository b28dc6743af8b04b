using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>statecode/statuscode pairs: defaults, consistency and the table's allowed state moves.</summary>
    internal static class StateRules
    {
        public static bool HasState(TableDefinition table) => table.Column("statecode")?.OptionSet != null;

        /// <summary>The first state and its default status, as the platform sets them on create.</summary>
        public static (int State, int? Status) Initial(TableDefinition table)
        {
            var state = table.Column("statecode").OptionSet.Options.First();
            return (state.Value, DefaultStatus(table, state.Value));
        }

        public static int? DefaultStatus(TableDefinition table, int state)
        {
            var declared = table.Column("statecode")?.OptionSet?.Find(state)?.DefaultStatus;
            if (declared != null) return declared;
            var statuses = table.Column("statuscode")?.OptionSet?.Options;
            if (statuses == null) return null;
            foreach (var option in statuses)
                if (option.State == state) return option.Value;
            return null;
        }

        /// <summary>
        /// Resolves the (state, status) an update asks for against the current row, filling the state's default status
        /// whenever no status is given (the state changed or not), and checks pair consistency and the allowed transition.
        /// </summary>
        public static void Apply(TableDefinition table, Entity current, Entity target)
        {
            bool hasState = target.Contains("statecode"), hasStatus = target.Contains("statuscode");
            if (!hasState && !hasStatus) return;
            int oldState = current?.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? Initial(table).State;
            int newState = hasState ? target.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? oldState : oldState;
            int? newStatus = hasStatus ? target.GetAttributeValue<OptionSetValue>("statuscode")?.Value : null;
            if (newStatus == null)
            {
                // "When you update StateCode without specifying a StatusCode, the default status value will be set by the
                // system" (powerapps-docs special-update-operation-behavior.md; webapi/update-delete-entities-using-web-api.md):
                // the state named again, unchanged, takes its default too. A status sent as null takes its state's default.
                newStatus = DefaultStatus(table, newState);
                if (newStatus != null) target["statuscode"] = new OptionSetValue(newStatus.Value);
            }
            var statusOption = table.Column("statuscode")?.OptionSet?.Find(newStatus ?? -1);
            if (newStatus != null && statusOption != null && statusOption.State != null && statusOption.State != newState)
                throw Faults.Create(ErrorCodes.InvalidStateCodeStatusCode,
                    $"{newStatus} is not a valid status code for state code {table.LogicalName}State.{StateLabel(table, newState)} on {table.LogicalName}" +
                    (current != null ? $" with Id {current.Id}." : "."));
            if (current != null && newState != oldState && table.StateTransitions.Count > 0
                && !table.StateTransitions.Contains((oldState, newState)))
                throw Faults.Create(ErrorCodes.InvalidStateTransition,
                    $"The {table.LogicalName} (Id={current.Id}) entity or component has attempted to transition from an invalid state: {StateLabel(table, oldState)} to {StateLabel(table, newState)}.");
            if (hasState || !target.Contains("statecode")) target["statecode"] = new OptionSetValue(newState);
        }

        private static string StateLabel(TableDefinition table, int state) =>
            table.Column("statecode")?.OptionSet?.Find(state)?.Label ?? state.ToString();
    }
}
