using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>The engine's source, counting the rows it hands out; optionally without its id order (→ scan and sort).</summary>
    internal sealed class CountingSource : IQueryDataSource
    {
        private readonly IQueryDataSource _inner;
        private readonly bool _idOrder;

        public CountingSource(IQueryDataSource inner, bool idOrder) { _inner = inner; _idOrder = idOrder; }

        public long RowsRead { get; private set; }
        public MetadataCatalog Catalog => _inner.Catalog;
        public IEnumerable<Entity> Scan(string table) => Counted(_inner.Scan(table));
        public bool TryGet(string table, Guid id, out Entity row) => _inner.TryGet(table, id, out row);
        public IEnumerable<Entity> Find(string table, string column, object value) => Counted(_inner.Find(table, column, value));
        public IEnumerable<Entity> FindNull(string table, string column)
        {
            NullLookups++;
            return Counted(_inner.FindNull(table, column));
        }

        /// <summary>How often the engine asked for the rows without a value.</summary>
        public int NullLookups { get; private set; }
        public IEnumerable<Entity> ScanInIdOrder(string table, Guid? after) => _idOrder ? Counted(_inner.ScanInIdOrder(table, after)) : null;

        private IEnumerable<Entity> Counted(IEnumerable<Entity> rows) =>
            rows == null ? null : rows is IReadOnlyCollection<Entity> known ? new CountedRows(this, known) : (IEnumerable<Entity>)CountedLazily(rows);

        private IEnumerable<Entity> CountedLazily(IEnumerable<Entity> rows)
        {
            if (rows == null) yield break;
            foreach (Entity row in rows)
            {
                RowsRead++;
                yield return row;
            }
        }

        /// <summary>Keeps the count visible (the engine weighs it), counts the rows as they are read.</summary>
        private sealed class CountedRows : IReadOnlyCollection<Entity>
        {
            private readonly CountingSource _owner;
            private readonly IReadOnlyCollection<Entity> _rows;

            public CountedRows(CountingSource owner, IReadOnlyCollection<Entity> rows) { _owner = owner; _rows = rows; }

            public int Count => _rows.Count;
            public IEnumerator<Entity> GetEnumerator() => _owner.CountedLazily(_rows).GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
