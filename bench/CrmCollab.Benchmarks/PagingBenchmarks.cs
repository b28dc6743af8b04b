using System;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// Reading a whole table page by page (5,000 rows, by paging cookie, ordered by id), as a report or an export does.
    /// Goal: linear in the table — 100,000 rows cost ≤ 5.5× what 20,000 do (pages × table would be 25×).
    /// </summary>
    [MemoryDiagnoser]
    public class PagingBenchmarks
    {
        private IOrganizationService _service;

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
            }
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
