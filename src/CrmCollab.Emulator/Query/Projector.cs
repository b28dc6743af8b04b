using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Builds result rows (always new Entity objects with copied values): the requested root columns that have a
    /// value, the primary id, and link-entity columns as AliasedValue under "alias.column" (or the column alias).
    /// Columns are validated once, when the projector is built.
    /// </summary>
    internal sealed class Projector
    {
        private sealed class Output
        {
            public Slot Slot;
            public bool All;
            public List<(string Column, string Key)> Columns;
        }

        private static readonly List<(string, string)> NoColumns = new List<(string, string)>(0); // never added to

        private readonly QueryPlan _plan;
        private readonly bool _distinct;
        private readonly bool _idRequested;
        private readonly List<Output> _outputs;

        public Projector(QueryPlan plan, bool distinct)
        {
            _plan = plan;
            _distinct = distinct;
            _outputs = new List<Output>(plan.Slots.Count);
            var root = Describe(plan.Root, plan.Query.ColumnSet, aliased: false);
            _outputs.Add(root);
            _idRequested = root.All || Requests(root, plan.Root.Table.PrimaryIdAttribute);
            AddLinks(plan.Links);
        }

        private static bool Requests(Output output, string column)
        {
            foreach (var (name, _) in output.Columns)
                if (name == column) return true;
            return false;
        }

        private void AddLinks(List<LinkNode> links)
        {
            foreach (var link in links)
            {
                if (!link.ReturnsColumns) continue;
                _outputs.Add(Describe(link.Slot, link.Link.Columns, aliased: true));
                AddLinks(link.Children);
            }
        }

        private Output Describe(Slot slot, ColumnSet columns, bool aliased)
        {
            var output = new Output { Slot = slot, All = columns != null && columns.AllColumns, Columns = NoColumns };
            if (columns == null) return output;
            var names = columns.Columns;
            var expressions = QueryParts.AttributeExpressions(columns);
            if (names.Count + expressions.Count == 0) return output;
            output.Columns = new List<(string, string)>(names.Count + expressions.Count);
            for (int i = 0; i < names.Count; i++)
            {
                var column = _plan.Column(slot, names[i]);
                output.Columns.Add((column.LogicalName, aliased ? AliasedKeys.Of(slot.Alias, column.LogicalName) : null));
            }
            for (int i = 0; i < expressions.Count; i++)
            {
                var expression = expressions[i];
                if (expression == null || expression.AggregateType != XrmAggregateType.None || expression.HasGroupBy) continue;
                var column = _plan.Column(slot, expression.AttributeName);
                string key = !string.IsNullOrEmpty(expression.Alias) ? expression.Alias
                    : aliased ? AliasedKeys.Of(slot.Alias, column.LogicalName) : null;
                output.Columns.Add((column.LogicalName, key));
            }
            return output;
        }

        public Entity Project(Entity[] row)
        {
            var root = _plan.Root;
            var source = row[0];
            bool withId = !_distinct || _idRequested;
            int capacity = Capacity(row);
            // A wide read of a row with few of its columns set holds few values: counted, so it is not made a table of 17 or more.
            if (capacity > 16) capacity = Filled(row);
            var result = Store.SizedEntity.New(root.Table.LogicalName, capacity);
            if (withId)
            {
                result.Id = source.Id != Guid.Empty ? source.Id : ValueComparer.TryGuid(root.Read(source, root.Table.PrimaryIdAttribute), out var id) ? id : Guid.Empty;
                // The stored boxed id, when it is that same id, serves as is (a boxed Guid cannot change): no new box.
                result.Attributes[root.Table.PrimaryIdAttribute] =
                    source.Attributes.TryGetValue(root.Table.PrimaryIdAttribute, out var stored) && stored is Guid same && same == result.Id
                        ? stored : result.Id;
            }
            foreach (var output in _outputs)
            {
                var entity = row[output.Slot.Index];
                if (entity == null) continue;
                bool isRoot = output.Slot.Index == 0;
                if (output.All)
                {
                    foreach (var pair in entity.Attributes)
                    {
                        if (pair.Value == null) continue;
                        if (isRoot) result.Attributes[pair.Key] = ValueComparer.Clone(pair.Value);
                        else result.Attributes[output.Slot.Alias + "." + pair.Key] =
                            new AliasedValue(output.Slot.Table.LogicalName, pair.Key, ValueComparer.Clone(pair.Value));
                    }
                    if (!isRoot)
                    {
                        var idColumn = output.Slot.Table.PrimaryIdAttribute;
                        var idValue = output.Slot.Read(entity, idColumn);
                        if (idValue != null)
                            result.Attributes[output.Slot.Alias + "." + idColumn] = new AliasedValue(output.Slot.Table.LogicalName, idColumn, idValue);
                    }
                }
                foreach (var (column, key) in output.Columns)
                {
                    var value = output.Slot.Read(entity, column);
                    if (value == null) continue;
                    if (key == null) result.Attributes[column] = ValueComparer.Clone(value);
                    else result.Attributes[key] = new AliasedValue(output.Slot.Table.LogicalName, column, ValueComparer.Clone(value));
                }
            }
            return result;
        }

        /// <summary>At most how many values the result row of <paramref name="row"/> holds.</summary>
        private int Capacity(Entity[] row)
        {
            int count = 1;
            foreach (var output in _outputs)
            {
                if (output.All && row[output.Slot.Index] is Entity entity) count += entity.Attributes.Count + 1;
                count += output.Columns.Count;
            }
            return count;
        }

        /// <summary>At most how many values the result row of <paramref name="row"/> holds, its values read (those without one are left out).</summary>
        private int Filled(Entity[] row)
        {
            int count = 1;
            foreach (var output in _outputs)
            {
                var entity = row[output.Slot.Index];
                if (entity == null) continue;
                if (output.All) count += entity.Attributes.Count + 1;
                foreach (var (column, _) in output.Columns)
                    if (output.Slot.Read(entity, column) != null) count++;
            }
            return count;
        }

        /// <summary>A value-based signature of a projected row, for Distinct.</summary>
        public static object[] Signature(Entity projected)
        {
            var keys = projected.Attributes.Select(a => a.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var signature = new object[keys.Count * 2];
            for (int i = 0; i < keys.Count; i++)
            {
                var value = projected.Attributes[keys[i]];
                signature[2 * i] = keys[i];
                signature[2 * i + 1] = ValueComparer.KeyOf(value is AliasedValue a ? a.Value : value);
            }
            return signature;
        }
    }
}
