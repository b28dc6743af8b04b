using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// An equality index on one column of one table, built on first use and kept current on every write, so the
    /// lookups plugins make by a lookup or a key column ("the reviews of this deal") stay O(1) as the organisation
    /// grows. It yields candidates: the query's own filter still decides, so a coarse key can never change results.
    /// </summary>
    internal sealed class RowIndex
    {
        private readonly string _column;
        private readonly Dictionary<object, HashSet<Guid>> _entries = new Dictionary<object, HashSet<Guid>>();

        public RowIndex(string column, IEnumerable<Entity> rows)
        {
            _column = column;
            foreach (Entity row in rows) Add(row);
        }

        public IReadOnlyCollection<Guid> Find(object value)
        {
            object key = Key(value);
            return key != null && _entries.TryGetValue(key, out var ids) ? ids : (IReadOnlyCollection<Guid>)Array.Empty<Guid>();
        }

        public void Add(Entity row)
        {
            object key = row != null && row.Attributes.TryGetValue(_column, out object value) ? Key(value) : null;
            if (key == null) return;
            if (!_entries.TryGetValue(key, out var ids)) _entries[key] = ids = new HashSet<Guid>();
            ids.Add(row.Id);
        }

        public void Remove(Entity row)
        {
            object key = row != null && row.Attributes.TryGetValue(_column, out object value) ? Key(value) : null;
            if (key != null && _entries.TryGetValue(key, out var ids) && ids.Remove(row.Id) && ids.Count == 0) _entries.Remove(key);
        }

        /// <summary>
        /// One key per value as the query engine compares them: a lookup by its id, a choice by its number, text
        /// case-insensitively, numbers by their decimal value. Null: not indexable (the caller scans instead).
        /// </summary>
        public static object Key(object value)
        {
            switch (value)
            {
                case null: return null;
                case EntityReference reference: return reference.Id;
                case OptionSetValue option: return (decimal)option.Value;
                case Money money: return money.Value;
                case string text: return text.ToUpperInvariant();
                case Guid id: return id;
                case bool flag: return flag;
                case int number: return (decimal)number;
                case long number: return (decimal)number;
                case decimal number: return number;
                default: return null;
            }
        }
    }
}
