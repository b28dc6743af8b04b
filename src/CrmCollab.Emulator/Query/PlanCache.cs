using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Compiled queries by <see cref="QueryKey"/>, one cache per metadata catalog (so per organisation). Plugins ask the
    /// same few queries over and over (in the simulation about 8 in 10 calls repeat a query already asked, values
    /// included), and compiling one (resolving tables and columns, converting values, building the predicates and the
    /// projector) cost more than running it through an index. A plan is handed out again only while its metadata
    /// still resolves the same way; the cache forgets everything when full, so it never outgrows a working set.
    /// </summary>
    internal sealed class PlanCache
    {
        /// <summary>Enough for every query a run of deals repeats; ids in values make most keys short-lived.</summary>
        internal const int Capacity = 2048;

        private static readonly ConditionalWeakTable<MetadataCatalog, PlanCache> ByCatalog = new ConditionalWeakTable<MetadataCatalog, PlanCache>();

        private readonly MetadataCatalog _catalog;
        private readonly Dictionary<int, List<CompiledQuery>> _byHash = new Dictionary<int, List<CompiledQuery>>();
        private readonly object _lock = new object();
        private int _count;

        private PlanCache(MetadataCatalog catalog) => _catalog = catalog;

        public static PlanCache For(MetadataCatalog catalog) => ByCatalog.GetValue(catalog, c => new PlanCache(c));

        /// <summary>How many plans are kept (for tests).</summary>
        internal int Count
        {
            get { lock (_lock) return _count; }
        }

        /// <summary>The plan compiled for a query with the same key, or null.</summary>
        public CompiledQuery Find(QueryExpression query, int hash)
        {
            lock (_lock)
            {
                if (!_byHash.TryGetValue(hash, out var candidates)) return null;
                for (int i = 0; i < candidates.Count; i++)
                {
                    var candidate = candidates[i];
                    if (!QueryKey.Same(candidate.Key, query)) continue;
                    if (candidate.Metadata.StillHolds(_catalog)) return candidate;
                    candidates.RemoveAt(i); // stale: its tables or columns changed since
                    _count--;
                    return null;
                }
                return null;
            }
        }

        public void Add(CompiledQuery compiled)
        {
            lock (_lock)
            {
                if (_count >= Capacity)
                {
                    _byHash.Clear();
                    _count = 0;
                }
                if (!_byHash.TryGetValue(compiled.Hash, out var candidates)) _byHash[compiled.Hash] = candidates = new List<CompiledQuery>(1);
                candidates.Add(compiled);
                _count++;
            }
        }
    }
}
