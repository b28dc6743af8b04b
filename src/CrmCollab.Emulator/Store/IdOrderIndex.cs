using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The rows of one table in SQL Server's uniqueidentifier order of their ids, as the clustered primary key keeps
    /// them: a page "after this id" seeks in O(log n) and reads forward, so walking a big table by paging cookie costs
    /// O(rows), not O(pages × rows). The index holds the rows themselves (each write puts its new version in place), so a
    /// walk reads them in order without looking each id up in the table: on a table larger than the caches, that lookup
    /// was a second random read per row. Ids are random (inserts land anywhere), hence sorted chunks: an insert or a
    /// delete moves at most one chunk, a seek is two binary searches.
    /// </summary>
    internal sealed class IdOrderIndex
    {
        private const int ChunkSize = 128; // a chunk splits in two halves when it reaches twice this (an insert moves ≤ 2 KB)

        private readonly List<List<Entity>> _chunks = new List<List<Entity>>();
        private int _version;

        public IdOrderIndex(IEnumerable<Entity> rows)
        {
            var all = new List<Entity>(rows);
            all.Sort((a, b) => ValueComparer.CompareSqlGuid(a.Id, b.Id));
            for (int start = 0; start < all.Count; start += ChunkSize)
                _chunks.Add(all.GetRange(start, Math.Min(ChunkSize, all.Count - start)));
        }

        /// <summary>A row whose id the table did not hold.</summary>
        public void Add(Entity row)
        {
            _version++;
            if (_chunks.Count == 0) _chunks.Add(new List<Entity>());
            int c = ChunkFor(row.Id);
            List<Entity> chunk = _chunks[c];
            int at = Find(chunk, row.Id);
            if (at >= 0)
            {
                chunk[at] = row;
                return;
            }
            chunk.Insert(~at, row);
            if (chunk.Count < 2 * ChunkSize) return;
            _chunks.Insert(c + 1, chunk.GetRange(ChunkSize, chunk.Count - ChunkSize));
            chunk.RemoveRange(ChunkSize, chunk.Count - ChunkSize);
        }

        /// <summary>A new version of a row the table holds: put in the old one's place (the order does not change).</summary>
        public void Replace(Entity row)
        {
            if (_chunks.Count == 0)
            {
                Add(row);
                return;
            }
            List<Entity> chunk = _chunks[ChunkFor(row.Id)];
            int at = Find(chunk, row.Id);
            if (at >= 0) chunk[at] = row;
            else Add(row);
        }

        public void Remove(Guid id)
        {
            _version++;
            if (_chunks.Count == 0) return;
            int c = ChunkFor(id);
            List<Entity> chunk = _chunks[c];
            int at = Find(chunk, id);
            if (at < 0) return;
            chunk.RemoveAt(at);
            if (chunk.Count == 0) _chunks.RemoveAt(c);
        }

        /// <summary>The rows whose id is strictly after <paramref name="after"/> (all of them when null), in order, read lazily.</summary>
        public IEnumerable<Entity> After(Guid? after)
        {
            int version = _version;
            int c = 0, i = 0;
            if (after.HasValue && _chunks.Count > 0)
            {
                c = ChunkFor(after.Value);
                int at = Find(_chunks[c], after.Value);
                i = at >= 0 ? at + 1 : ~at;
            }
            for (; c < _chunks.Count; c++, i = 0)
            {
                List<Entity> chunk = _chunks[c];
                for (; i < chunk.Count; i++)
                {
                    if (version != _version) throw new InvalidOperationException("The table changed while it was being read in id order.");
                    yield return chunk[i];
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
                List<Entity> chunk = _chunks[mid];
                if (ValueComparer.CompareSqlGuid(chunk[chunk.Count - 1].Id, id) < 0) low = mid + 1; else high = mid;
            }
            return low;
        }

        /// <summary>The position of the id in the chunk, or the bitwise complement of where it would go (as BinarySearch).</summary>
        private static int Find(List<Entity> chunk, Guid id)
        {
            int low = 0, high = chunk.Count - 1;
            while (low <= high)
            {
                int mid = low + ((high - low) >> 1);
                int order = ValueComparer.CompareSqlGuid(chunk[mid].Id, id);
                if (order == 0) return mid;
                if (order < 0) low = mid + 1; else high = mid - 1;
            }
            return ~low;
        }
    }
}
