using System;
using System.Collections;
using System.Collections.Generic;

namespace CrmCollab.Collections
{
    /// <summary>How a <see cref="SmallMap{TValue}"/> is walked: its enumerator and its read-only key and value views.</summary>
    internal sealed partial class SmallMap<TValue>
    {
        /// <summary>Walks the slots in order, as Dictionary's enumerator walks its entries.</summary>
        private sealed class Walker : IEnumerator<KeyValuePair<string, TValue>>
        {
            private readonly SmallMap<TValue> _map;
            private readonly int _version;
            private int _next;
            private KeyValuePair<string, TValue> _current;
            private bool _started, _ended;

            public Walker(SmallMap<TValue> map)
            {
                _map = map;
                _version = map._version;
            }

            public KeyValuePair<string, TValue> Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (!_started || _ended) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return Current;
                }
            }

            public bool MoveNext()
            {
                if (_version != _map._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _started = true;
                var slots = _map._slots;
                while (_next < _map._end)
                {
                    _current = slots[_next++];
                    if (_current.Key != null) return true;
                }
                _ended = true;
                _current = default;
                return false;
            }

            public void Reset()
            {
                if (_version != _map._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _next = 0;
                _started = _ended = false;
                _current = default;
            }

            public void Dispose() { }
        }

        /// <summary>The keys or the values as Dictionary.Keys and .Values give them: a live, read-only view.</summary>
        private sealed class View<T> : ICollection<T>
        {
            private readonly SmallMap<TValue> _map;
            private readonly Func<KeyValuePair<string, TValue>, T> _pick;
            private readonly Func<SmallMap<TValue>, T, bool> _contains;
            private readonly string _what;

            public View(SmallMap<TValue> map, Func<KeyValuePair<string, TValue>, T> pick, Func<SmallMap<TValue>, T, bool> contains, string what)
            {
                _map = map;
                _pick = pick;
                _contains = contains;
                _what = what;
            }

            public int Count => _map.Count;
            public bool IsReadOnly => true;
            public bool Contains(T item) => _contains(_map, item);
            public void CopyTo(T[] array, int arrayIndex)
            {
                CheckCopy(array?.Length, arrayIndex, _map.Count, array == null);
                foreach (var pair in _map) array[arrayIndex++] = _pick(pair);
            }
            // Taken now, as Dictionary's views take theirs: an insertion after this refuses the walk; an empty view ends at once.
            public IEnumerator<T> GetEnumerator() => _map.Count == 0 ? EmptyWalk<T>() : Picked(_map.GetEnumerator());

            private IEnumerator<T> Picked(IEnumerator<KeyValuePair<string, TValue>> pairs)
            {
                using (pairs)
                    while (pairs.MoveNext()) yield return _pick(pairs.Current);
            }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            public void Add(T item) => throw ReadOnlyView(_what);
            public bool Remove(T item) => throw ReadOnlyView(_what);
            public void Clear() => throw ReadOnlyView(_what);
        }

        private bool ContainsValue(TValue value)
        {
            foreach (var pair in this)
                if (EqualityComparer<TValue>.Default.Equals(pair.Value, value)) return true;
            return false;
        }

        private static NotSupportedException ReadOnlyView(string what) =>
            new NotSupportedException($"Mutating a {what} collection derived from a dictionary is not allowed.");
    }
}
