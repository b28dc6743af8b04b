using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>An aggregate or group-by column of an aggregate query, on the root or a link-entity.</summary>
    internal sealed class AggregateColumn
    {
        public Slot Slot { get; set; }
        public ColumnDefinition Column { get; set; }
        public XrmAggregateType Type { get; set; }
        public bool GroupBy { get; set; }
        public XrmDateTimeGrouping DateGrouping { get; set; }
        public string Alias { get; set; }
        public bool Distinct { get; set; }
    }

    /// <summary>
    /// Aggregate queries: groups joined rows by the group-by columns and computes count, countcolumn (optionally
    /// distinct), sum, avg, min, max. Results are rows of AliasedValue under each alias, typed as the server does:
    /// count → int; sum/min/max keep the column type (money → Money); avg → decimal (Money for money, double for float).
    /// </summary>
    internal sealed class Aggregator
    {
        private readonly QueryPlan _plan;
        private readonly List<AggregateColumn> _columns = new List<AggregateColumn>();
        private readonly int _limit;

        /// <param name="limit">The fetch's aggregatelimit; it cannot raise the platform's <see cref="QueryFaults.MaxAggregateRecords"/>.</param>
        public Aggregator(QueryPlan plan, ISet<XrmAttributeExpression> distinctCounts, int? limit = null)
        {
            _plan = plan;
            _limit = Math.Min(limit ?? QueryFaults.MaxAggregateRecords, QueryFaults.MaxAggregateRecords);
            Collect(plan.Root, plan.Query.ColumnSet, distinctCounts);
            CollectLinks(plan.Links, distinctCounts);
            if (_columns.Count == 0)
                throw QueryFaults.Invalid("An aggregate query must have at least one aggregate or group-by attribute.");
        }

        /// <summary>Whether any column set asks for an aggregate or group-by (by index: this runs on every query).</summary>
        public static bool HasAggregates(QueryExpression query) => HasAggregates(query.ColumnSet) || HasAggregates(QueryParts.Links(query));

        private static bool HasAggregates(ColumnSet columns)
        {
            if (columns == null) return false;
            var expressions = QueryParts.AttributeExpressions(columns);
            for (int i = 0; i < expressions.Count; i++)
            {
                var e = expressions[i];
                if (e != null && (e.AggregateType != XrmAggregateType.None || e.HasGroupBy)) return true;
            }
            return false;
        }

        private static bool HasAggregates(IList<LinkEntity> links)
        {
            for (int i = 0; i < links.Count; i++)
                if (HasAggregates(links[i].Columns) || HasAggregates(QueryParts.Links(links[i]))) return true;
            return false;
        }

        private void CollectLinks(IEnumerable<LinkNode> links, ISet<XrmAttributeExpression> distinctCounts)
        {
            foreach (var link in links)
            {
                if (!link.ReturnsColumns) continue;
                Collect(link.Slot, link.Link.Columns, distinctCounts);
                CollectLinks(link.Children, distinctCounts);
            }
        }

        private void Collect(Slot slot, ColumnSet columns, ISet<XrmAttributeExpression> distinctCounts)
        {
            if (columns == null) return;
            foreach (var e in columns.AttributeExpressions)
            {
                if (e == null) continue;
                var column = _plan.Column(slot, e.AttributeName);
                if (e.AggregateType == XrmAggregateType.None && !e.HasGroupBy) continue;
                if (string.IsNullOrEmpty(e.Alias) && e.AggregateType != XrmAggregateType.None)
                    throw QueryFaults.Invalid($"An alias is required for the aggregate attribute '{column.LogicalName}'.");
                if (e.DateTimeGrouping == XrmDateTimeGrouping.FiscalPeriod || e.DateTimeGrouping == XrmDateTimeGrouping.FiscalYear)
                    throw QueryFaults.Unsupported("Fiscal date grouping is not supported by the emulator.");
                _columns.Add(new AggregateColumn
                {
                    Slot = slot, Column = column, Type = e.AggregateType, GroupBy = e.HasGroupBy,
                    DateGrouping = e.DateTimeGrouping, Alias = string.IsNullOrEmpty(e.Alias) ? column.LogicalName : e.Alias,
                    Distinct = distinctCounts != null && distinctCounts.Contains(e),
                });
            }
        }

        public List<Entity> Run(List<Entity[]> rows)
        {
            // Counted after the filters and joins: the records the aggregate would have to evaluate.
            if (rows.Count > _limit) throw QueryFaults.AggregateLimitExceeded();
            var groupColumns = _columns.Where(c => c.GroupBy).ToList();
            var groups = new Dictionary<object[], List<Entity[]>>(KeyArrayComparer.Instance);
            var order = new List<object[]>();
            if (groupColumns.Count == 0)
            {
                // One group of every row (an empty one too: a count of nothing is 0), with no key per row.
                var all = new object[0];
                groups[all] = rows;
                order.Add(all);
            }
            else
            {
                foreach (var row in rows)
                {
                    var key = new object[groupColumns.Count];
                    for (int i = 0; i < key.Length; i++) key[i] = GroupKey(groupColumns[i], row);
                    if (!groups.TryGetValue(key, out var members)) { groups[key] = members = new List<Entity[]>(); order.Add(key); }
                    members.Add(row);
                }
            }

            var results = new List<Entity>(groups.Count);
            foreach (var key in order)
            {
                var members = groups[key];
                var entity = new Entity(_plan.Root.Table.LogicalName);
                foreach (var column in _columns)
                {
                    object value = column.GroupBy ? GroupValue(column, members[0]) : Compute(column, members);
                    if (value != null)
                        entity.Attributes[column.Alias] = new AliasedValue(column.Slot.Table.LogicalName, column.Column.LogicalName, value);
                }
                results.Add(entity);
            }
            Sort(results);
            return results;
        }

        private object Read(AggregateColumn column, Entity[] row) => column.Slot.Read(row[column.Slot.Index], column.Column.LogicalName);

        private object GroupKey(AggregateColumn column, Entity[] row)
        {
            var raw = Read(column, row);
            return column.DateGrouping == XrmDateTimeGrouping.None ? ValueComparer.KeyOf(raw) : DatePart(column.DateGrouping, raw);
        }

        private object GroupValue(AggregateColumn column, Entity[] row)
        {
            var raw = Read(column, row);
            return column.DateGrouping == XrmDateTimeGrouping.None ? ValueComparer.Clone(raw) : DatePart(column.DateGrouping, raw);
        }

        private static object DatePart(XrmDateTimeGrouping grouping, object raw)
        {
            if (!ValueComparer.TryDate(raw, out var date)) return null;
            switch (grouping)
            {
                case XrmDateTimeGrouping.Year: return date.Year;
                case XrmDateTimeGrouping.Quarter: return (date.Month - 1) / 3 + 1;
                case XrmDateTimeGrouping.Month: return date.Month;
                case XrmDateTimeGrouping.Week:
                    return CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date, CalendarWeekRule.FirstDay, DayOfWeek.Sunday);
                case XrmDateTimeGrouping.Day: return date.Day;
                default: return null;
            }
        }

        private object Compute(AggregateColumn column, List<Entity[]> members)
        {
            if (column.Type == XrmAggregateType.Count) return members.Count;
            var values = new List<object>(members.Count);
            foreach (var row in members)
            {
                var raw = Read(column, row);
                if (raw != null) values.Add(raw);
            }
            var type = column.Column.Type;
            switch (column.Type)
            {
                case XrmAggregateType.CountColumn:
                    return column.Distinct ? values.Select(ValueComparer.KeyOf).Distinct(KeyEqualityComparer.Instance).Count() : values.Count;
                case XrmAggregateType.Min:
                case XrmAggregateType.Max:
                    if (values.Count == 0) return null;
                    var kind = ValueComparer.KindOf(type);
                    object best = values[0];
                    foreach (var v in values.Skip(1))
                    {
                        int c = ValueComparer.Compare(ValueComparer.ToKey(kind, v), ValueComparer.ToKey(kind, best));
                        if (column.Type == XrmAggregateType.Min ? c < 0 : c > 0) best = v;
                    }
                    return ValueComparer.Clone(best);
                case XrmAggregateType.Sum:
                case XrmAggregateType.Avg:
                    if (values.Count == 0) return null;
                    RequireNumeric(column);
                    decimal sum = 0;
                    foreach (var v in values) if (ValueComparer.TryNumber(v, out var d)) sum += d;
                    bool avg = column.Type == XrmAggregateType.Avg;
                    decimal result = avg ? sum / values.Count : sum;
                    if (type == ColumnType.Money) return new Money(result);
                    if (type == ColumnType.Double) return (double)result;
                    if (avg) return result;
                    if (type == ColumnType.Integer) return (int)result;
                    if (type == ColumnType.BigInt) return (long)result;
                    return result;
                default:
                    throw QueryFaults.Unsupported($"Aggregate '{column.Type}' is not supported.");
            }
        }

        private static void RequireNumeric(AggregateColumn column)
        {
            if (ValueComparer.KindOf(column.Column.Type) != ValueKind.Number)
                throw QueryFaults.Invalid($"The aggregate '{column.Type}' is not valid on the column '{column.Column.LogicalName}' of type {column.Column.Type}.");
        }

        /// <summary>Orders by alias (or by a grouped attribute's name); then by the group keys, for stable output.</summary>
        private void Sort(List<Entity> results)
        {
            var specs = new List<(string Alias, bool Descending)>();
            void AddOrders(IEnumerable<OrderExpression> orders)
            {
                foreach (var o in orders)
                {
                    string alias = !string.IsNullOrEmpty(o.Alias) ? o.Alias
                        : _columns.FirstOrDefault(c => c.GroupBy && c.Column.LogicalName == o.AttributeName)?.Alias;
                    if (alias == null || !_columns.Any(c => c.Alias == alias))
                        throw QueryFaults.Invalid($"An order in an aggregate query must name an alias of the query ('{o.Alias ?? o.AttributeName}').");
                    specs.Add((alias, o.OrderType == OrderType.Descending));
                }
            }
            AddOrders(_plan.Query.Orders);
            foreach (var slot in _plan.Slots) if (slot.Link != null) AddOrders(slot.Link.Link.Orders);
            foreach (var c in _columns.Where(c => c.GroupBy)) specs.Add((c.Alias, false));

            object KeyOf(Entity e, string alias) =>
                e.Attributes.TryGetValue(alias, out var v) && v is AliasedValue a ? ValueComparer.KeyOf(a.Value) : null;
            results.Sort((x, y) =>
            {
                foreach (var (alias, descending) in specs)
                {
                    int c = ValueComparer.Compare(KeyOf(x, alias), KeyOf(y, alias));
                    if (c != 0) return descending ? -c : c;
                }
                return 0;
            });
        }
    }
}
