using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmCollab.Emulator.Query
{
    /// <summary>What a query asks of paging, from PagingInfo / TopCount or the fetch attributes.</summary>
    internal sealed class PageRequest
    {
        public int? Top { get; set; }
        public int Count { get; set; }
        public int PageNumber { get; set; }
        public string Cookie { get; set; }
        public bool ReturnTotalRecordCount { get; set; }

        public bool IsPaged => Count > 0 || PageNumber > 1 || !string.IsNullOrEmpty(Cookie);
    }

    /// <summary>
    /// Page slicing and the paging cookie. The cookie has the server's shape
    /// (&lt;cookie page="1"&gt;&lt;accountid last="{..}" first="{..}" /&gt;&lt;/cookie&gt;) with one element per sort key:
    /// the ordered columns, then the primary id of each table. The next page starts strictly after "last" in the
    /// (total) sort order, so walking by cookie never skips nor repeats rows, whatever the ties.
    /// </summary>
    internal static class Paging
    {
        /// <summary>The server's maximum (and default) page size, and the cap of an unpaged query.</summary>
        public const int MaxPageSize = 5000;

        public static void Validate(PageRequest request)
        {
            if (request.Top.HasValue && request.IsPaged)
                throw QueryFaults.Invalid("The top attribute can't be specified with paging attribute page. " +
                    "A query can contain either PageInfo or TopCount, not both.");
            if (request.Top.HasValue && request.Top.Value < 0)
                throw QueryFaults.Invalid("The top count must not be negative.");
            if (request.Top.HasValue && request.Top.Value > MaxPageSize)
                throw QueryFaults.Invalid($"The top count {request.Top.Value} exceeds the maximum of {MaxPageSize}.");
            if (request.Count < 0 || request.PageNumber < 0)
                throw QueryFaults.Invalid("Page number and count must not be negative.");
        }

        /// <summary>Slices sorted rows into the requested page; sets MoreRecords and the next cookie.</summary>
        public static List<KeyedRow> Slice(List<KeyedRow> sorted, PageRequest request, Sorter sorter, bool cookies,
            out bool moreRecords, out string cookie)
        {
            cookie = null;
            if (request.Top.HasValue)
            {
                moreRecords = false;
                return sorted.Count <= request.Top.Value ? sorted : sorted.GetRange(0, request.Top.Value);
            }

            int size = request.Count > 0 ? Math.Min(request.Count, MaxPageSize) : MaxPageSize;
            int page = Math.Max(1, request.PageNumber);
            int start = (int)Math.Min((long)(page - 1) * size, sorted.Count);
            if (cookies && TryParse(request.Cookie, sorter, out int cookiePage, out var last) && cookiePage == page - 1)
                start = FirstAfter(sorted, last, sorter);

            int count = Math.Max(0, Math.Min(size, sorted.Count - start));
            // The whole list when it is the page (the common small read): the caller only reads the slice.
            var slice = start == 0 && count == sorted.Count ? sorted : sorted.GetRange(start, count);
            moreRecords = start + count < sorted.Count;
            if (cookies && slice.Count > 0) cookie = Build(page, sorter, slice[0].Keys, slice[slice.Count - 1].Keys);
            return slice;
        }

        /// <summary>
        /// A next-page request by cookie (not counting totals): the page is the rows after the cookie's last key, so
        /// the engine can select them without sorting every row again — walking N rows costs O(N) per page, not O(N log N).
        /// </summary>
        public static bool TryNextPageAfterCookie(PageRequest request, Sorter sorter, out int size, out object[] last)
        {
            size = request.Count > 0 ? Math.Min(request.Count, MaxPageSize) : MaxPageSize;
            last = null;
            if (request.Top.HasValue || request.ReturnTotalRecordCount) return false;
            int page = Math.Max(1, request.PageNumber);
            return TryParse(request.Cookie, sorter, out int cookiePage, out last) && cookiePage == page - 1;
        }

        /// <summary>The <paramref name="take"/> smallest rows strictly after <paramref name="last"/>, sorted (a bounded max-heap).</summary>
        public static List<KeyedRow> SmallestAfter(List<KeyedRow> rows, object[] last, int take, Sorter sorter)
        {
            var largestFirst = Comparer<KeyedRow>.Create((a, b) => sorter.Compare(b, a));
            var heap = new PriorityQueue<KeyedRow, KeyedRow>(take + 1, largestFirst);
            foreach (KeyedRow row in rows)
            {
                if (sorter.Compare(row.Keys, last) <= 0) continue;
                if (heap.Count < take) heap.Enqueue(row, row);
                else if (sorter.Compare(row, heap.Peek()) < 0) heap.EnqueueDequeue(row, row);
            }
            var page = new List<KeyedRow>(heap.Count);
            while (heap.Count > 0) page.Add(heap.Dequeue());
            page.Reverse();
            return page;
        }

        private static int FirstAfter(List<KeyedRow> sorted, object[] last, Sorter sorter)
        {
            int low = 0, high = sorted.Count;
            while (low < high)
            {
                int mid = (low + high) / 2;
                if (sorter.Compare(sorted[mid].Keys, last) <= 0) low = mid + 1; else high = mid;
            }
            return low;
        }

        /// <summary>The cookie of a page, from the sort keys of its first and last rows.</summary>
        public static string Build(int page, Sorter sorter, object[] first, object[] last) =>
            PagingCookieMemo.Of(page, sorter.All, first, last);

        /// <summary>Reads a cookie of this query's shape; any other cookie is ignored (the server falls back too).</summary>
        public static bool TryParse(string cookie, Sorter sorter, out int page, out object[] last)
        {
            page = 0;
            last = null;
            if (string.IsNullOrWhiteSpace(cookie)) return false;
            XElement root;
            try { root = XElement.Parse(cookie); }
            catch (XmlException) { return false; }
            if (root.Name.LocalName != "cookie" || !int.TryParse((string)root.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out page))
                return false;
            var elements = root.Elements().ToList();
            if (elements.Count != sorter.All.Length) return false;
            last = new object[elements.Count];
            for (int i = 0; i < elements.Count; i++)
            {
                var spec = sorter.All[i];
                if (elements[i].Name.LocalName != spec.Name) return false;
                var text = (string)elements[i].Attribute("last");
                if (text == null) continue;
                last[i] = ValueComparer.ToKey(spec.KeyKind, text);
                if (last[i] == null) return false;
            }
            return true;
        }
    }
}
