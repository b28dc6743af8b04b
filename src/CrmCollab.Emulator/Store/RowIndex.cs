using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// An equality index on one column of one table, built on first use and kept current on every write, so the
    /// lookups plugins make by a lookup or a key column ("the reviews of this deal") stay O(1) as the organisation
    /// grows. It yields candidates: the query's own filter still decides, so a coarse key can never change results.
    /// Most keys name one row (a handoff key, the deal of one close record), so a key holds its first id inline and
    /// makes a set only for a second one; keys are the stored values themselves (no upper-cased copy of a text, no
    /// boxed id per lookup value), compared as the query engine compares them.
    /// </summary>
    internal sealed class RowIndex
    {
        private struct Ids
        {
            public Guid One;
            public HashSet<Guid> Many; // when set, it holds every id of the key
        }

        private readonly string _column;
        private readonly Dictionary<object, Ids> _entries = new Dictionary<object, Ids>(KeyComparer.Instance);
        private HashSet<Guid> _nulls; // the rows without a value, once a query has asked for them (else not kept)

        public RowIndex(string column, IEnumerable<Entity> rows)
        {
            _column = column;
            foreach (Entity row in rows) Add(row);
        }

        public IReadOnlyCollection<Guid> Find(object value) =>
            TryFind(value, out Guid one, out HashSet<Guid> many) ? many ?? (IReadOnlyCollection<Guid>)new[] { one } : Array.Empty<Guid>();

        /// <summary>The ids of the key without a collection for one: <paramref name="many"/> is null when it names one row.</summary>
        public bool TryFind(object value, out Guid one, out HashSet<Guid> many)
        {
            object key = Key(value);
            if (key == null || !_entries.TryGetValue(key, out var ids))
            {
                one = Guid.Empty;
                many = null;
                return false;
            }
            one = ids.One;
            many = ids.Many;
            return true;
        }

        /// <summary>The rows without a value in the column (absent or null), kept current from now on.</summary>
        public HashSet<Guid> Nulls(IEnumerable<Entity> rows)
        {
            if (_nulls != null) return _nulls;
            _nulls = new HashSet<Guid>();
            foreach (Entity row in rows) if (IsNull(row)) _nulls.Add(row.Id);
            return _nulls;
        }

        private bool IsNull(Entity row) => !row.Attributes.TryGetValue(_column, out object value) || value == null;

        public void Add(Entity row)
        {
            if (_nulls != null && row != null && IsNull(row)) _nulls.Add(row.Id);
            object key = row != null && row.Attributes.TryGetValue(_column, out object value) ? Key(value) : null;
            if (key == null) return;
            if (!_entries.TryGetValue(key, out var ids)) _entries[key] = new Ids { One = row.Id };
            else if (ids.Many != null) ids.Many.Add(row.Id);
            else if (ids.One != row.Id) _entries[key] = new Ids { Many = new HashSet<Guid> { ids.One, row.Id } };
        }

        public void Remove(Entity row)
        {
            if (_nulls != null && row != null && IsNull(row)) _nulls.Remove(row.Id);
            object key = row != null && row.Attributes.TryGetValue(_column, out object value) ? Key(value) : null;
            if (key == null || !_entries.TryGetValue(key, out var ids)) return;
            if (ids.Many == null)
            {
                if (ids.One == row.Id) _entries.Remove(key);
            }
            else if (ids.Many.Remove(row.Id) && ids.Many.Count == 1)
            {
                foreach (Guid last in ids.Many) _entries[key] = new Ids { One = last };
            }
        }

        /// <summary>
        /// A row's version replaced by another (either may be null). Most writes leave the indexed column as it was, and
        /// an Update's new version keeps the previous version's instance of every column it does not write: such a
        /// write changes nothing here, and the key's set (thousands of ids for a status) is not touched.
        /// </summary>
        public void Replace(Entity before, Entity after)
        {
            if (before != null && after != null)
            {
                before.Attributes.TryGetValue(_column, out object old);
                after.Attributes.TryGetValue(_column, out object now);
                if (ReferenceEquals(old, now)) return; // the same instance, or no value on either side
                object oldKey = Key(old), newKey = Key(now);
                if (oldKey != null && newKey != null && KeyComparer.Instance.Equals(oldKey, newKey)) return;
            }
            Remove(before);
            Add(after);
        }

        /// <summary>
        /// One key per value as the query engine compares them: a lookup by its id (the reference itself, compared by
        /// id), a choice by its number, text case-insensitively, numbers by their decimal value. Null: not indexable
        /// (the caller scans instead).
        /// </summary>
        public static object Key(object value)
        {
            switch (value)
            {
                case null: return null;
                case EntityReference reference: return reference;
                case OptionSetValue option: return (decimal)option.Value;
                case Money money: return money.Value;
                case string text: return text;
                case Guid id: return id;
                case bool flag: return flag;
                case int number: return (decimal)number;
                case long number: return (decimal)number;
                case decimal number: return number;
                default: return null;
            }
        }

        /// <summary>Equality of keys: ids whether held by a reference or a Guid, text ignoring case, else Equals.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object x, object y)
            {
                if (x is string a) return y is string b && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
                if (IdOf(x) is Guid left) return IdOf(y) is Guid right && left == right;
                return x.Equals(y);
            }

            public int GetHashCode(object key) =>
                key is string text ? StringComparer.OrdinalIgnoreCase.GetHashCode(text)
                : IdOf(key) is Guid id ? id.GetHashCode()
                : key.GetHashCode();

            private static Guid? IdOf(object key) => key is EntityReference reference ? reference.Id : key is Guid id ? id : (Guid?)null;
        }
    }
}
