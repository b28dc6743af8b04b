using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A list with range helpers, as the SDK's entity and reference collections use.</summary>
    [Serializable]
    public class DataCollection<T> : Collection<T>
    {
        // The SDK exposes no public parameterless constructor on this type; derived collections use these.
        internal DataCollection() { }

        // Copies the items, as the SDK's list constructors (EntityCollection, EntityReferenceCollection, ...) do: later
        // changes to the caller's list are not seen. A null list gives an empty collection.
        internal DataCollection(IList<T> list) : base(list == null ? new List<T>() : new List<T>(list)) { }

        public DataCollection(int capacity) : base(new List<T>(capacity)) { }

        public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

        /// <summary>Adds each item in order; null adds nothing (as in the SDK).</summary>
        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (T item in items) Add(item);
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    /// <summary>
    /// A keyed collection (attributes, parameters, images...). Not an IDictionary on purpose: the SDK's shape is
    /// an enumerable of pairs with dictionary-like members, which is also what makes it a data-contract collection.
    /// </summary>
    [Serializable]
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        // Until a collection is written, it reads this shared empty one: most key collections, and many formatted-value
        // ones, are only ever asked whether they hold anything. Never written: every write goes through Items.
        private static readonly IDictionary<TKey, TValue> NothingYet = Make();
        private IDictionary<TKey, TValue> _items;

        // Keyed by name (attributes, parameters, formatted values, keys), over a small map that behaves as the SDK's
        // Dictionary does (CrmCollab.Collections.SmallMap); other keys over a Dictionary. Made by the first write.
        protected internal DataCollection() => _items = NothingYet;

        // The dictionary is used as it is (its comparer, its contents, later changes), as in the SDK; a null one only
        // fails when the collection is used.
        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _items = collection;
        }

        // The collection's own dictionary, made now if it still reads the shared empty one (writes, live views, enumerators).
        private IDictionary<TKey, TValue> Items => ReferenceEquals(_items, NothingYet) ? _items = Make() : _items;

        private static IDictionary<TKey, TValue> Make() => typeof(TKey) == typeof(string)
            ? (IDictionary<TKey, TValue>)(object)new CrmCollab.Collections.SmallMap<TValue>(0)
            : new Dictionary<TKey, TValue>();

        public virtual TValue this[TKey key]
        {
            get => _items[key];
            set => Items[key] = value;
        }

        public int Count => _items.Count;

        // False whatever the dictionary, as in the SDK (a read-only dictionary still refuses changes).
        public virtual bool IsReadOnly => false;

        public ICollection<TKey> Keys => Items.Keys;

        public ICollection<TValue> Values => Items.Values;

        public void Add(TKey key, TValue value) => Items.Add(key, value);

        public void Add(KeyValuePair<TKey, TValue> item) => Items.Add(item);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        /// <summary>Adds each pair (a key already present throws ArgumentException); null adds nothing (as in the SDK).</summary>
        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            foreach (var item in items) Items.Add(item);
        }

        public void Clear()
        {
            if (!ReferenceEquals(_items, NothingYet)) _items.Clear();
        }

        public bool Contains(TKey key) => ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);

        public bool ContainsKey(TKey key) => _items.ContainsKey(key);

        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

        // Removing from the shared empty one finds nothing (and refuses a null key as any dictionary does).
        public bool Remove(TKey key) => _items.Remove(key);

        public bool Remove(KeyValuePair<TKey, TValue> item) => _items.Remove(item);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
