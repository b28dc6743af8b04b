using System;
using System.Collections;
using System.Collections.Generic;

namespace CrmCollab.Collections
{
    /// <summary>
    /// A dictionary of string keys for the few values an entity, a request or a response mostly holds: the keys and
    /// values kept side by side and searched in order, with no hash buckets, made on the first insertion. Five values
    /// cost about half of what a Dictionary costs, and an empty map a single small object. Compiled into two assemblies
    /// from these files (SmallMap*.cs): the SDK surface, whose keyed collections (attributes, parameters, formatted
    /// values, keys) are made over it, and the engine, which sizes the entities it hands out with it (on Microsoft's
    /// assemblies too).
    /// It behaves as <see cref="Dictionary{TKey, TValue}"/> with string keys does, which is what the SDK's collections
    /// wrap: the same enumeration order (insertion order, a freed slot reused by the next insertion, the last freed
    /// first), the same exceptions, a value replaced, a key removed or the map cleared while enumerating allowed, an
    /// insertion while enumerating refused. Past <see cref="MaxSmall"/> values it moves them, in order, into a Dictionary and forwards
    /// to it from then on.
    /// </summary>
    internal sealed partial class SmallMap<TValue> : IDictionary<string, TValue>
    {
        /// <summary>The most values kept side by side; one more moves them into a Dictionary.</summary>
        public const int MaxSmall = 16;

        private KeyValuePair<string, TValue>[] _slots; // a free slot has a null key
        private int _end; // slots ever used: 0.._end-1
        private ulong _freed; // freed slots, four bits each (up to 16), the last freed in the low bits
        private int _freedCount;
        private int _version;
        private Dictionary<string, TValue> _large;

        /// <summary>A map with room for <paramref name="capacity"/> values (at most <see cref="MaxSmall"/>); none is made
        /// before the first insertion when it is 0.</summary>
        public SmallMap(int capacity)
        {
            if (capacity <= 0) return;
            _slots = new KeyValuePair<string, TValue>[Math.Min(capacity, MaxSmall)];
        }

        public int Count => _large?.Count ?? _end - _freedCount;

        public bool IsReadOnly => false;

        public TValue this[string key]
        {
            get
            {
                if (_large != null) return _large[key];
                int slot = Find(key);
                if (slot < 0) throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
                return _slots[slot].Value;
            }
            set
            {
                if (_large != null) { _large[key] = value; return; }
                int slot = Find(key);
                // A replaced value keeps the first key and leaves an enumeration running, as in Dictionary.
                if (slot >= 0) _slots[slot] = new KeyValuePair<string, TValue>(_slots[slot].Key, value);
                else Insert(key, value);
            }
        }

        public ICollection<string> Keys => _large != null ? _large.Keys : new View<string>(this, pair => pair.Key, (map, key) => map.ContainsKey(key), "key");

        public ICollection<TValue> Values => _large != null ? (ICollection<TValue>)_large.Values : new View<TValue>(this, pair => pair.Value, (map, value) => map.ContainsValue(value), "value");

        public void Add(string key, TValue value)
        {
            if (_large != null) { _large.Add(key, value); return; }
            if (Find(key) >= 0) throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
            Insert(key, value);
        }

        public void Add(KeyValuePair<string, TValue> item) => Add(item.Key, item.Value);

        public bool ContainsKey(string key) => _large != null ? _large.ContainsKey(key) : Find(key) >= 0;

        public bool TryGetValue(string key, out TValue value)
        {
            if (_large != null) return _large.TryGetValue(key, out value);
            int slot = Find(key);
            value = slot >= 0 ? _slots[slot].Value : default;
            return slot >= 0;
        }

        public bool Contains(KeyValuePair<string, TValue> item)
        {
            if (_large != null) return ((ICollection<KeyValuePair<string, TValue>>)_large).Contains(item);
            int slot = Find(item.Key);
            return slot >= 0 && EqualityComparer<TValue>.Default.Equals(_slots[slot].Value, item.Value);
        }

        public bool Remove(string key)
        {
            if (_large != null) return _large.Remove(key);
            int slot = Find(key);
            if (slot < 0) return false;
            Free(slot);
            return true;
        }

        public bool Remove(KeyValuePair<string, TValue> item)
        {
            if (_large != null) return ((ICollection<KeyValuePair<string, TValue>>)_large).Remove(item);
            int slot = Find(item.Key);
            if (slot < 0 || !EqualityComparer<TValue>.Default.Equals(_slots[slot].Value, item.Value)) return false;
            Free(slot);
            return true;
        }

        public void Clear()
        {
            if (_large != null) { _large.Clear(); return; }
            if (_end == 0) return;
            Array.Clear(_slots, 0, _end);
            _end = _freedCount = 0;
            _freed = 0; // an enumeration running ends here, as Dictionary's does after Clear
        }

        public void CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex)
        {
            if (_large != null) { ((ICollection<KeyValuePair<string, TValue>>)_large).CopyTo(array, arrayIndex); return; }
            CheckCopy(array?.Length, arrayIndex, Count, array == null);
            for (int i = 0; i < _end; i++)
                if (_slots[i].Key != null) array[arrayIndex++] = _slots[i];
        }

        // An empty map gives the shared empty enumerator, as an empty Dictionary does on .NET 10: it ends at once, even
        // after an insertion. Else the enumerator refuses an insertion made after it was taken.
        public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
            _large != null ? _large.GetEnumerator()
            : Count == 0 ? EmptyWalk<KeyValuePair<string, TValue>>()
            : new Walker(this);

        private static IEnumerator<T> EmptyWalk<T>() => ((IEnumerable<T>)Array.Empty<T>()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int Find(string key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            var slots = _slots;
            for (int i = 0; i < _end; i++)
            {
                string candidate = slots[i].Key;
                if (candidate != null && (ReferenceEquals(candidate, key) || string.Equals(candidate, key))) return i;
            }
            return -1;
        }

        private void Insert(string key, TValue value)
        {
            int slot;
            if (_freedCount > 0)
            {
                slot = (int)(_freed & 0xF);
                _freed >>= 4;
                _freedCount--;
            }
            else
            {
                if (_slots == null) _slots = new KeyValuePair<string, TValue>[4];
                else if (_end == _slots.Length)
                {
                    if (_slots.Length == MaxSmall)
                    {
                        MoveToLarge().Add(key, value);
                        return;
                    }
                    Array.Resize(ref _slots, Math.Min(MaxSmall, _slots.Length * 2));
                }
                slot = _end++;
            }
            _slots[slot] = new KeyValuePair<string, TValue>(key, value);
            _version++;
        }

        private void Free(int slot)
        {
            _slots[slot] = default;
            _freed = (_freed << 4) | (uint)slot;
            _freedCount++;
        }

        // Every slot is in use when this runs (a freed one is reused first), so their order is the enumeration order.
        private Dictionary<string, TValue> MoveToLarge()
        {
            var large = new Dictionary<string, TValue>(MaxSmall * 2);
            for (int i = 0; i < _end; i++) large.Add(_slots[i].Key, _slots[i].Value);
            _large = large;
            _slots = null;
            _version++;
            return large;
        }

        private static void CheckCopy(int? length, int index, int count, bool isNull)
        {
            if (isNull) throw new ArgumentNullException("array");
            if (index < 0 || index > length) throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (length - index < count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        }
    }
}
