using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    internal enum JoinKind { Inner, LeftOuter, Exists, NotExists, FirstMatch }

    /// <summary>One table of a joined row: the root (slot 0) or a link-entity, in depth-first order.</summary>
    internal sealed class Slot
    {
        public int Index { get; set; }
        public TableDefinition Table { get; set; }
        /// <summary>The alias results and conditions use: explicit, or generated as "<table><n>".</summary>
        public string Alias { get; set; }
        public bool ExplicitAlias { get; set; }
        public LinkNode Link { get; set; }

        /// <summary>A column value of this slot's row; the primary id falls back to Entity.Id.</summary>
        public object Read(Entity row, string column)
        {
            if (row == null) return null;
            if (StoredRow.TryRead(row, column, out object value) && value != null) return value;
            if (column == Table.PrimaryIdAttribute && row.Id != Guid.Empty) return row.Id;
            return null;
        }
    }

    internal sealed class LinkNode
    {
        public LinkEntity Link { get; set; }
        public Slot Slot { get; set; }
        public Slot Parent { get; set; }
        public JoinKind Kind { get; set; }
        public ColumnDefinition FromColumn { get; set; } // on the parent
        public ColumnDefinition ToColumn { get; set; }   // on the linked table
        public List<LinkNode> Children { get; } = new List<LinkNode>();
        public RowFilter Criteria { get; set; }
        /// <summary>True when the criteria only read this link's own row, so they can pre-filter the build side.</summary>
        public bool CriteriaLocal { get; set; }

        /// <summary>Joining on the linked table's primary key matches at most one row: no multiplication.</summary>
        public bool AtMostOne => ToColumn.LogicalName == Slot.Table.PrimaryIdAttribute;

        public bool ReturnsColumns => Kind == JoinKind.Inner || Kind == JoinKind.LeftOuter || Kind == JoinKind.FirstMatch;
    }

    /// <summary>A validated query: tables, slots and link tree resolved against metadata.</summary>
    internal sealed class QueryPlan
    {
        private readonly MetadataCatalog _catalog;
        private Dictionary<string, int> _aliasCounters; // made for the first link without an alias

        public QueryPlan(QueryExpression query, MetadataCatalog catalog)
        {
            _catalog = catalog;
            Query = query;
            if (string.IsNullOrEmpty(query.EntityName)) throw QueryFaults.Invalid("The query has no EntityName.");
            var root = Table(query.EntityName);
            var links = QueryParts.Links(query);
            Slots = new List<Slot>(1 + links.Count); // room for the root and the top-level links (nested ones grow it)
            Slots.Add(new Slot { Index = 0, Table = root, Alias = root.LogicalName });
            for (int i = 0; i < links.Count; i++) Links.Add(AddLink(links[i], Slots[0]));
        }

        public QueryExpression Query { get; }
        public List<Slot> Slots { get; }
        public List<LinkNode> Links { get; } = new List<LinkNode>();
        public Slot Root => Slots[0];

        /// <summary>Links that return columns and may match several rows: then rows multiply, as in SQL.</summary>
        public bool Multiplies
        {
            get
            {
                foreach (var slot in Slots)
                    if (slot.Link != null && slot.Link.ReturnsColumns && slot.Link.Kind != JoinKind.FirstMatch && !slot.Link.AtMostOne)
                        return true;
                return false;
            }
        }

        public TableDefinition Table(string name)
        {
            var table = _catalog.Table(name);
            if (table == null) throw QueryFaults.UnknownEntity(name);
            return table;
        }

        public ColumnDefinition Column(Slot slot, string column)
        {
            var definition = slot.Table.Column(column);
            if (definition == null) throw QueryFaults.UnknownAttribute(slot.Table.LogicalName, column);
            return definition;
        }

        /// <summary>The slot a condition/order names (alias, or table name of the root or an unaliased link).</summary>
        public Slot ResolveSlot(string entityName, Slot defaultSlot)
        {
            if (string.IsNullOrEmpty(entityName)) return defaultSlot;
            foreach (var slot in Slots)
                if (slot.Link != null && string.Equals(slot.Alias, entityName, StringComparison.OrdinalIgnoreCase)) return slot;
            if (string.Equals(Root.Table.LogicalName, entityName, StringComparison.Ordinal)) return Root;
            foreach (var slot in Slots)
                if (slot.Link != null && !slot.ExplicitAlias && slot.Table.LogicalName == entityName) return slot;
            throw QueryFaults.Invalid($"No link-entity with alias or name '{entityName}' is part of the query on '{Root.Table.LogicalName}'.");
        }

        private LinkNode AddLink(LinkEntity link, Slot parent)
        {
            if (string.IsNullOrEmpty(link.LinkToEntityName)) throw QueryFaults.Invalid("A link-entity has no entity name.");
            var table = Table(link.LinkToEntityName);
            bool explicitAlias = !string.IsNullOrEmpty(link.EntityAlias);
            string alias = explicitAlias ? link.EntityAlias : NextAlias(table.LogicalName);
            var slot = new Slot { Index = Slots.Count, Table = table, Alias = alias, ExplicitAlias = explicitAlias };
            Slots.Add(slot);
            var node = new LinkNode
            {
                Link = link,
                Slot = slot,
                Parent = parent,
                Kind = KindOf(link.JoinOperator),
                FromColumn = Column(parent, Required(link.LinkFromAttributeName, "from")),
                ToColumn = Column(slot, Required(link.LinkToAttributeName, "to")),
            };
            slot.Link = node;
            var children = QueryParts.Links(link);
            for (int i = 0; i < children.Count; i++) node.Children.Add(AddLink(children[i], slot));
            return node;
        }

        private string NextAlias(string table)
        {
            _aliasCounters ??= new Dictionary<string, int>(StringComparer.Ordinal);
            _aliasCounters.TryGetValue(table, out int n);
            _aliasCounters[table] = ++n;
            return table + n;
        }

        private static string Required(string value, string what) =>
            string.IsNullOrEmpty(value) ? throw QueryFaults.Invalid($"A link-entity has no '{what}' attribute.") : value;

        private static JoinKind KindOf(JoinOperator op)
        {
            switch (op)
            {
                case JoinOperator.Inner: case JoinOperator.Natural: return JoinKind.Inner;
                case JoinOperator.LeftOuter: return JoinKind.LeftOuter;
                case JoinOperator.In: case JoinOperator.Exists: case JoinOperator.Any: return JoinKind.Exists;
                case JoinOperator.NotAny: return JoinKind.NotExists;
                case JoinOperator.MatchFirstRowUsingCrossApply: return JoinKind.FirstMatch;
                default: throw QueryFaults.Unsupported($"The join operator '{op}' is not supported by the emulator.");
            }
        }
    }
}
