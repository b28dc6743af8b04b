using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The organisation's rows: one dictionary per table. Rows held here are private instances; every write goes
    /// through an <see cref="UndoLog"/> so a transaction can put the previous state back.
    /// </summary>
    public sealed class RowStore
    {
        private readonly Dictionary<string, Dictionary<Guid, Entity>> _tables =
            new Dictionary<string, Dictionary<Guid, Entity>>(StringComparer.Ordinal);
        private long _version = 1000;
        private readonly Dictionary<string, Dictionary<string, RowIndex>> _indexes =
            new Dictionary<string, Dictionary<string, RowIndex>>(StringComparer.Ordinal);
        private readonly Dictionary<string, IdOrderIndex> _idOrder = new Dictionary<string, IdOrderIndex>(StringComparer.Ordinal);
        private readonly Dictionary<string, ColumnLayout> _layouts = new Dictionary<string, ColumnLayout>(StringComparer.Ordinal);

        /// <summary>Raised with the table name after any write or restore (e.g. to refresh security caches).</summary>
        public event Action<string> Changed;

        public bool TryGet(string table, Guid id, out Entity row)
        {
            row = null;
            return table != null && _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out row);
        }

        public bool Exists(string table, Guid id) => TryGet(table, id, out _);

        public IEnumerable<Entity> Scan(string table) =>
            table != null && _tables.TryGetValue(table, out var rows) ? rows.Values : (IEnumerable<Entity>)Array.Empty<Entity>();

        /// <summary>
        /// Rows whose column equals the value (as the query engine compares), with their count known before reading
        /// them (the query engine weighs it against the table's); the index is built on first use.
        /// </summary>
        public IReadOnlyCollection<Entity> Find(string table, string column, object value)
        {
            if (table == null || !_tables.TryGetValue(table, out var rows)) return Array.Empty<Entity>();
            RowIndex index = Index(table, column, rows);
            if (!index.TryFind(value, out Guid one, out HashSet<Guid> many)) return Array.Empty<Entity>();
            if (many == null) return rows.TryGetValue(one, out var row) ? new[] { row } : Array.Empty<Entity>();
            return RowsOf(many, rows);
        }

        /// <summary>Rows without a value in the column (absent or null), through the same index, also counted before reading.</summary>
        public IReadOnlyCollection<Entity> FindNull(string table, string column)
        {
            if (table == null || !_tables.TryGetValue(table, out var rows)) return Array.Empty<Entity>();
            return RowsOf(Index(table, column, rows).Nulls(rows.Values), rows);
        }

        private RowIndex Index(string table, string column, Dictionary<Guid, Entity> rows)
        {
            if (!_indexes.TryGetValue(table, out var byColumn))
                _indexes[table] = byColumn = new Dictionary<string, RowIndex>(StringComparer.Ordinal);
            if (!byColumn.TryGetValue(column, out var index)) byColumn[column] = index = new RowIndex(column, rows.Values);
            return index;
        }

        private static IReadOnlyCollection<Entity> RowsOf(HashSet<Guid> many, Dictionary<Guid, Entity> rows)
        {
            if (many.Count > SmallFind) return new IndexedRows(many, rows);
            // A few rows (most keys name a deal's children): an array of them costs less than a lazy reader over the set.
            var found = new Entity[many.Count];
            int count = 0;
            foreach (Guid id in many)
                if (rows.TryGetValue(id, out var row)) found[count++] = row;
            if (count < found.Length) Array.Resize(ref found, count);
            return found;
        }

        private const int SmallFind = 16;

        private sealed class IndexedRows : IReadOnlyCollection<Entity>
        {
            private readonly IReadOnlyCollection<Guid> _ids;
            private readonly Dictionary<Guid, Entity> _rows;

            public IndexedRows(IReadOnlyCollection<Guid> ids, Dictionary<Guid, Entity> rows) { _ids = ids; _rows = rows; }

            public int Count => _ids.Count;

            public IEnumerator<Entity> GetEnumerator()
            {
                foreach (Guid id in _ids)
                    if (_rows.TryGetValue(id, out var row)) yield return row;
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        /// <summary>
        /// Rows in primary-id order (SQL Server's uniqueidentifier order) strictly after <paramref name="after"/>, read
        /// lazily; the order index is built on first use and kept current by every write.
        /// </summary>
        public IEnumerable<Entity> ScanInIdOrder(string table, Guid? after)
        {
            if (table == null || !_tables.TryGetValue(table, out var rows)) yield break;
            if (!_idOrder.TryGetValue(table, out var order)) _idOrder[table] = order = new IdOrderIndex(rows.Values);
            foreach (Entity row in order.After(after)) yield return row;
        }

        public int Count(string table) => table != null && _tables.TryGetValue(table, out var rows) ? rows.Count : 0;

        /// <summary>Monotonic row version shared by all tables, as SQL rowversion is per database.</summary>
        public long NextVersion() => ++_version;

        /// <summary>
        /// Inserts or replaces; the row instance becomes the store's own and read-only: its attributes are frozen into
        /// the table's compact form (<see cref="StoredAttributes"/>).
        /// </summary>
        public void Put(Entity row, UndoLog log)
        {
            Freeze(row);
            Keep(row, log);
        }

        /// <summary>As <see cref="Put(Entity, UndoLog)"/> for a row built in <paramref name="draft"/>, frozen from it.</summary>
        internal void Put(StoredRow row, RowDraft draft, UndoLog log)
        {
            var frozen = draft.Freeze();
            var attributes = SizedEntity.Over(frozen);
            if (attributes == null)
            {
                attributes = new AttributeCollection();
                foreach (var pair in frozen) attributes[pair.Key] = pair.Value;
            }
            else row.Stored = frozen;
            row.Attributes = attributes;
            Keep(row, log);
        }

        /// <summary>The column numbering of a table's stored rows.</summary>
        internal ColumnLayout Layout(string table)
        {
            if (!_layouts.TryGetValue(table, out var layout)) _layouts[table] = layout = new ColumnLayout();
            return layout;
        }

        private void Keep(Entity row, UndoLog log)
        {
            if (!_tables.TryGetValue(row.LogicalName, out var rows))
                _tables[row.LogicalName] = rows = new Dictionary<Guid, Entity>();
            rows.TryGetValue(row.Id, out var previous);
            log?.Record(row.LogicalName, row.Id, previous);
            rows[row.Id] = row;
            Reindex(row.LogicalName, previous, row);
            Changed?.Invoke(row.LogicalName);
        }

        public bool Remove(string table, Guid id, UndoLog log)
        {
            if (!_tables.TryGetValue(table, out var rows) || !rows.TryGetValue(id, out var previous)) return false;
            log?.Record(table, id, previous);
            rows.Remove(id);
            Reindex(table, previous, null);
            Changed?.Invoke(table);
            return true;
        }

        /// <summary>Puts a previous state back (null: the row did not exist). Used by the undo log only.</summary>
        internal void Restore(string table, Guid id, Entity previous)
        {
            if (!_tables.TryGetValue(table, out var rows))
                _tables[table] = rows = new Dictionary<Guid, Entity>();
            rows.TryGetValue(id, out var current);
            if (previous == null) rows.Remove(id);
            else rows[id] = previous;
            Reindex(table, current, previous);
            Changed?.Invoke(table);
        }

        /// <summary>Gives the row attributes of its own (a writer may have built it in a reused draft), compact when possible.</summary>
        private void Freeze(Entity row)
        {
            var layout = Layout(row.LogicalName);
            var frozen = StoredAttributes.Freeze(layout, row.Attributes);
            var attributes = frozen == null ? null : SizedEntity.Over(frozen);
            if (row is StoredRow stored) stored.Stored = attributes == null ? null : frozen;
            if (attributes == null)
            {
                attributes = new AttributeCollection();
                foreach (var pair in row.Attributes) attributes[pair.Key] = pair.Value;
            }
            row.Attributes = attributes;
        }

        private void Reindex(string table, Entity before, Entity after)
        {
            if ((before != null || after != null) && _idOrder.TryGetValue(table, out var order))
            {
                if (before == null) order.Add(after);
                else if (after == null) order.Remove(before.Id);
                else order.Replace(after); // the id order holds each row's current version
            }
            if (!_indexes.TryGetValue(table, out var byColumn)) return;
            foreach (var index in byColumn.Values) index.Replace(before, after);
        }
    }

    /// <summary>Previous states of the rows one transaction touched, newest last.</summary>
    public sealed class UndoLog
    {
        // Most transactions write one row (or none): the first entry is kept inline, a list is made for a second.
        private (string Table, Guid Id, Entity Previous) _first;
        private bool _hasFirst;
        private List<(string Table, Guid Id, Entity Previous)> _more;

        public int Count => (_hasFirst ? 1 : 0) + (_more?.Count ?? 0);

        internal void Record(string table, Guid id, Entity previous)
        {
            if (!_hasFirst)
            {
                _first = (table, id, previous);
                _hasFirst = true;
            }
            else (_more ??= new List<(string, Guid, Entity)>()).Add((table, id, previous));
        }

        public void Rollback(RowStore store)
        {
            if (_more != null)
                for (int i = _more.Count - 1; i >= 0; i--)
                    store.Restore(_more[i].Table, _more[i].Id, _more[i].Previous);
            if (_hasFirst) store.Restore(_first.Table, _first.Id, _first.Previous);
            Clear();
        }

        public void Clear()
        {
            _first = default;
            _hasFirst = false;
            _more?.Clear();
        }
    }
}
