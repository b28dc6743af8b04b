using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// A link on a lookup column (not the linked table's key) seeks each parent's id in that column's index where the source
    /// keeps one, as SQL Server seeks an index, instead of reading the whole linked table: same rows, the link's criteria and
    /// row security applied, each id sought once.
    /// </summary>
    public class QueryLinkSeekTests
    {
        /// <summary>The small source with an "index" on every column: a superset (the whole table), counted; scans counted.</summary>
        private sealed class IndexedSource : IQueryDataSource
        {
            private readonly InMemorySource _inner;
            public IndexedSource(InMemorySource inner) => _inner = inner;
            public List<(string Table, string Column, object Value)> Finds { get; } = new List<(string, string, object)>();
            public List<string> Scans { get; } = new List<string>();
            public MetadataCatalog Catalog => _inner.Catalog;
            public IEnumerable<Entity> Scan(string table) { Scans.Add(table); return _inner.Scan(table); }
            public bool TryGet(string table, Guid id, out Entity row) => _inner.TryGet(table, id, out row);
            public IEnumerable<Entity> Find(string table, string column, object value)
            {
                Finds.Add((table, column, value));
                return _inner.Scan(table).ToList(); // a superset: the engine still compares the column
            }
        }

        private static List<(string, string)> Pairs(EntityCollection rows) => rows.Entities
            .Select(e => (e.GetAttributeValue<string>("name"), e.Contains("c.fullname") ? (string)((AliasedValue)e["c.fullname"]).Value : null))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();

        private static QueryExpression AccountsWithContacts(bool onlyWithChildren)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            link.EntityAlias = "c";
            link.Columns = new ColumnSet("fullname");
            if (onlyWithChildren) link.LinkCriteria.AddCondition("numberofchildren", ConditionOperator.GreaterThan, 0);
            return query;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_link_on_a_lookup_column_gives_the_rows_a_hash_of_the_linked_table_gives_seeking_each_account_once(bool withLinkCriteria)
        {
            var (plain, _) = TestData.Small();
            var expected = Pairs(new QueryEngine(plain).Execute(AccountsWithContacts(withLinkCriteria), TestData.Context()));
            Assert.Contains(expected, p => p.Item2 != null);
            Assert.Contains(expected, p => p.Item2 == null);

            var indexed = new IndexedSource(plain);
            var actual = Pairs(new QueryEngine(indexed).Execute(AccountsWithContacts(withLinkCriteria), TestData.Context()));

            Assert.Equal(expected, actual);
            Assert.DoesNotContain("contact", indexed.Scans); // the linked table is never read whole
            var sought = indexed.Finds.Where(f => f.Table == "contact").ToList();
            Assert.All(sought, f => Assert.Equal("parentcustomerid", f.Column));
            Assert.Equal(sought.Count, sought.Select(f => f.Value).Distinct().Count()); // each account's id once
            Assert.Equal(plain.Scan("account").Count(), sought.Count);
        }

        [Fact]
        public void A_seeking_link_keeps_out_the_linked_rows_the_caller_cannot_read()
        {
            var (plain, _) = TestData.Small();
            var context = TestData.Context();
            context.CanRead = (table, row) => table != "contact" || row.GetAttributeValue<string>("fullname") != "Bob Jones";
            var expected = Pairs(new QueryEngine(plain).Execute(AccountsWithContacts(false), context));
            var actual = Pairs(new QueryEngine(new IndexedSource(plain)).Execute(AccountsWithContacts(false), context));
            Assert.Equal(expected, actual);
            Assert.DoesNotContain(actual, p => p.Item2 == "Bob Jones");
        }
    }
}
