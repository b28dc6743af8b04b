using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// What a compiled query depends on in the query itself: tables, links, columns, filters with their values,
    /// orders and Distinct (paging and top are read per call). Two queries with the same key compile to the same plan,
    /// so <see cref="PlanCache"/> keeps plans by it. Only plain queries have a key: a condition whose meaning depends on
    /// the caller or the clock (eq-userid, last-x-days...), a value of a type not compared here, aggregates or a null
    /// part (which compile on their own, with their own faults) are compiled fresh every time.
    /// </summary>
    internal static class QueryKey
    {
        /// <summary>The key's hash, or false when the query has no key.</summary>
        public static bool TryHash(QueryExpression query, out int hash)
        {
            var h = new HashCode();
            bool ok = query.EntityName != null && query.ColumnSet != null && query.Criteria != null
                && Columns(query.ColumnSet, ref h) && Filter(query.Criteria, ref h) && Orders(query.Orders, ref h)
                && Links(query.LinkEntities, ref h);
            h.Add(QueryValues.TextHash(query.EntityName));
            h.Add(query.Distinct);
            hash = h.ToHashCode();
            return ok;
        }

        private static bool Columns(ColumnSet columns, ref HashCode h)
        {
            if (columns.AttributeExpressions.Count > 0) return false; // aggregates and aliased columns: not kept
            h.Add(columns.AllColumns);
            for (int i = 0; i < columns.Columns.Count; i++) h.Add(QueryValues.TextHash(columns.Columns[i]));
            return true;
        }

        private static bool Filter(FilterExpression filter, ref HashCode h)
        {
            h.Add(filter.FilterOperator);
            for (int i = 0; i < filter.Conditions.Count; i++)
            {
                var condition = filter.Conditions[i];
                if (condition == null || ReadsContext(condition.Operator)) return false;
                h.Add(QueryValues.TextHash(condition.EntityName));
                h.Add(QueryValues.TextHash(condition.AttributeName));
                h.Add(condition.Operator);
                h.Add(condition.CompareColumns);
                for (int v = 0; v < condition.Values.Count; v++)
                    if (!QueryValues.TryHash(condition.Values[v], ref h)) return false;
            }
            for (int i = 0; i < filter.Filters.Count; i++)
                if (filter.Filters[i] == null || !Filter(filter.Filters[i], ref h)) return false;
            return true;
        }

        private static bool Orders(DataCollection<OrderExpression> orders, ref HashCode h)
        {
            for (int i = 0; i < orders.Count; i++)
            {
                if (orders[i] == null) return false;
                h.Add(QueryValues.TextHash(orders[i].AttributeName));
                h.Add(orders[i].OrderType);
                h.Add(QueryValues.TextHash(orders[i].EntityName));
                h.Add(QueryValues.TextHash(orders[i].Alias));
            }
            return true;
        }

        private static bool Links(DataCollection<LinkEntity> links, ref HashCode h)
        {
            for (int i = 0; i < links.Count; i++)
            {
                var link = links[i];
                if (link == null || link.LinkCriteria == null) return false;
                h.Add(QueryValues.TextHash(link.LinkToEntityName));
                h.Add(QueryValues.TextHash(link.LinkFromAttributeName));
                h.Add(QueryValues.TextHash(link.LinkToAttributeName));
                h.Add(QueryValues.TextHash(link.EntityAlias));
                h.Add(link.JoinOperator);
                if (link.Columns != null && !Columns(link.Columns, ref h)) return false;
                if (!Filter(link.LinkCriteria, ref h) || !Orders(link.Orders, ref h) || !Links(link.LinkEntities, ref h)) return false;
            }
            return true;
        }

        /// <summary>Operators compiled with the caller's identity or the clock: their plans differ per call.</summary>
        private static bool ReadsContext(ConditionOperator op)
        {
            switch (op)
            {
                case ConditionOperator.EqualUserId: case ConditionOperator.NotEqualUserId:
                case ConditionOperator.EqualBusinessId: case ConditionOperator.NotEqualBusinessId:
                case ConditionOperator.EqualUserTeams: case ConditionOperator.EqualUserOrUserTeams:
                    return true;
                default:
                    return DateRanges.IsDateOperator(op);
            }
        }

        /// <summary>True when both queries (each with a key) have the same key.</summary>
        public static bool Same(QueryExpression a, QueryExpression b) =>
            a.EntityName == b.EntityName && a.Distinct == b.Distinct && SameColumns(a.ColumnSet, b.ColumnSet)
            && SameFilter(a.Criteria, b.Criteria) && SameOrders(a.Orders, b.Orders) && SameLinks(a.LinkEntities, b.LinkEntities);

        private static bool SameColumns(ColumnSet a, ColumnSet b)
        {
            if (a == null || b == null) return a == b;
            if (a.AllColumns != b.AllColumns || a.Columns.Count != b.Columns.Count) return false;
            for (int i = 0; i < a.Columns.Count; i++)
                if (a.Columns[i] != b.Columns[i]) return false;
            return true;
        }

        private static bool SameFilter(FilterExpression a, FilterExpression b)
        {
            if (a.FilterOperator != b.FilterOperator || a.Conditions.Count != b.Conditions.Count || a.Filters.Count != b.Filters.Count)
                return false;
            for (int i = 0; i < a.Conditions.Count; i++)
            {
                ConditionExpression x = a.Conditions[i], y = b.Conditions[i];
                if (x.EntityName != y.EntityName || x.AttributeName != y.AttributeName || x.Operator != y.Operator
                    || x.CompareColumns != y.CompareColumns || x.Values.Count != y.Values.Count)
                    return false;
                for (int v = 0; v < x.Values.Count; v++)
                    if (!QueryValues.Same(x.Values[v], y.Values[v])) return false;
            }
            for (int i = 0; i < a.Filters.Count; i++)
                if (!SameFilter(a.Filters[i], b.Filters[i])) return false;
            return true;
        }

        private static bool SameOrders(DataCollection<OrderExpression> a, DataCollection<OrderExpression> b)
        {
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++)
                if (a[i].AttributeName != b[i].AttributeName || a[i].OrderType != b[i].OrderType
                    || a[i].EntityName != b[i].EntityName || a[i].Alias != b[i].Alias)
                    return false;
            return true;
        }

        private static bool SameLinks(DataCollection<LinkEntity> a, DataCollection<LinkEntity> b)
        {
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++)
            {
                LinkEntity x = a[i], y = b[i];
                if (x.LinkToEntityName != y.LinkToEntityName || x.LinkFromAttributeName != y.LinkFromAttributeName
                    || x.LinkToAttributeName != y.LinkToAttributeName || x.EntityAlias != y.EntityAlias
                    || x.JoinOperator != y.JoinOperator || !SameColumns(x.Columns, y.Columns)
                    || !SameFilter(x.LinkCriteria, y.LinkCriteria) || !SameOrders(x.Orders, y.Orders)
                    || !SameLinks(x.LinkEntities, y.LinkEntities))
                    return false;
            }
            return true;
        }
    }
}
