using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Which of the columns an administrator typed the opportunity does not have, asked of the server itself (so any
    /// column added later is accepted): a one-row query fails on an unknown column. Meant for PreValidation steps,
    /// whose failed calls can be caught; inside a caller's transaction a failed call would end that transaction, so
    /// nothing is probed there and the caller's other checks have to name the column.
    /// </summary>
    public static class OpportunityColumns
    {
        public static IReadOnlyList<string> Unknown(LocalPluginContext context, IReadOnlyCollection<string> columns)
        {
            if (columns.Count == 0) return new string[0];
            if (context.ExecutionContext.IsInTransaction)
            {
                context.Trace("Saved inside a transaction: the opportunity columns {0} are not probed.", string.Join(", ", columns));
                return new string[0];
            }
            // One query for all columns; only when it is refused, one per column to name the culprits.
            if (Exist(context.SystemService, columns.ToArray())) return new string[0];
            return columns.Where(c => !Exist(context.SystemService, c)).ToArray();
        }

        private static bool Exist(IOrganizationService service, params string[] columns)
        {
            try
            {
                service.RetrieveMultiple(new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(columns), TopCount = 1 });
                return true;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                return false;
            }
        }
    }
}
