using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// RetrieveMultiple over an <see cref="IQueryDataSource"/>: QueryExpression, QueryByAttribute and FetchXML.
    /// Pipeline: scan root → root-only filter (compiled) → hash joins → remaining filter → aggregate, or
    /// sort (total order) → distinct → page → project only the page's rows into new Entity objects. A single-table
    /// page ordered by id alone seeks in the table's id order instead (<see cref="IdOrderedPage"/>).
    /// </summary>
    public sealed class QueryEngine
    {
        public QueryEngine(IQueryDataSource source)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        public IQueryDataSource Source { get; }

        /// <summary>One-shot form with the caller's security filter, clock and identity (their teams read only when asked for).</summary>
        public static EntityCollection Execute(IQueryDataSource source, QueryBase query, Func<string, Entity, bool> canRead,
            DateTime utcNow, Guid userId, Guid businessUnitId, Func<IReadOnlyCollection<Guid>> userTeams = null)
        {
            var context = new QueryContext { CanRead = canRead, UtcNow = utcNow, UserId = userId, BusinessUnitId = businessUnitId, UserTeamsSource = userTeams };
            return new QueryEngine(source).Execute(query, context);
        }

        public EntityCollection Execute(QueryBase query, QueryContext context = null)
        {
            context = context ?? new QueryContext();
            switch (query)
            {
                case QueryExpression expression:
                    return Run(expression, PageOf(expression.TopCount, expression.PageInfo), false, null, context);
                case QueryByAttribute byAttribute:
                    var converted = ToQueryExpression(byAttribute);
                    return Run(converted, PageOf(byAttribute.TopCount, byAttribute.PageInfo), false, null, context);
                case FetchExpression fetch:
                    var parsed = new FetchXmlParser(Source.Catalog).Parse(fetch.Query);
                    return Run(parsed.Query, parsed.Page, parsed.Aggregate, parsed.DistinctCounts, context, parsed.RawOrder, parsed.AggregateLimit);
                case null:
                    throw QueryFaults.Invalid("The query is required.");
                default:
                    throw QueryFaults.Unsupported($"The query type '{query.GetType().Name}' is not supported.");
            }
        }

        /// <summary>The root table of any query kind (FetchXML: its entity element); null when it cannot be read.</summary>
        public static string EntityNameOf(QueryBase query)
        {
            switch (query)
            {
                case QueryExpression expression: return expression.EntityName;
                case QueryByAttribute byAttribute: return byAttribute.EntityName;
                case FetchExpression fetch:
                    try
                    {
                        var root = System.Xml.Linq.XElement.Parse(fetch.Query ?? string.Empty);
                        foreach (var entity in root.Elements("entity")) return (string)entity.Attribute("name");
                    }
                    catch (System.Xml.XmlException) { }
                    return null;
                default: return null;
            }
        }

        /// <summary>QueryByAttribute is equality conditions AND-ed: the same as a QueryExpression.</summary>
        public static QueryExpression ToQueryExpression(QueryByAttribute query)
        {
            if (query.Attributes.Count != query.Values.Count)
                throw QueryFaults.Invalid("QueryByAttribute: the number of attributes and values must be equal.");
            var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet ?? new ColumnSet() };
            for (int i = 0; i < query.Attributes.Count; i++)
            {
                var value = query.Values[i];
                expression.Criteria.AddCondition(value == null
                    ? new ConditionExpression(query.Attributes[i], ConditionOperator.Null)
                    : new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, value));
            }
            foreach (var order in query.Orders) expression.Orders.Add(order);
            return expression;
        }

        private static PageRequest PageOf(int? top, PagingInfo info) => new PageRequest
        {
            Top = top,
            Count = info?.Count ?? 0,
            PageNumber = info?.PageNumber ?? 0,
            Cookie = info?.PagingCookie,
            ReturnTotalRecordCount = info?.ReturnTotalRecordCount ?? false,
        };

        internal EntityCollection Run(QueryExpression query, PageRequest page, bool aggregate,
            ISet<XrmAttributeExpression> distinctCounts, QueryContext context, bool rawOrder = false, int? aggregateLimit = null)
        {
            var plan = new QueryPlan(query, Source.Catalog);
            Paging.Validate(page);
            var compiler = new FilterCompiler(plan, context);
            var (beforeJoin, afterJoin) = compiler.CompileRoot(query.Criteria);
            compiler.CompileLinks(plan.Links);
            aggregate = aggregate || Aggregator.HasAggregates(query);

            // Validate outputs and orders before touching rows, so bad columns fault even on empty tables.
            var aggregator = aggregate ? new Aggregator(plan, distinctCounts, aggregateLimit) : null;
            var sorter = aggregate ? null : new Sorter(plan, Source, rawOrder);
            var projector = aggregate ? null : new Projector(plan, query.Distinct);

            var result = new EntityCollection { EntityName = plan.Root.Table.LogicalName };
            IEnumerable<Entity> indexed = IndexedScan.FromIndex(Source, plan);
            List<KeyedRow> keyed;
            if (aggregate)
                keyed = aggregator.Run(Joined(plan, indexed, beforeJoin, afterJoin, context.CanRead))
                    .ConvertAll(e => new KeyedRow(null, null) { Projected = e });
            else
                // Single-table reads by id seek (a filter on a linked row implies a link, which the id order skips).
                keyed = IdOrderedPage.TryRead(Source, plan, sorter, page, query.Distinct, beforeJoin, context.CanRead, indexed)
                    ?? Sorted(Joined(plan, indexed, beforeJoin, afterJoin, context.CanRead), page, sorter, query.Distinct ? projector : null);

            int total = keyed.Count;
            var slice = Paging.Slice(keyed, page, sorter, cookies: !aggregate, out bool more, out string cookie);
            foreach (var row in slice) result.Entities.Add(row.Projected ?? projector.Project(row.Row));
            result.MoreRecords = more;
            result.PagingCookie = cookie;
            result.TotalRecordCount = page.ReturnTotalRecordCount ? Math.Min(total, Paging.MaxPageSize) : -1;
            result.TotalRecordCountLimitExceeded = page.ReturnTotalRecordCount && total > Paging.MaxPageSize;
            return result;
        }

        /// <summary>The rows in the query's total order; after a cookie, only the next page's (keyset: no full sort).</summary>
        private static List<KeyedRow> Sorted(List<Entity[]> rows, PageRequest page, Sorter sorter, Projector distinct)
        {
            if (distinct == null && Paging.TryNextPageAfterCookie(page, sorter, out int size, out object[] last))
                return PageAfter(rows, last, size, sorter);
            var keyed = sorter.Keyed(rows);
            if (keyed.Count > 1) keyed.Sort(sorter);
            return distinct == null ? keyed : Distinct(keyed, distinct);
        }

        // Its own method: the lambda's captures would otherwise be allocated on every Sorted call.
        private static List<KeyedRow> PageAfter(List<Entity[]> rows, object[] last, int size, Sorter sorter)
        {
            // Rows before the cookie are skipped on their first key, before their whole key is built.
            rows.RemoveAll(r => sorter.FirstKeyBefore(r, last));
            return Paging.SmallestAfter(sorter.Keyed(rows), last, size + 1, sorter);
        }

        private List<Entity[]> Joined(QueryPlan plan, IEnumerable<Entity> indexed, RowFilter beforeJoin,
            RowFilter afterJoin, Func<string, Entity, bool> canRead)
        {
            var rows = ScanRoot(plan, indexed ?? Source.Scan(plan.Root.Table.LogicalName), beforeJoin, canRead);
            if (plan.Links.Count > 0) rows = new LinkJoiner(plan, Source, canRead).Apply(rows, plan.Links);
            if (afterJoin != null) KeepMatching(rows, afterJoin);
            return rows;
        }

        /// <summary>Removes the rows the filter rejects, in place and keeping the order (RemoveAll without a delegate).</summary>
        private static void KeepMatching(List<Entity[]> rows, RowFilter filter)
        {
            int kept = 0;
            for (int i = 0; i < rows.Count; i++)
                if (filter.Matches(rows[i])) rows[kept++] = rows[i];
            rows.RemoveRange(kept, rows.Count - kept);
        }

        private List<Entity[]> ScanRoot(QueryPlan plan, IEnumerable<Entity> candidates, RowFilter filter,
            Func<string, Entity, bool> canRead)
        {
            string table = plan.Root.Table.LogicalName;
            int width = plan.Slots.Count;
            var buffer = new Entity[width]; // reused: filtering allocates nothing per row
            // Index candidates are few and known in number: room for them all (a whole-table scan grows as it keeps rows).
            var rows = candidates is IReadOnlyCollection<Entity> few && few.Count <= 64 ? new List<Entity[]>(few.Count) : new List<Entity[]>();
            foreach (var entity in candidates)
            {
                if (entity == null) continue;
                if (filter != null)
                {
                    buffer[0] = entity;
                    if (!filter.Matches(buffer)) continue;
                }
                if (canRead != null && !canRead(table, entity)) continue;
                var row = new Entity[width];
                row[0] = entity;
                rows.Add(row);
            }
            return rows;
        }

        private static List<KeyedRow> Distinct(List<KeyedRow> sorted, Projector projector)
        {
            var seen = new HashSet<object[]>(KeyArrayComparer.Instance);
            var unique = new List<KeyedRow>();
            foreach (var row in sorted)
            {
                row.Projected = projector.Project(row.Row);
                if (seen.Add(Projector.Signature(row.Projected))) unique.Add(row);
            }
            return unique;
        }
    }
}
