using System;
using System.Collections.Generic;
using System.Globalization;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Picks the rows a query must look at: when its top-level AND filter holds an equality on a root column whose
    /// value can be keyed (a lookup id, a choice or integer, text, yes/no), only the rows the index returns for it;
    /// otherwise none, and the engine scans the table (or walks its id order). With several such equalities, the one
    /// whose index gives the fewest rows, as SQL Server's statistics choose the most selective index: whichever comes
    /// first in the query. The compiled filter still runs on every candidate.
    /// </summary>
    internal static class IndexedScan
    {
        /// <summary>Candidates few enough that no other index is looked up to find fewer.</summary>
        private const int FewEnough = 16;

        /// <summary>The candidates an equality index gives, or null when no condition can use one (the caller scans).</summary>
        public static IEnumerable<Entity> FromIndex(IQueryDataSource source, QueryPlan plan)
        {
            TableDefinition table = plan.Root.Table;
            FilterExpression criteria = plan.Query.Criteria;
            if (criteria == null || criteria.FilterOperator != LogicalOperator.And) return null;
            IEnumerable<Entity> best = null;
            int fewest = int.MaxValue;
            var conditions = criteria.Conditions;
            for (int i = 0; i < conditions.Count; i++) // by index: an enumerator would be an allocation per query
            {
                ConditionExpression condition = conditions[i];
                bool equal = condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1;
                bool oneOf = condition.Operator == ConditionOperator.In && condition.Values.Count > 0 && condition.Values.Count <= 100;
                if (!equal && !oneOf) continue;
                if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != plan.Root.Alias) continue;
                ColumnDefinition column = table.Column(condition.AttributeName);
                IEnumerable<Entity> found = column == null ? null : Lookup(source, table.LogicalName, column, condition.Values);
                if (found == null) continue;
                if (!(found is IReadOnlyCollection<Entity> counted)) return best ?? found; // a count unknown: no comparison
                if (counted.Count < fewest)
                {
                    best = found;
                    fewest = counted.Count;
                }
                if (fewest <= FewEnough) break;
            }
            return best;
        }

        /// <summary>Rows matching any of the values through the index; null when a value is not keyable or no index exists.</summary>
        private static IEnumerable<Entity> Lookup(IQueryDataSource source, string table, ColumnDefinition column, IList<object> values)
        {
            if (values.Count == 1)
            {
                object only = KeyFor(column, values[0]);
                return only == null ? null : source.Find(table, column.LogicalName, only);
            }
            var keys = new object[values.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = KeyFor(column, values[i]);
                if (keys[i] == null) return null;
            }
            var found = new IEnumerable<Entity>[keys.Length];
            int total = 0; // candidates before duplicates go, when the index says how many: room made once
            for (int i = 0; i < keys.Length; i++)
            {
                found[i] = source.Find(table, column.LogicalName, keys[i]);
                if (found[i] == null) return null;
                if (found[i] is IReadOnlyCollection<Entity> counted) total += counted.Count;
            }
            var rows = new List<Entity>(total);
            HashSet<Guid> seen = null; // a few rows are told apart by a look through the list; more by a set
            foreach (IEnumerable<Entity> candidates in found)
            {
                foreach (Entity row in candidates)
                {
                    if (seen == null && rows.Count >= SmallDistinct)
                    {
                        seen = new HashSet<Guid>(total);
                        foreach (Entity kept in rows) seen.Add(kept.Id);
                    }
                    if (seen != null ? seen.Add(row.Id) : !Contains(rows, row.Id)) rows.Add(row);
                }
            }
            return rows;
        }

        private const int SmallDistinct = 16;

        private static bool Contains(List<Entity> rows, Guid id)
        {
            for (int i = 0; i < rows.Count; i++)
                if (rows[i].Id == id) return true;
            return false;
        }

        /// <summary>The condition value in the type the column stores, or null when it is not safely keyable.</summary>
        private static object KeyFor(ColumnDefinition column, object value)
        {
            switch (column.Type)
            {
                case ColumnType.Lookup:
                case ColumnType.Owner:
                case ColumnType.Customer:
                case ColumnType.Uniqueidentifier:
                    if (value is Guid) return value; // already the key (no second box)
                    if (value is EntityReference reference) return reference.Id;
                    return value is string text && Guid.TryParse(text, out Guid parsed) ? (object)parsed : null;
                case ColumnType.Picklist:
                case ColumnType.State:
                case ColumnType.Status:
                case ColumnType.Integer:
                    if (value is int) return value;
                    if (value is OptionSetValue option) return option.Value;
                    return value is string digits && int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? (object)n : null;
                case ColumnType.String:
                    return value as string;
                case ColumnType.Boolean:
                    return value is bool ? value : null;
                default:
                    return null;
            }
        }
    }
}
