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
    /// otherwise none, and the engine scans the table (or walks its id order). The compiled filter still runs on every
    /// candidate.
    /// </summary>
    internal static class IndexedScan
    {
        /// <summary>The candidates an equality index gives, or null when no condition can use one (the caller scans).</summary>
        public static IEnumerable<Entity> FromIndex(IQueryDataSource source, QueryPlan plan)
        {
            TableDefinition table = plan.Root.Table;
            FilterExpression criteria = plan.Query.Criteria;
            if (criteria != null && criteria.FilterOperator == LogicalOperator.And)
            {
                foreach (ConditionExpression condition in criteria.Conditions)
                {
                    bool equal = condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1;
                    bool oneOf = condition.Operator == ConditionOperator.In && condition.Values.Count > 0 && condition.Values.Count <= 100;
                    if (!equal && !oneOf) continue;
                    if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != plan.Root.Alias) continue;
                    ColumnDefinition column = table.Column(condition.AttributeName);
                    IEnumerable<Entity> found = column == null ? null : Lookup(source, table.LogicalName, column, condition.Values);
                    if (found != null) return found;
                }
            }
            return null;
        }

        /// <summary>Rows matching any of the values through the index; null when a value is not keyable or no index exists.</summary>
        private static IEnumerable<Entity> Lookup(IQueryDataSource source, string table, ColumnDefinition column, IList<object> values)
        {
            var keys = new List<object>(values.Count);
            foreach (object value in values)
            {
                object key = KeyFor(column, value);
                if (key == null) return null;
                keys.Add(key);
            }
            if (keys.Count == 1) return source.Find(table, column.LogicalName, keys[0]);
            var rows = new List<Entity>();
            var seen = new HashSet<Guid>();
            foreach (object key in keys)
            {
                IEnumerable<Entity> found = source.Find(table, column.LogicalName, key);
                if (found == null) return null;
                foreach (Entity row in found)
                    if (seen.Add(row.Id)) rows.Add(row);
            }
            return rows;
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
                    if (value is Guid id) return id;
                    if (value is EntityReference reference) return reference.Id;
                    return value is string text && Guid.TryParse(text, out Guid parsed) ? (object)parsed : null;
                case ColumnType.Picklist:
                case ColumnType.State:
                case ColumnType.Status:
                case ColumnType.Integer:
                    if (value is int number) return number;
                    if (value is OptionSetValue option) return option.Value;
                    return value is string digits && int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? (object)n : null;
                case ColumnType.String:
                    return value as string;
                case ColumnType.Boolean:
                    return value is bool flag ? (object)flag : null;
                default:
                    return null;
            }
        }
    }
}
