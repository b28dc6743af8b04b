using System.Globalization;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Optimistic concurrency (powerapps-docs optimistic-concurrency.md; org-service/entity-operations-update-delete.md):
    /// an Update, Delete or UpdateMultiple whose ConcurrencyBehavior is IfRowVersionMatches is applied only when the row's
    /// version equals the RowVersion of the target; with no RowVersion "the request fails immediately"
    /// (ConcurrencyBehavior enum). Default and AlwaysOverwrite write without regard to the version. Where in the
    /// pipeline the platform compares is not documented: the engine compares before the operation's first step
    /// (PreValidation) runs and before anything is written, so a refused request runs no step and leaves no trace.
    /// </summary>
    internal static class OptimisticConcurrency
    {
        private const string Parameter = "ConcurrencyBehavior";

        /// <summary>
        /// True when the request asks IfRowVersionMatches. A request carrying only its target (every Update and Delete
        /// that names no optional parameter) is answered by the parameter count: no dictionary lookup.
        /// </summary>
        public static bool Asked(OrganizationRequest request)
        {
            var parameters = request.Parameters;
            if (parameters.Count < 2 || !parameters.TryGetValue(Parameter, out var value)) return false;
            return value is ConcurrencyBehavior behavior ? behavior == ConcurrencyBehavior.IfRowVersionMatches
                : value is int number && number == (int)ConcurrencyBehavior.IfRowVersionMatches;
        }

        /// <summary>
        /// Refuses, with the documented fault, a target whose row version is missing (ConcurrencyVersionNotProvided), a table
        /// not enabled for optimistic concurrency (OptimisticConcurrencyNotEnabled) or a row changed since the version was
        /// read (ConcurrencyVersionMismatch). Which of the first two the platform reports when both hold is not
        /// documented: the engine reports the missing version, which "fails immediately".
        /// </summary>
        public static void Demand(TableDefinition table, string sentVersion, Entity stored)
        {
            if (string.IsNullOrEmpty(sentVersion))
                throw Faults.Create(ErrorCodes.ConcurrencyVersionNotProvided, ErrorCodes.ConcurrencyVersionNotProvidedMessage);
            if (!table.IsOptimisticConcurrencyEnabled)
                throw Faults.Create(ErrorCodes.OptimisticConcurrencyNotEnabled,
                    string.Format(CultureInfo.InvariantCulture, ErrorCodes.OptimisticConcurrencyNotEnabledMessage, table.LogicalName));
            if (!string.Equals(sentVersion, StoredVersion(stored), System.StringComparison.Ordinal))
                throw Faults.Create(ErrorCodes.ConcurrencyVersionMismatch, ErrorCodes.ConcurrencyVersionMismatchMessage);
        }

        /// <summary>The row's version as Retrieve gives it (Entity.RowVersion), else its versionnumber column.</summary>
        private static string StoredVersion(Entity stored)
        {
            if (!string.IsNullOrEmpty(stored.RowVersion)) return stored.RowVersion;
            return stored.Attributes.TryGetValue("versionnumber", out var number) && number is long version
                ? version.ToString(CultureInfo.InvariantCulture) : null;
        }
    }
}
