using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    public class QueryOrderPagingTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public QueryOrderPagingTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        private static (InMemorySource Source, List<Entity> Rows) Many(int count)
        {
            var source = new InMemorySource(TestData.Catalog());
            var rows = new List<Entity>(count);
            for (int i = 0; i < count; i++)
            {
                var e = new Entity("account", Guid.NewGuid()) { ["name"] = "Account " + (i % 97) }; // many ties
                if (i % 10 != 0) e["numberofemployees"] = i % 13;                                      // some nulls
                e["industrycode"] = new OptionSetValue(1 + i % 3);
                rows.Add(source.Add(e));
            }
            return (source, rows);
        }

        [Fact]
        public void Orders_Multiple_NullsFirstAscending_LastDescending()
        {
            var (source, _) = TestData.Small();
            var engine = new QueryEngine(source);
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
            query.AddOrder("numberofemployees", OrderType.Ascending);
            Assert.Equal(new[] { "Adventure Works", "litware_inc", "Contoso", null, "Fabrikam" }, TestData.Names(engine.Execute(query, TestData.Context())));

            query.Orders.Clear();
            query.AddOrder("numberofemployees", OrderType.Descending);
            Assert.Equal(new[] { "Fabrikam", null, "Contoso", "litware_inc", "Adventure Works" }, TestData.Names(engine.Execute(query, TestData.Context())));

            // Choices order by label: Banking (2) < Consulting (3) < Retail (1); then by name descending.
            query.Orders.Clear();
            query.AddOrder("industrycode", OrderType.Ascending);
            query.AddOrder("name", OrderType.Descending);
            Assert.Equal(new[] { "litware_inc", "Fabrikam", null, "Contoso", "Adventure Works" }, TestData.Names(engine.Execute(query, TestData.Context())));
        }

        [Fact]
        public void Distinct_And_Top()
        {
            var (source, _) = Many(300);
            var engine = new QueryEngine(source);
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), Distinct = true };
            query.AddOrder("name", OrderType.Ascending);
            var result = engine.Execute(query, TestData.Context());
            Assert.Equal(97, result.Entities.Count);
            Assert.Equal(97, result.Entities.Select(e => e.GetAttributeValue<string>("name")).Distinct().Count());
            Assert.All(result.Entities, e => Assert.Equal(Guid.Empty, e.Id));

            var top = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 7 };
            top.AddOrder("name", OrderType.Descending);
            var topResult = engine.Execute(top, TestData.Context());
            Assert.Equal(7, topResult.Entities.Count);
            Assert.Equal("Account 96", topResult.Entities[0]["name"]);
            Assert.False(topResult.MoreRecords);
        }

        [Fact]
        public void TopWithPaging_Faults()
        {
            var (source, _) = Many(10);
            var query = new QueryExpression("account") { TopCount = 5, PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => new QueryEngine(source).Execute(query, TestData.Context()));
            Assert.Contains("top", fault.Detail.Message);
        }

        [Fact]
        public void WalkByCookie_12345Rows_NoLossNoDuplicate_WithTies()
        {
            var (source, rows) = Many(12345);
            var engine = new QueryEngine(source);
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
            query.AddOrder("numberofemployees", OrderType.Descending);
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 1000, PageNumber = 1, ReturnTotalRecordCount = true };

            var seen = new List<Guid>();
            EntityCollection page;
            int pages = 0;
            do
            {
                page = engine.Execute(query, TestData.Context());
                seen.AddRange(page.Entities.Select(e => e.Id));
                pages++;
                Assert.NotNull(page.PagingCookie);
                Assert.Equal(5000, page.TotalRecordCount);
                Assert.True(page.TotalRecordCountLimitExceeded);
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
                // Rows inserted behind the cursor must not shift the walk (keyset, not offset).
                if (pages == 3) source.Add(new Entity("account") { ["name"] = "Account 0", ["numberofemployees"] = 99 });
            } while (page.MoreRecords);
            _output.WriteLine($"last cookie: {page.PagingCookie}");

            Assert.Equal(13, pages);
            Assert.Equal(12345, seen.Count);
            Assert.Equal(12345, seen.Distinct().Count());
            Assert.True(rows.Select(r => r.Id).ToHashSet().SetEquals(seen));
        }

        [Fact]
        public void Cookie_HasServerShape()
        {
            var (source, _) = Many(30);
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 10, PageNumber = 1 } };
            var page = new QueryEngine(source).Execute(query, TestData.Context());
            var cookie = XElement.Parse(page.PagingCookie);
            Assert.Equal("cookie", cookie.Name.LocalName);
            Assert.Equal("1", (string)cookie.Attribute("page"));
            var id = Assert.Single(cookie.Elements());
            Assert.Equal("accountid", id.Name.LocalName);
            Assert.Equal(page.Entities.Last().Id, Guid.Parse((string)id.Attribute("last")));
            Assert.Equal(page.Entities.First().Id, Guid.Parse((string)id.Attribute("first")));
            Assert.StartsWith("{", (string)id.Attribute("last"));
            Assert.True(page.MoreRecords);
            Assert.Equal(-1, page.TotalRecordCount);
        }

        [Fact]
        public void WalkByPageNumber_MatchesCookieWalk()
        {
            var (source, _) = Many(2345);
            var engine = new QueryEngine(source);
            var byNumber = new List<Guid>();
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 500, PageNumber = 1 };
            EntityCollection page;
            do
            {
                page = engine.Execute(query, TestData.Context());
                byNumber.AddRange(page.Entities.Select(e => e.Id));
                query.PageInfo.PageNumber++;
            } while (page.MoreRecords);
            Assert.Equal(2345, byNumber.Distinct().Count());

            query.PageInfo = new PagingInfo { Count = 0, PageNumber = 0 };
            var all = engine.Execute(query, TestData.Context());
            Assert.Equal(byNumber, all.Entities.Select(e => e.Id));
        }

        [Fact]
        public void UnpagedQuery_IsCappedAt5000()
        {
            var (source, _) = Many(6000);
            var result = new QueryEngine(source).Execute(new QueryExpression("account"), TestData.Context());
            Assert.Equal(5000, result.Entities.Count);
            Assert.True(result.MoreRecords);
        }

        [Fact]
        public void Equality_filter_over_10k_rows_returns_exactly_the_matching_rows()
        {
            var (source, rows) = Many(10000);
            var engine = new QueryEngine(source);
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, "Account 42");
            var expected = engine.Execute(query, TestData.Context()).Entities.Count;
            Assert.Equal(rows.Count(r => (string)r["name"] == "Account 42"), expected);
        }
    }
}
