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
    /// whose index gives the fewest rows, wherever it stands in the query, as SQL Server's statistics choose the most
    /// selective index. A Null condition reads the rows without a value, and an OR of one column's null and values
    /// ("unset or this value") the union of theirs. The compiled filter still runs on every candidate.
    /// </summary>
    internal static class IndexedScan
    {
        /// <summary>Candidates few enough that no other index is looked up to find fewer.</summary>
        private const int FewEnough = 16;

        /// <summary>The candidates an equality index gives, or null when no condition can use one (the caller scans).</summary>
        public static IEnumerable<Entity> FromIndex(IQueryDataSource source, QueryPlan plan)
        {
            FilterExpression criteria = plan.Query.Criteria;
            if (criteria == null || criteria.FilterOperator != LogicalOperator.And) return null;
            // Each usable condition gives its index's set (several for a list of values); they are weighed by their
            // counts, and only the chosen ones are merged into one list of rows.
            var best = default(Candidates);
            int fewest = int.MaxValue;
            // Values first: a few rows found by one spare the rest, and the rows without a value (which a column's
            // index only keeps once asked) are asked for only when no value narrowed the read enough.
            var conditions = QueryParts.Conditions(criteria);
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < conditions.Count && fewest > FewEnough; i++) // by index: an enumerator would be an allocation per query
                    if ((conditions[i].Operator == ConditionOperator.Null) == (pass == 1)
                        && !Weigh(Lookup(source, plan, conditions[i]), ref best, ref fewest))
                        return best.Rows();
            // "Unset or this value" (an OR of the column's null and values): the null rows and the value's, together.
            var filters = QueryParts.Filters(criteria);
            for (int i = 0; i < filters.Count && fewest > FewEnough; i++)
                if (!Weigh(LookupEither(source, plan, filters[i]), ref best, ref fewest)) break;
            return best.Rows();
        }

        /// <summary>One index set (no array made for it), or several to merge; neither: no index can be used.</summary>
        private readonly struct Candidates
        {
            public Candidates(IEnumerable<Entity> one, IEnumerable<Entity>[] many)
            {
                One = one;
                Many = many;
            }

            public IEnumerable<Entity> One { get; }
            public IEnumerable<Entity>[] Many { get; }
            public bool None => One == null && Many == null;

            public IEnumerable<Entity> Rows() => One ?? (Many == null ? null : Many.Length == 1 ? Many[0] : Union(Many));
        }

        /// <summary>Keeps the sets when they hold fewer rows; false when a count is unknown (they are taken as they are).</summary>
        private static bool Weigh(Candidates found, ref Candidates best, ref int fewest)
        {
            if (found.None) return true;
            int count = 0; // an upper bound: a row can stand in two sets
            int sets = found.One != null ? 1 : found.Many.Length;
            for (int i = 0; i < sets; i++)
            {
                if (!((found.One ?? found.Many[i]) is IReadOnlyCollection<Entity> counted))
                {
                    if (best.None) best = found;
                    return false;
                }
                count += counted.Count;
            }
            if (count < fewest)
            {
                best = found;
                fewest = count;
            }
            return true;
        }

        /// <summary>The sets an equality, a short In list or a Null condition on a root column reads; none when it cannot.</summary>
        private static Candidates Lookup(IQueryDataSource source, QueryPlan plan, ConditionExpression condition)
        {
            if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != plan.Root.Alias) return default;
            ColumnDefinition column = plan.Root.Table.Column(condition.AttributeName);
            if (column == null) return default;
            string table = plan.Root.Table.LogicalName;
            if (condition.Operator == ConditionOperator.Null)
                return new Candidates(KeyableType(column) ? source.FindNull(table, column.LogicalName) : null, null);
            bool equal = condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1;
            bool oneOf = condition.Operator == ConditionOperator.In && condition.Values.Count > 0 && condition.Values.Count <= 100;
            if (!equal && !oneOf) return default;
            if (equal)
            {
                object only = KeyFor(column, condition.Values[0]);
                return new Candidates(only == null ? null : source.Find(table, column.LogicalName, only), null);
            }
            var found = new IEnumerable<Entity>[condition.Values.Count];
            for (int i = 0; i < found.Length; i++)
            {
                object key = KeyFor(column, condition.Values[i]);
                found[i] = key == null ? null : source.Find(table, column.LogicalName, key);
                if (found[i] == null) return default; // a value that cannot be keyed, or no index: the caller scans
            }
            return new Candidates(null, found);
        }

        /// <summary>An OR of conditions on one root column, each usable alone (values, null): all their sets.</summary>
        private static Candidates LookupEither(IQueryDataSource source, QueryPlan plan, FilterExpression filter)
        {
            if (filter.FilterOperator != LogicalOperator.Or || QueryParts.Filters(filter).Count > 0 || QueryParts.Conditions(filter).Count < 2) return default;
            string column = filter.Conditions[0].AttributeName;
            var found = new List<IEnumerable<Entity>>(filter.Conditions.Count);
            foreach (ConditionExpression condition in filter.Conditions)
            {
                if (!string.Equals(condition.AttributeName, column, StringComparison.Ordinal)) return default;
                Candidates sets = Lookup(source, plan, condition);
                if (sets.None) return default;
                if (sets.One != null) found.Add(sets.One);
                else found.AddRange(sets.Many);
            }
            return new Candidates(null, found.ToArray());
        }

        /// <summary>Every row of the sets once (a row can stand in several), with room made once when the counts are known.</summary>
        private static List<Entity> Union(IEnumerable<Entity>[] found)
        {
            int total = 0; // candidates before duplicates go, when the index says how many
            foreach (IEnumerable<Entity> set in found)
                if (set is IReadOnlyCollection<Entity> counted) total += counted.Count;
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

        /// <summary>Whether the column's values can be keyed (<see cref="KeyFor"/>): the columns an index is kept for.</summary>
        private static bool KeyableType(ColumnDefinition column)
        {
            switch (column.Type)
            {
                case ColumnType.Lookup: case ColumnType.Owner: case ColumnType.Customer: case ColumnType.Uniqueidentifier:
                case ColumnType.Picklist: case ColumnType.State: case ColumnType.Status: case ColumnType.Integer:
                case ColumnType.String: case ColumnType.Boolean:
                    return true;
                default:
                    return false;
            }
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
