using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>The widget organisation the index and paging tests read, and the index-free form of a query.</summary>
    internal static class Widgets
    {
        /// <summary>Widget i as <paramref name="widget"/> makes it (named "w" + i); a Create of one named "refuse" is refused, so
        /// a test can roll a Create back.</summary>
        public static DataverseEngine Boot(int count, Action<int, Entity> widget, out List<Guid> ids)
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
            {
                if (run.Target.GetAttributeValue<string>("crmc_name") == "refuse") throw new InvalidPluginExecutionException("No.");
            });
            DataverseEngine engine = org.Boot();
            ids = new List<Guid>();
            for (int i = 0; i < count; i++)
            {
                var row = new Entity("crmc_widget") { ["crmc_name"] = "w" + i };
                widget(i, row);
                ids.Add(engine.SystemService.Create(row));
            }
            return engine;
        }

        /// <summary>The same query with its filter inside a one-branch OR: the same rows, out of any index's reach (a scan).</summary>
        public static QueryExpression Unindexed(QueryExpression query)
        {
            var copy = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet };
            foreach (OrderExpression order in query.Orders) copy.Orders.Add(order);
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddFilter(query.Criteria);
            copy.Criteria.AddFilter(either);
            return copy;
        }
    }
}
