using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A query's plan as <see cref="PlanCache"/> keeps it: the private copy it was compiled from (its key), the
    /// resolved plan with its links' criteria, the root filter split around the joins, and the projector. Nothing in it
    /// changes once built, and nothing in it depends on the caller, the clock, paging or the rows.
    /// </summary>
    internal sealed class CompiledQuery
    {
        public CompiledQuery(QueryExpression key, int hash, QueryPlan plan, Func<Entity[], bool> beforeJoin,
            Func<Entity[], bool> afterJoin, Projector projector, PlanMetadata metadata)
        {
            Key = key;
            Hash = hash;
            Plan = plan;
            BeforeJoin = beforeJoin;
            AfterJoin = afterJoin;
            Projector = projector;
            Metadata = metadata;
        }

        public QueryExpression Key { get; }
        public int Hash { get; }
        public QueryPlan Plan { get; }
        public Func<Entity[], bool> BeforeJoin { get; }
        public Func<Entity[], bool> AfterJoin { get; }
        public Projector Projector { get; }
        public PlanMetadata Metadata { get; }
    }
}
