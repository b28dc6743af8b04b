using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The attributes of a stored row: its columns' numbers in the table's <see cref="ColumnLayout"/> and the values,
    /// in the order the row was written (so a row reads back in the same order as the dictionary it was built in).
    /// Two small arrays instead of a hash table of names: a stored row of 26 values takes about 300 bytes here against
    /// about 950 in a dictionary sized for it. Read-only: the store replaces a row, it never changes one in place, and
    /// a write to a stored row is a defect this refuses loudly.
    /// </summary>
    internal sealed class StoredAttributes : IDictionary<string, object>
    {
        private readonly ColumnLayout _layout;
        private readonly ushort[] _ordinals;
        private readonly object[] _values;

        internal StoredAttributes(ColumnLayout layout, ushort[] ordinals, object[] values)
        {
            _layout = layout;
            _ordinals = ordinals;
            _values = values;
        }

        /// <summary>The same values held compactly, or null when the layout has no room left for a column.</summary>
        public static StoredAttributes Freeze(ColumnLayout layout, AttributeCollection source)
        {
            var ordinals = new ushort[source.Count];
            var values = new object[source.Count];
            int i = 0;
            foreach (var pair in source)
            {
                int ordinal = layout.Intern(pair.Key);
                if (ordinal < 0) return null;
                ordinals[i] = (ushort)ordinal;
                values[i++] = pair.Value;
            }
            return new StoredAttributes(layout, ordinals, values);
        }

        /// <summary>The numbering the columns' numbers are in: the table's.</summary>
        internal ColumnLayout Layout => _layout;

        /// <summary>The columns' numbers, in the row's order (shared between rows: never changed).</summary>
        internal ushort[] Ordinals => _ordinals;

        internal object[] StoredValues => _values;

        private int IndexOf(string key)
        {
            int ordinal = _layout.Find(key);
            return ordinal < 0 ? -1 : Array.IndexOf(_ordinals, (ushort)ordinal);
        }

        public int Count => _values.Length;

        public bool IsReadOnly => true;

        public object this[string key]
        {
            get
            {
                int i = IndexOf(key);
                return i >= 0 ? _values[i] : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
            }
            set => throw ReadOnly();
        }

        public bool TryGetValue(string key, out object value)
        {
            int i = IndexOf(key);
            value = i >= 0 ? _values[i] : null;
            return i >= 0;
        }

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool Contains(KeyValuePair<string, object> item)
        {
            int i = IndexOf(item.Key);
            return i >= 0 && EqualityComparer<object>.Default.Equals(_values[i], item.Value);
        }

        public ICollection<string> Keys
        {
            get
            {
                var keys = new string[_ordinals.Length];
                for (int i = 0; i < keys.Length; i++) keys[i] = _layout.Name(_ordinals[i]);
                return keys;
            }
        }

        public ICollection<object> Values => (object[])_values.Clone();

        public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex)
        {
            for (int i = 0; i < _values.Length; i++) array[arrayIndex + i] = new KeyValuePair<string, object>(_layout.Name(_ordinals[i]), _values[i]);
        }

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            for (int i = 0; i < _values.Length; i++) yield return new KeyValuePair<string, object>(_layout.Name(_ordinals[i]), _values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Add(string key, object value) => throw ReadOnly();
        public void Add(KeyValuePair<string, object> item) => throw ReadOnly();
        public bool Remove(string key) => throw ReadOnly();
        public bool Remove(KeyValuePair<string, object> item) => throw ReadOnly();
        public void Clear() => throw ReadOnly();

        private static InvalidOperationException ReadOnly() =>
            new InvalidOperationException("A stored row is never changed in place: the store writes a new version of it.");
    }
}
