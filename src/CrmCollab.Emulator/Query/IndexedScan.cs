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
    /// otherwise the whole table. The compiled filter still runs on every candidate.
    /// </summary>
    internal static class IndexedScan
    {
        public static IEnumerable<Entity> Candidates(IQueryDataSource source, QueryPlan plan)
        {
            TableDefinition table = plan.Root.Table;
            FilterExpression criteria = plan.Query.Criteria;
            if (criteria != null && criteria.FilterOperator == LogicalOperator.And)
            {
                foreach (ConditionExpression condition in criteria.Conditions)
                {
                    if (condition.Operator != ConditionOperator.Equal || condition.Values.Count != 1) continue;
                    if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != plan.Root.Alias) continue;
                    ColumnDefinition column = table.Column(condition.AttributeName);
                    object key = column == null ? null : KeyFor(column, condition.Values[0]);
                    if (key == null) continue;
                    IEnumerable<Entity> found = source.Find(table.LogicalName, column.LogicalName, key);
                    if (found != null) return found;
                }
            }
            return source.Scan(table.LogicalName);
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
