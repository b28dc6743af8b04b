using System;
using System.Collections;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The attributes of the row a Create or an Update is building, held as the stored form holds them (the table's
    /// column numbers and the values) so that freezing it is an array copy, and an Update starts from the previous
    /// version's arrays instead of re-entering every column by name. Enumerates in the order a Dictionary would: a
    /// removed column leaves a hole the next added column fills (newest hole first), so rows read back exactly as
    /// before. One instance is reused by the store for every write; it is free again once the row is frozen.
    /// </summary>
    internal sealed class RowDraft : IDictionary<string, object>
    {
        private const int Hole = -1;
        private ColumnLayout _layout;
        private int[] _ordinals = new int[32];
        private object[] _values = new object[32];
        private int _used; // slots in use, holes included
        private int[] _holes = new int[4];
        private int _holeCount;
        private ushort[] _source; // the previous version's column numbers, while this draft still has exactly them

        /// <summary>Starts an empty row of the table whose columns <paramref name="layout"/> numbers.</summary>
        public void Start(ColumnLayout layout)
        {
            Array.Clear(_values, 0, _used);
            _used = 0;
            _holeCount = 0;
            _source = null;
            _layout = layout;
        }

        /// <summary>Starts the next version of a stored row: its columns and values, in its order.</summary>
        public void Start(ColumnLayout layout, StoredAttributes previous)
        {
            Start(layout);
            int count = previous.Count;
            Reserve(count);
            var ordinals = previous.Ordinals;
            for (int i = 0; i < count; i++) _ordinals[i] = ordinals[i];
            Array.Copy(previous.StoredValues, _values, count);
            _used = count;
            _source = ordinals;
        }

        /// <summary>The finished row in its stored form; column numbers shared with the previous version when unchanged.</summary>
        public StoredAttributes Freeze()
        {
            int count = Count;
            var values = new object[count];
            ushort[] ordinals = _source;
            if (ordinals == null)
            {
                Span<int> compact = count <= 256 ? stackalloc int[count] : new int[count];
                for (int i = 0, j = 0; i < _used; i++)
                    if (_ordinals[i] != Hole) compact[j++] = _ordinals[i];
                ordinals = _layout.Ordinals(compact);
            }
            for (int i = 0, j = 0; i < _used; i++)
                if (_ordinals[i] != Hole) values[j++] = _values[i];
            return new StoredAttributes(_layout, ordinals, values);
        }

        private int IndexOf(string key)
        {
            int ordinal = _layout.Find(key);
            return ordinal < 0 ? -1 : Array.IndexOf(_ordinals, ordinal, 0, _used);
        }

        private void Reserve(int count)
        {
            if (count <= _ordinals.Length) return;
            int size = Math.Max(count, _ordinals.Length * 2);
            Array.Resize(ref _ordinals, size);
            Array.Resize(ref _values, size);
        }

        private void Insert(string key, object value)
        {
            int ordinal = _layout.Intern(key);
            if (ordinal < 0) throw new InvalidOperationException($"The table has no room left for the column '{key}'.");
            int slot;
            if (_holeCount > 0) slot = _holes[--_holeCount];
            else
            {
                Reserve(_used + 1);
                slot = _used++;
            }
            _ordinals[slot] = ordinal;
            _values[slot] = value;
            _source = null;
        }

        public int Count => _used - _holeCount;

        public bool IsReadOnly => false;

        public object this[string key]
        {
            get
            {
                int i = IndexOf(key);
                return i >= 0 ? _values[i] : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
            }
            set
            {
                if (key == null) throw new ArgumentNullException(nameof(key));
                int i = IndexOf(key);
                if (i >= 0) _values[i] = value;
                else Insert(key, value);
            }
        }

        public void Add(string key, object value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (IndexOf(key) >= 0) throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
            Insert(key, value);
        }

        public void Add(KeyValuePair<string, object> item) => Add(item.Key, item.Value);

        public bool Remove(string key)
        {
            int i = key == null ? -1 : IndexOf(key);
            if (i < 0) return false;
            _ordinals[i] = Hole;
            _values[i] = null;
            if (_holeCount == _holes.Length) Array.Resize(ref _holes, _holes.Length * 2);
            _holes[_holeCount++] = i;
            _source = null;
            return true;
        }

        public bool Remove(KeyValuePair<string, object> item) => Contains(item) && Remove(item.Key);

        public void Clear() => Start(_layout);

        public bool TryGetValue(string key, out object value)
        {
            int i = key == null ? -1 : IndexOf(key);
            value = i >= 0 ? _values[i] : null;
            return i >= 0;
        }

        public bool ContainsKey(string key) => key != null && IndexOf(key) >= 0;

        public bool Contains(KeyValuePair<string, object> item)
        {
            int i = item.Key == null ? -1 : IndexOf(item.Key);
            return i >= 0 && EqualityComparer<object>.Default.Equals(_values[i], item.Value);
        }

        public ICollection<string> Keys
        {
            get
            {
                var keys = new List<string>(Count);
                for (int i = 0; i < _used; i++)
                    if (_ordinals[i] != Hole) keys.Add(_layout.Name(_ordinals[i]));
                return keys;
            }
        }

        public ICollection<object> Values
        {
            get
            {
                var values = new List<object>(Count);
                for (int i = 0; i < _used; i++)
                    if (_ordinals[i] != Hole) values.Add(_values[i]);
                return values;
            }
        }

        public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex)
        {
            foreach (var pair in this) array[arrayIndex++] = pair;
        }

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            for (int i = 0; i < _used; i++)
                if (_ordinals[i] != Hole) yield return new KeyValuePair<string, object>(_layout.Name(_ordinals[i]), _values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
