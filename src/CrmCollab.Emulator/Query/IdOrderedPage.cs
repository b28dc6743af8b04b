using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A page of a single-table query sorted by its primary id alone (no order, or an ascending order on the id), read
    /// straight from the source's id order: seek after the cookie's last id, keep the rows the filter and the read check
    /// pass, stop once the page (plus one row, to know whether more follow) is full. That is how SQL reads the clustered
    /// key, and what keeps reading every page of a large table linear. When an equality index narrows the candidates
    /// enough that going through them for every page is the cheaper read (or the source keeps no id order), the page
    /// comes from the candidates instead (<see cref="FromCandidates"/>). Null when the query does not qualify.
    /// </summary>
    internal static class IdOrderedPage
    {
        public static List<KeyedRow> TryRead(IQueryDataSource source, QueryPlan plan, Sorter sorter, PageRequest page,
            bool distinct, RowFilter filter, Func<string, Entity, bool> canRead, IEnumerable<Entity> indexed)
        {
            if (distinct || plan.Links.Count > 0 || plan.Slots.Count != 1 || !SortsByIdOnly(plan, sorter)) return null;
            if (!TryBounds(page, sorter, out int take, out Guid? after)) return null;
            string table = plan.Root.Table.LogicalName;
            bool throughIndex = indexed != null && !WalkBeatsIndex(indexed, source.Scan(table), take);
            IEnumerable<Entity> ordered = throughIndex ? null : source.ScanInIdOrder(table, after);
            if (ordered == null)
                return indexed == null ? null : FromCandidates(indexed, after, take, filter, canRead, table, sorter);

            var keyed = new List<KeyedRow>(Math.Min(take, 16)); // grows with the rows kept: most reads keep a few
            if (take == 0) return keyed;
            var buffer = new Entity[1]; // reused for the filter; each kept row gets its own array
            foreach (Entity entity in ordered)
            {
                buffer[0] = entity;
                if (filter != null && !filter.Matches(buffer)) continue;
                if (canRead != null && !canRead(table, entity)) continue;
                keyed.Add(sorter.Key(new[] { entity }));
                if (keyed.Count == take) break;
            }
            return keyed;
        }

        /// <summary>
        /// The page from an equality index's candidates, as SQL reads an index and sorts what it keeps by the key: rows up
        /// to the cookie's last id are passed over on their id alone, before the filter reads a column; the rest are
        /// filtered and the first <paramref name="take"/> in id order kept. No key or row array is made for a row left out.
        /// </summary>
        private static List<KeyedRow> FromCandidates(IEnumerable<Entity> candidates, Guid? after, int take, RowFilter filter,
            Func<string, Entity, bool> canRead, string table, Sorter sorter)
        {
            var keyed = new List<KeyedRow>(Math.Min(take, 16));
            if (take == 0) return keyed;
            var kept = candidates is IReadOnlyCollection<Entity> known ? new List<Entity>(Math.Min(known.Count, 1024)) : new List<Entity>();
            var buffer = new Entity[1];
            foreach (Entity entity in candidates)
            {
                if (entity == null) continue;
                if (after.HasValue && ValueComparer.CompareSqlGuid(entity.Id, after.Value) <= 0) continue;
                buffer[0] = entity;
                if (filter != null && !filter.Matches(buffer)) continue;
                if (canRead != null && !canRead(table, entity)) continue;
                kept.Add(entity);
            }
            kept.Sort(BySqlId);
            for (int i = 0; i < kept.Count && i < take; i++) keyed.Add(sorter.Key(new[] { kept[i] }));
            return keyed;
        }

        private static readonly Comparison<Entity> BySqlId = (a, b) => ValueComparer.CompareSqlGuid(a.Id, b.Id);

        /// <summary>
        /// Through the index, each page goes over all C candidates; walking the id order (the filter holds the same
        /// equality) reads about take × N / C rows a page. The walk wins when C² > take × N; counts unknown: the index.
        /// </summary>
        private static bool WalkBeatsIndex(IEnumerable<Entity> candidates, IEnumerable<Entity> table, int take) =>
            candidates is IReadOnlyCollection<Entity> found && table is IReadOnlyCollection<Entity> all
            && (long)found.Count * found.Count > (long)take * all.Count;

        private static bool SortsByIdOnly(QueryPlan plan, Sorter sorter)
        {
            string id = plan.Root.Table.PrimaryIdAttribute;
            foreach (SortSpec spec in sorter.All)
                if (spec.Slot.Index != 0 || spec.Descending || spec.KeyKind != ValueKind.Guid || spec.Name != id) return false;
            return true;
        }

        /// <summary>
        /// How many rows to read and where to start: a top count; the first page (one extra row tells whether more
        /// follow); or the page after a cookie. Page numbers without a cookie and total counts read the whole table.
        /// </summary>
        private static bool TryBounds(PageRequest page, Sorter sorter, out int take, out Guid? after)
        {
            after = null;
            take = 0;
            if (page.ReturnTotalRecordCount) return false;
            if (page.Top.HasValue)
            {
                take = page.Top.Value;
                return true;
            }
            if (Paging.TryNextPageAfterCookie(page, sorter, out int size, out object[] last))
            {
                if (!(last[0] is Guid lastId)) return false;
                after = lastId;
                take = size + 1;
                return true;
            }
            take = size + 1;
            return Math.Max(1, page.PageNumber) == 1 && string.IsNullOrEmpty(page.Cookie);
        }
    }
}
