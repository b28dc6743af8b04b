using System;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>What waits in a queue (the unrouted desk, a function's desk), as its members see it.</summary>
    public static class QueueOrg
    {
        /// <summary>Whether <paramref name="record"/> has its item in <paramref name="queue"/>.</summary>
        public static bool WaitsIn(this CrmCollabOrg org, Guid queue, Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return org.System.RetrieveMultiple(query).Entities.Count == 1;
        }
    }
}
