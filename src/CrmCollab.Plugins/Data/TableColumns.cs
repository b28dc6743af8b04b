using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Which of the columns an administrator typed a table does not have, asked of the server itself (so any column
    /// added later is accepted): a one-row query fails on an unknown column. Meant for PreValidation steps, whose
    /// failed calls can be caught; inside a caller's transaction a failed call would end that transaction, so nothing
    /// is probed there (<see cref="CanProbe"/> is false) and the caller decides what to do without an answer.
    /// </summary>
    public static class TableColumns
    {
        public static bool CanProbe(LocalPluginContext context) => !context.ExecutionContext.IsInTransaction;

        public static IReadOnlyList<string> Unknown(LocalPluginContext context, string table, IReadOnlyCollection<string> columns)
        {
            if (columns.Count == 0) return new string[0];
            if (!CanProbe(context))
            {
                context.Trace("Saved inside a transaction: the {0} columns {1} are not probed.", table, string.Join(", ", columns));
                return new string[0];
            }
            // One query for all columns; only when it is refused, one per column to name the culprits.
            if (Exist(context.SystemService, table, columns.ToArray())) return new string[0];
            return columns.Where(c => !Exist(context.SystemService, table, c)).ToArray();
        }

        private static bool Exist(IOrganizationService service, string table, params string[] columns)
        {
            try
            {
                service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = 1 });
                return true;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                return false;
            }
        }
    }
}
