using System;
using System.Collections.Generic;
using System.Globalization;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// The query's orders (root first, then link-entity orders depth-first) followed by every slot's primary id as
    /// tie-breakers, so the order is total: that is what makes paging by cookie lossless with ties.
    /// As on the server: nulls sort first ascending (last descending); choices sort by label and lookups by the
    /// referenced row's primary name (unless raw ordering is asked); strings case-insensitively.
    /// </summary>
    internal sealed class Sorter : IComparer<KeyedRow>
    {
        private readonly QueryPlan _plan;
        private readonly IQueryDataSource _source;
        private readonly bool _rawOrder;
        private Dictionary<Guid, string> _names; // made on the first lookup name: most queries order by no lookup

        public Sorter(QueryPlan plan, IQueryDataSource source, bool rawOrder)
        {
            _plan = plan;
            _source = source;
            _rawOrder = rawOrder;
            var orders = QueryParts.Orders(plan.Query);
            // Sized first (orders given, plus at most one id per slot), then trimmed: no list in between.
            var specs = new SortSpec[orders.Count + CountLinkOrders(plan.Links) + plan.Slots.Count];
            int count = 0;
            for (int i = 0; i < orders.Count; i++) Add(specs, ref count, orders[i], plan.Root);
            AddLinkOrders(specs, ref count, plan.Links);
            foreach (var slot in plan.Slots)
            {
                if (slot.Link != null && !slot.Link.ReturnsColumns) continue;
                var id = plan.Column(slot, slot.Table.PrimaryIdAttribute);
                specs[count++] = Spec(slot, id, false);
            }
            if (count < specs.Length) Array.Resize(ref specs, count);
            All = specs;
        }

        private static int CountLinkOrders(List<LinkNode> links)
        {
            int count = 0;
            foreach (var link in links)
                if (link.ReturnsColumns) count += QueryParts.Orders(link.Link).Count + CountLinkOrders(link.Children);
            return count;
        }

        /// <summary>Orders then tie-breakers: the layout of <see cref="KeyedRow.Keys"/>.</summary>
        public SortSpec[] All { get; }

        private void AddLinkOrders(SortSpec[] specs, ref int count, List<LinkNode> links)
        {
            foreach (var link in links)
            {
                if (!link.ReturnsColumns) continue;
                var orders = QueryParts.Orders(link.Link);
                for (int i = 0; i < orders.Count; i++) Add(specs, ref count, orders[i], link.Slot);
                AddLinkOrders(specs, ref count, link.Children);
            }
        }

        private void Add(SortSpec[] specs, ref int count, OrderExpression order, Slot defaultSlot)
        {
            if (order == null || string.IsNullOrEmpty(order.AttributeName)) return;
            var slot = _plan.ResolveSlot(order.EntityName, defaultSlot);
            var column = _plan.Column(slot, order.AttributeName);
            specs[count++] = Spec(slot, column, order.OrderType == OrderType.Descending);
        }

        private SortSpec Spec(Slot slot, ColumnDefinition column, bool descending)
        {
            var kind = ValueComparer.KindOf(column.Type);
            var spec = new SortSpec
            {
                Slot = slot, Name = column.LogicalName, Descending = descending, KeyKind = kind, ValueKind = kind, Column = column,
            };
            bool isChoice = kind == ValueKind.Int && column.OptionSet != null;
            bool isLookup = kind == ValueKind.Guid && column.Type != ColumnType.Uniqueidentifier;
            if (!_rawOrder && isChoice)
            {
                spec.KeyKind = ValueKind.String;
                spec.Mode = SortKeyMode.ChoiceLabel;
            }
            else if (!_rawOrder && isLookup)
            {
                spec.KeyKind = ValueKind.String;
                spec.Mode = SortKeyMode.LookupName;
                spec.Sorter = this;
            }
            return spec;
        }

        /// <summary>The referenced row's primary name (memoised per query), else the reference's own name.</summary>
        internal string NameOf(object raw)
        {
            if (!(raw is EntityReference reference)) return null;
            _names ??= new Dictionary<Guid, string>();
            if (_names.TryGetValue(reference.Id, out var cached)) return cached;
            string name = reference.Name;
            var table = _source.Catalog.Table(reference.LogicalName);
            if (table?.PrimaryNameAttribute != null && _source.TryGet(reference.LogicalName, reference.Id, out var target))
                name = target.GetAttributeValue<object>(table.PrimaryNameAttribute) as string ?? name;
            _names[reference.Id] = name;
            return name;
        }

        public KeyedRow Key(Entity[] row)
        {
            var keys = new object[All.Length];
            for (int i = 0; i < keys.Length; i++) keys[i] = All[i].Key(row);
            return new KeyedRow(row, keys);
        }

        public int Compare(object[] a, object[] b)
        {
            for (int i = 0; i < All.Length; i++)
            {
                int c = ValueComparer.Compare(a[i], b[i]);
                if (c != 0) return All[i].Descending ? -c : c;
            }
            return 0;
        }

        public int Compare(KeyedRow a, KeyedRow b) => Compare(a.Keys, b.Keys);

        /// <summary>The rows with their keys, in their current order.</summary>
        public List<KeyedRow> Keyed(List<Entity[]> rows)
        {
            var keyed = new List<KeyedRow>(rows.Count);
            for (int i = 0; i < rows.Count; i++) keyed.Add(Key(rows[i]));
            return keyed;
        }

        /// <summary>
        /// True when the row certainly sorts before or at <paramref name="last"/> judging by the first key alone, so a
        /// keyset page can skip it without building its whole key.
        /// </summary>
        public bool FirstKeyBefore(Entity[] row, object[] last)
        {
            int c = ValueComparer.Compare(All[0].Key(row), last[0]);
            if (All[0].Descending) c = -c;
            return c < 0;
        }
    }
}
