using System;
using System.Collections.Generic;
using System.Globalization;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>A joined row with its sort keys, computed once.</summary>
    internal sealed class KeyedRow
    {
        public KeyedRow(Entity[] row, object[] keys) { Row = row; Keys = keys; }

        public Entity[] Row { get; }
        public object[] Keys { get; }
        public Entity Projected { get; set; }
    }

    internal sealed class SortSpec
    {
        public Slot Slot { get; set; }
        public string Name { get; set; }
        public ValueKind KeyKind { get; set; }
        public bool Descending { get; set; }
        public Func<Entity[], object> Key { get; set; }
    }

    /// <summary>
    /// The query's orders (root first, then link-entity orders depth-first) followed by every slot's primary id as
    /// tie-breakers, so the order is total: that is what makes paging by cookie lossless with ties.
    /// As on the server: nulls sort first ascending (last descending); choices sort by label and lookups by the
    /// referenced row's primary name (unless raw ordering is asked); strings case-insensitively.
    /// </summary>
    internal sealed class Sorter
    {
        private readonly QueryPlan _plan;
        private readonly IQueryDataSource _source;
        private readonly bool _rawOrder;
        private readonly Dictionary<Guid, string> _names = new Dictionary<Guid, string>();

        public Sorter(QueryPlan plan, IQueryDataSource source, bool rawOrder)
        {
            _plan = plan;
            _source = source;
            _rawOrder = rawOrder;
            foreach (var order in plan.Query.Orders) Add(order, plan.Root);
            AddLinkOrders(plan.Links);
            foreach (var slot in plan.Slots)
            {
                if (slot.Link != null && !slot.Link.ReturnsColumns) continue;
                var id = plan.Column(slot, slot.Table.PrimaryIdAttribute);
                Tiebreakers.Add(Spec(slot, id, false));
            }
            All = new SortSpec[Orders.Count + Tiebreakers.Count];
            Orders.CopyTo(All, 0);
            Tiebreakers.CopyTo(All, Orders.Count);
        }

        public List<SortSpec> Orders { get; } = new List<SortSpec>();
        public List<SortSpec> Tiebreakers { get; } = new List<SortSpec>();

        /// <summary>Orders then tie-breakers: the layout of <see cref="KeyedRow.Keys"/>.</summary>
        public SortSpec[] All { get; }

        private void AddLinkOrders(IEnumerable<LinkNode> links)
        {
            foreach (var link in links)
            {
                if (!link.ReturnsColumns) continue;
                foreach (var order in link.Link.Orders) Add(order, link.Slot);
                AddLinkOrders(link.Children);
            }
        }

        private void Add(OrderExpression order, Slot defaultSlot)
        {
            if (order == null || string.IsNullOrEmpty(order.AttributeName)) return;
            var slot = _plan.ResolveSlot(order.EntityName, defaultSlot);
            var column = _plan.Column(slot, order.AttributeName);
            Orders.Add(Spec(slot, column, order.OrderType == OrderType.Descending));
        }

        private SortSpec Spec(Slot slot, ColumnDefinition column, bool descending)
        {
            int index = slot.Index;
            string name = column.LogicalName;
            var kind = ValueComparer.KindOf(column.Type);
            var spec = new SortSpec { Slot = slot, Name = name, Descending = descending, KeyKind = kind };
            bool isChoice = kind == ValueKind.Int && column.OptionSet != null;
            bool isLookup = kind == ValueKind.Guid && column.Type != ColumnType.Uniqueidentifier;
            if (!_rawOrder && isChoice)
            {
                spec.KeyKind = ValueKind.String;
                spec.Key = row => ValueComparer.TryInt(slot.Read(row[index], name), out int v)
                    ? column.OptionSet.Find(v)?.Label ?? v.ToString(CultureInfo.InvariantCulture) : null;
            }
            else if (!_rawOrder && isLookup)
            {
                spec.KeyKind = ValueKind.String;
                spec.Key = row => NameOf(slot.Read(row[index], name));
            }
            else spec.Key = row => ValueComparer.ToKey(kind, slot.Read(row[index], name));
            return spec;
        }

        private string NameOf(object raw)
        {
            if (!(raw is EntityReference reference)) return null;
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
