using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A page of a single-table query sorted by its primary id alone (no order, or an ascending order on the id), read
    /// straight from the source's id order: seek after the cookie's last id, keep the rows the filter and the read check
    /// pass, stop once the page (plus one row, to know whether more follow) is full. That is how SQL reads the clustered
    /// key, and what keeps reading every page of a large table linear. Null when the query does not qualify, or when an
    /// equality index narrows the candidates enough that going through them for every page is the cheaper read.
    /// </summary>
    internal static class IdOrderedPage
    {
        public static List<KeyedRow> TryRead(IQueryDataSource source, QueryPlan plan, Sorter sorter, PageRequest page,
            bool distinct, RowFilter filter, Func<string, Entity, bool> canRead, IEnumerable<Entity> indexed)
        {
            if (distinct || plan.Links.Count > 0 || plan.Slots.Count != 1 || !SortsByIdOnly(plan, sorter)) return null;
            if (!TryBounds(page, sorter, out int take, out Guid? after)) return null;
            string table = plan.Root.Table.LogicalName;
            if (indexed != null && !WalkBeatsIndex(indexed, source.Scan(table), take)) return null;
            IEnumerable<Entity> ordered = source.ScanInIdOrder(table, after);
            if (ordered == null) return null;

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
