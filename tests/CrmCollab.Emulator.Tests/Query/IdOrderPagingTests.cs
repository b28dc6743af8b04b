using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Query;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// Reading a table page by page in id order (what a report or an export does) seeks after the cookie instead of
    /// scanning: the pages must be exactly those the sort gives, and the rows looked at must stay proportional to the
    /// table, not to pages × table.
    /// </summary>
    public class IdOrderPagingTests
    {
        /// <summary>Two widgets in three have a quantity (i % 1000), three in four are flagged.</summary>
        private static DataverseEngine EngineWithWidgets(int count, out List<Guid> ids) => Widgets.Boot(count, (i, widget) =>
        {
            if (i % 3 != 0) widget["crmc_quantity"] = i % 1000;
            widget["crmc_flag"] = i % 4 != 0;
        }, out ids);

        private static QueryExpression WidgetsWithQuantity(bool orderById)
        {
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            query.Criteria.AddCondition("crmc_quantity", ConditionOperator.NotNull);
            if (orderById) query.AddOrder("crmc_widgetid", OrderType.Ascending);
            return query;
        }

        /// <summary>Every page by cookie: ids, MoreRecords and cookies, page after page.</summary>
        private static List<string> Walk(IQueryDataSource source, QueryExpression query, int pageSize, QueryContext context)
        {
            var pages = new List<string>();
            query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
            while (true)
            {
                EntityCollection page = new QueryEngine(source).Execute(query, context);
                pages.Add(string.Join(",", page.Entities.Select(e => e.Id)) + "|" + page.MoreRecords + "|" + page.PagingCookie);
                if (!page.MoreRecords) return pages;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        [Fact]
        public void The_id_order_follows_inserts_and_deletes_across_chunk_splits()
        {
            var random = new Random(7);
            var ids = Enumerable.Range(0, 3000).Select(_ => NewId(random)).ToList();
            var index = new IdOrderIndex(ids.Take(1000).Select(Row));
            foreach (Guid id in ids.Skip(1000)) index.Add(Row(id)); // 2,000 random inserts split chunks
            foreach (Guid id in ids.Where((_, i) => i % 4 == 0)) index.Remove(id);
            var expected = ids.Where((_, i) => i % 4 != 0).OrderBy(id => id, Comparer<Guid>.Create(ValueComparer.CompareSqlGuid)).ToList();

            Assert.Equal(expected, IdsAfter(index, null));
            Assert.Equal(expected.Skip(1501), IdsAfter(index, expected[1500])); // a present id: strictly after it
            Guid removed = ids[400];
            int firstAfter = expected.FindIndex(id => ValueComparer.CompareSqlGuid(id, removed) > 0);
            Assert.Equal(expected.Skip(firstAfter), IdsAfter(index, removed)); // a deleted id still positions the seek
        }

        [Fact]
        public void A_walk_in_id_order_reads_each_rows_current_version()
        {
            var random = new Random(11);
            var ids = Enumerable.Range(0, 600).Select(_ => NewId(random)).ToList();
            var index = new IdOrderIndex(ids.Select(Row));
            foreach (Guid id in ids.Where((_, i) => i % 3 == 0)) index.Replace(new Entity("crmc_widget", id) { ["crmc_name"] = "second" });

            var walked = index.After(null).ToList();
            Assert.Equal(ids.OrderBy(id => id, Comparer<Guid>.Create(ValueComparer.CompareSqlGuid)), walked.Select(row => row.Id));
            Assert.Equal(200, walked.Count(row => row.GetAttributeValue<string>("crmc_name") == "second"));
            Assert.All(walked.Where(row => ids.IndexOf(row.Id) % 3 == 0), row => Assert.Equal("second", row["crmc_name"]));
        }

        [Fact]
        public void An_update_and_its_rollback_are_what_the_next_walk_in_id_order_reads()
        {
            DataverseEngine engine = EngineWithWidgets(400, out List<Guid> ids);
            var query = WidgetsWithQuantity(orderById: true);
            query.ColumnSet = new ColumnSet("crmc_quantity");
            query.TopCount = 400;
            new QueryEngine(engine.DataSource).Execute(query); // builds the id order
            Guid id = ids[1]; // has a quantity
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 999 });
            Assert.Equal(999, QuantityOf(engine, query, id));

            var log = new UndoLog();
            engine.Store.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 7 }, engine.SystemUserId, log);
            Assert.Equal(7, QuantityOf(engine, query, id));
            log.Rollback(engine.Store.Rows);
            Assert.Equal(999, QuantityOf(engine, query, id));
        }

        private static int QuantityOf(DataverseEngine engine, QueryExpression query, Guid id) =>
            new QueryEngine(engine.DataSource).Execute(query).Entities.Single(e => e.Id == id).GetAttributeValue<int>("crmc_quantity");

        private static Entity Row(Guid id) => new Entity("crmc_widget", id);

        private static List<Guid> IdsAfter(IdOrderIndex index, Guid? after) => index.After(after).Select(row => row.Id).ToList();

        private static Guid NewId(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)] // no order at all: the primary id is the whole sort key
        public void Pages_read_in_id_order_are_exactly_the_sorted_pages_for_any_reader(bool orderById)
        {
            DataverseEngine engine = EngineWithWidgets(2500, out _);
            // A reader who may see only some rows: the read check applies per row before the page fills.
            var context = new QueryContext { CanRead = (table, row) => row.Id.GetHashCode() % 5 != 0, UtcNow = engine.Clock.UtcNow };

            var seek = Walk(new CountingSource(engine.DataSource, idOrder: true), WidgetsWithQuantity(orderById), 300, context);
            var sort = Walk(new CountingSource(engine.DataSource, idOrder: false), WidgetsWithQuantity(orderById), 300, context);

            Assert.True(seek.Count > 4);
            Assert.Equal(sort, seek);
        }

        [Fact]
        public void A_top_count_and_an_unpaged_read_match_the_sorted_result()
        {
            DataverseEngine engine = EngineWithWidgets(300, out _);
            var seek = new QueryEngine(new CountingSource(engine.DataSource, idOrder: true));
            var sort = new QueryEngine(new CountingSource(engine.DataSource, idOrder: false));
            var top = WidgetsWithQuantity(orderById: true);
            top.TopCount = 7;

            Assert.Equal(sort.Execute(top).Entities.Select(e => e.Id), seek.Execute(top).Entities.Select(e => e.Id));
            var all = WidgetsWithQuantity(orderById: false);
            EntityCollection seeked = seek.Execute(all), sorted = sort.Execute(all);
            Assert.Equal(200, seeked.Entities.Count);
            Assert.Equal(sorted.Entities.Select(e => e.Id), seeked.Entities.Select(e => e.Id));
            Assert.Equal(sorted.MoreRecords, seeked.MoreRecords);
        }

        [Fact]
        public void Walking_every_page_looks_at_each_row_about_once_instead_of_once_per_page()
        {
            DataverseEngine engine = EngineWithWidgets(6000, out _);
            var seek = new CountingSource(engine.DataSource, idOrder: true);
            var sort = new CountingSource(engine.DataSource, idOrder: false);

            int pages = Walk(seek, WidgetsWithQuantity(orderById: true), 250, null).Count;
            Walk(sort, WidgetsWithQuantity(orderById: true), 250, null);

            Assert.Equal(16, pages); // 4,000 rows with a quantity
            // Each page also reads the next page's first row and the few rows without a quantity before it.
            Assert.InRange(seek.RowsRead, 6000, 6000 + 8 * pages);
            Assert.True(sort.RowsRead >= 6000L * pages, $"the scan path read {sort.RowsRead} rows"); // what the seek avoids
        }

        [Fact]
        public void A_selective_equality_reads_its_index_and_a_broad_one_walks_the_id_order()
        {
            DataverseEngine engine = EngineWithWidgets(6000, out _);

            // crmc_quantity = 7: four rows (7, 1007, 3007, 4007); going through them beats walking 6,000.
            var selective = new CountingSource(engine.DataSource, idOrder: true);
            var few = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            few.Criteria.AddCondition("crmc_quantity", ConditionOperator.Equal, 7);
            Assert.Single(Walk(selective, few, 250, null));
            Assert.Equal(4, selective.RowsRead);

            // crmc_flag = true: 4,500 rows across 18 pages. Walking the id order reads each row about once; going
            // through the candidates for every page would read 4,500 × 18.
            var broad = new CountingSource(engine.DataSource, idOrder: true);
            var many = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            many.Criteria.AddCondition("crmc_flag", ConditionOperator.Equal, true);
            var pages = Walk(broad, many, 250, null);
            var bySort = new CountingSource(engine.DataSource, idOrder: false);

            Assert.Equal(18, pages.Count);
            Assert.InRange(broad.RowsRead, 6000, 6000 + 8 * pages.Count);
            Assert.Equal(Walk(bySort, many, 250, null), pages);
            Assert.True(bySort.RowsRead >= 4500L * pages.Count, $"through the index: {bySort.RowsRead} rows");
        }

        [Fact]
        public void Of_two_equalities_the_more_selective_index_is_read_whichever_comes_first()
        {
            DataverseEngine engine = EngineWithWidgets(6000, out _);
            QueryExpression Query(bool broadFirst)
            {
                var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
                var broad = new ConditionExpression("crmc_flag", ConditionOperator.Equal, true); // 4,500 rows
                var selective = new ConditionExpression("crmc_quantity", ConditionOperator.Equal, 7); // 4 rows
                query.Criteria.AddCondition(broadFirst ? broad : selective);
                query.Criteria.AddCondition(broadFirst ? selective : broad);
                return query;
            }

            var broadFirst = new CountingSource(engine.DataSource, idOrder: true);
            var selectiveFirst = new CountingSource(engine.DataSource, idOrder: true);
            var byScan = new CountingSource(engine.DataSource, idOrder: false);
            var pages = Walk(broadFirst, Query(broadFirst: true), 250, null);

            Assert.Equal(Walk(selectiveFirst, Query(broadFirst: false), 250, null), pages);
            Assert.Equal(4, broadFirst.RowsRead); // not the 6,000 a walk of the id order for the broad one reads
            Assert.Equal(4, selectiveFirst.RowsRead);
            Assert.Equal(Walk(byScan, Widgets.Unindexed(Query(broadFirst: true)), 250, null), pages);
            Assert.Equal(4, pages[0].Split('|')[0].Split(',').Length);
        }

        [Fact]
        public void Pages_through_an_index_are_the_sorted_pages_and_pass_over_rows_before_the_cookie_on_their_id()
        {
            DataverseEngine engine = Widgets.Boot(6000, (i, widget) => // 1,000 widgets of quantity 7, seven in eight of them flagged
            {
                widget["crmc_quantity"] = i % 6 == 0 ? 7 : 100 + i % 800;
                widget["crmc_flag"] = i % 8 != 0;
            }, out _);
            var indexed = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            indexed.Criteria.AddCondition("crmc_quantity", ConditionOperator.Equal, 7); // 1,000 of 6,000: the index wins
            indexed.Criteria.AddCondition("crmc_flag", ConditionOperator.Equal, true);
            QueryExpression scanned = Widgets.Unindexed(indexed);
            int checkedThroughIndex = 0, checkedByScan = 0;
            QueryContext Counting(Action count) => new QueryContext { CanRead = (table, row) => { count(); return row.Id.GetHashCode() % 7 != 0; } };

            var throughIndex = new CountingSource(engine.DataSource, idOrder: true);
            // Pages of 200: going through 1,000 candidates a page beats walking 6,000 rows for 201 (1,000² ≤ 201 × 6,000).
            var pages = Walk(throughIndex, indexed, 200, Counting(() => checkedThroughIndex++));
            var byScan = Walk(new CountingSource(engine.DataSource, idOrder: false), scanned, 200, Counting(() => checkedByScan++));

            Assert.True(pages.Count >= 4, $"{pages.Count} pages");
            Assert.Equal(byScan, pages);
            Assert.Equal(1000L * pages.Count, throughIndex.RowsRead); // the candidates, page after page: no walk of 6,000
            // Each page checks only the rows after the cookie; the scan checks every match on every page.
            Assert.True(checkedThroughIndex < 0.65 * checkedByScan, $"{checkedThroughIndex} checks through the index, {checkedByScan} by the scan");
        }

        [Fact]
        public void A_page_after_writes_sees_new_rows_and_not_deleted_or_rolled_back_ones()
        {
            DataverseEngine engine = EngineWithWidgets(50, out List<Guid> ids);
            IOrganizationService service = engine.SystemService;
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            Assert.Equal(50, service.RetrieveMultiple(query).Entities.Count); // builds the id order

            service.Delete("crmc_widget", ids[10]);
            Guid added = service.Create(new Entity("crmc_widget") { ["crmc_name"] = "late" });
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => service.Create(new Entity("crmc_widget") { ["crmc_name"] = "refuse" }));

            var seen = service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
            var expected = ids.Where(id => id != ids[10]).Append(added)
                .OrderBy(id => id, Comparer<Guid>.Create(ValueComparer.CompareSqlGuid)).ToList();
            Assert.Equal(expected, seen);
        }
    }
}
