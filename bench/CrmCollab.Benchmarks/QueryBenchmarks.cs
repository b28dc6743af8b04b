using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Benchmarks
{
    /// <summary>RetrieveMultiple over 10,000 rows (goal ≤ 15 ms), plain and with one link-entity, next to a list scan.</summary>
    [MemoryDiagnoser]
    public class QueryBenchmarks
    {
        private IOrganizationService _service;
        private readonly List<Entity> _rows = new List<Entity>();
        private QueryExpression _equality;
        private QueryExpression _linked;

        [GlobalSetup]
        public void Setup()
        {
            DataverseEngine engine = BenchOrganization.WithThreeUpdateSteps();
            _service = engine.SystemService;
            var parents = Enumerable.Range(0, 100).Select(i => _service.Create(new Entity("account") { ["name"] = "Parent " + i })).ToList();
            for (int i = 0; i < 10_000; i++)
            {
                var row = BenchOrganization.Account(i);
                row["parentaccountid"] = new EntityReference("account", parents[i % parents.Count]);
                _service.Create(row);
                _rows.Add(row);
            }
            _equality = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            _equality.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "A-42");
            _linked = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            _linked.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "A-42");
            LinkEntity parent = _linked.AddLink("account", "parentaccountid", "accountid");
            parent.EntityAlias = "parent";
            parent.Columns = new ColumnSet("name");
        }

        [Benchmark(Baseline = true, Description = "baseline: List scan, one equality")]
        public int ListScan() => _rows.Count(r => (string)r["accountnumber"] == "A-42");

        [Benchmark(Description = "RetrieveMultiple 10k rows, one equality")]
        public int RetrieveMultiple() => _service.RetrieveMultiple(_equality).Entities.Count;

        [Benchmark(Description = "RetrieveMultiple 10k rows, + link-entity")]
        public int RetrieveMultipleWithLink() => _service.RetrieveMultiple(_linked).Entities.Count;
    }
}
