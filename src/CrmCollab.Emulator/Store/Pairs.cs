using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The pairs of a keyed collection (an entity's attributes, a request's parameters) copied into a pooled array and
    /// walked without an enumerator: the SDK's collections hand out a new enumerator object for every foreach, and the
    /// engine walks each request's target several times (copied, filtered, split, validated, written, formatted). Copied
    /// with the collection's public CopyTo, so it holds on Microsoft's assemblies too. A snapshot taken at once: only for
    /// walks that do not change the collection they walk. Dispose gives the array back (<c>using var</c>).
    /// </summary>
    internal ref struct Pairs
    {
        private KeyValuePair<string, object>[] _rented;
        private readonly int _count;

        public Pairs(DataCollection<string, object> source)
        {
            _count = source.Count;
            _rented = null;
            if (_count == 0) return;
            _rented = ArrayPool<KeyValuePair<string, object>>.Shared.Rent(_count);
            source.CopyTo(_rented, 0);
        }

        public int Count => _count;

        public ReadOnlySpan<KeyValuePair<string, object>>.Enumerator GetEnumerator() =>
            new ReadOnlySpan<KeyValuePair<string, object>>(_rented, 0, _count).GetEnumerator();

        public void Dispose()
        {
            if (_rented == null) return;
            Array.Clear(_rented, 0, _count); // the pool keeps no row's values alive
            ArrayPool<KeyValuePair<string, object>>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
