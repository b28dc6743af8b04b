using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Query;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The ids of one table in SQL Server's uniqueidentifier order, as the clustered primary key keeps them: a page
    /// "after this id" seeks in O(log n) and reads forward, so walking a big table by paging cookie costs O(rows), not
    /// O(pages × rows). Ids are random (inserts land anywhere), hence sorted chunks: an insert or a delete moves at most
    /// one chunk, a seek is two binary searches.
    /// </summary>
    internal sealed class IdOrderIndex
    {
        private const int ChunkSize = 128; // a chunk splits in two halves when it reaches twice this (an insert moves ≤ 4 KB)
        private static readonly IComparer<Guid> SqlOrder = Comparer<Guid>.Create(ValueComparer.CompareSqlGuid);

        private readonly List<List<Guid>> _chunks = new List<List<Guid>>();
        private int _version;

        public IdOrderIndex(IEnumerable<Guid> ids)
        {
            var all = new List<Guid>(ids);
            all.Sort(SqlOrder);
            for (int start = 0; start < all.Count; start += ChunkSize)
                _chunks.Add(all.GetRange(start, Math.Min(ChunkSize, all.Count - start)));
        }

        public void Add(Guid id)
        {
            _version++;
            if (_chunks.Count == 0) _chunks.Add(new List<Guid>());
            int c = ChunkFor(id);
            List<Guid> chunk = _chunks[c];
            int at = chunk.BinarySearch(id, SqlOrder);
            if (at >= 0) return;
            chunk.Insert(~at, id);
            if (chunk.Count < 2 * ChunkSize) return;
            _chunks.Insert(c + 1, chunk.GetRange(ChunkSize, chunk.Count - ChunkSize));
            chunk.RemoveRange(ChunkSize, chunk.Count - ChunkSize);
        }

        public void Remove(Guid id)
        {
            _version++;
            if (_chunks.Count == 0) return;
            int c = ChunkFor(id);
            List<Guid> chunk = _chunks[c];
            int at = chunk.BinarySearch(id, SqlOrder);
            if (at < 0) return;
            chunk.RemoveAt(at);
            if (chunk.Count == 0) _chunks.RemoveAt(c);
        }

        /// <summary>The ids strictly after <paramref name="after"/> (all of them when null), in order, read lazily.</summary>
        public IEnumerable<Guid> After(Guid? after)
        {
            int version = _version;
            int c = 0, i = 0;
            if (after.HasValue && _chunks.Count > 0)
            {
                c = ChunkFor(after.Value);
                int at = _chunks[c].BinarySearch(after.Value, SqlOrder);
                i = at >= 0 ? at + 1 : ~at;
            }
            for (; c < _chunks.Count; c++, i = 0)
            {
                for (; i < _chunks[c].Count; i++)
                {
                    if (version != _version) throw new InvalidOperationException("The table changed while it was being read in id order.");
                    yield return _chunks[c][i];
                }
            }
        }

        /// <summary>The first chunk whose last id is not below <paramref name="id"/>; the last chunk when none is.</summary>
        private int ChunkFor(Guid id)
        {
            int low = 0, high = _chunks.Count - 1;
            while (low < high)
            {
                int mid = (low + high) / 2;
                List<Guid> chunk = _chunks[mid];
                if (SqlOrder.Compare(chunk[chunk.Count - 1], id) < 0) low = mid + 1; else high = mid;
            }
            return low;
        }
    }
}
