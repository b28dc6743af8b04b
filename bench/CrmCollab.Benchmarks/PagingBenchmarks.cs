using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// Reading a whole table page by page (5,000 rows, by paging cookie, ordered by id), as a report or an export does.
    /// Goal: linear in the table, judged against the baseline (the same rows in a list, which itself costs more per row
    /// at 100,000 than at 20,000 once they outgrow the caches): the Ratio at 100,000 rows ≤ 1.1 × the Ratio at 20,000.
    /// Scanning the whole table for every page would multiply the Ratio by the page count (5 → 25 pages here).
    /// </summary>
    [MemoryDiagnoser]
    public class PagingBenchmarks
    {
        private IOrganizationService _service;
        private readonly List<Entity> _rows = new List<Entity>();

        [Params(20_000, 100_000)]
        public int Rows { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            DataverseEngine engine = BenchOrganization.WithThreeUpdateSteps();
            _service = engine.SystemService;
            for (int i = 0; i < Rows; i++)
            {
                Entity row = BenchOrganization.Account(i);
                if (i % 4 == 0) row["description"] = "key account"; // the filter keeps three rows in four
                _service.Create(row);
                _rows.Add(row);
            }
        }

        /// <summary>The same rows in a list, filtered and copied once each: what memory alone costs at this size.</summary>
        [Benchmark(Baseline = true, Description = "baseline: List scan, filter, copy each match")]
        public int ListScanCopy()
        {
            int read = 0;
            foreach (Entity row in _rows)
            {
                if (row.Contains("description")) continue;
                var copy = new Entity("account", row.Id) { ["name"] = row["name"] };
                read += copy.Attributes.Count;
            }
            return read;
        }

        [Benchmark(Description = "Read every page by cookie (filtered, ordered by id)")]
        public int ReadEveryPage()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            query.Criteria.AddCondition("description", ConditionOperator.Null);
            query.AddOrder("accountid", OrderType.Ascending);
            int read = 0;
            while (true)
            {
                EntityCollection page = _service.RetrieveMultiple(query);
                read += page.Entities.Count;
                if (!page.MoreRecords) return read;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
