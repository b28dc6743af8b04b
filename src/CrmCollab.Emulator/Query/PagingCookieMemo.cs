using System;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// The paging cookies a thread wrote last, to hand out the same text again: a cookie is a pure function of the page, the
    /// sort columns' names and the first and last rows' keys, and most reads repeat one of a few (a setting's row, a deal's
    /// reviews read again by the next step). Strings cannot change, so a shared one is the text the read would have written.
    /// Only ids, flags, whole numbers and texts are remembered: keys whose equality means the same text (a date's or an
    /// amount's equality does not: its kind or scale can differ).
    /// </summary>
    internal static class PagingCookieMemo
    {
        private const int Slots = 16;

        [ThreadStatic] private static Memo[] _memos;

        private sealed class Memo
        {
            public int Page;
            public string[] Names;
            public object[] First, Last; // the query's own key arrays (never changed after the read)
            public string Text;
        }

        /// <summary>The cookie of these inputs: one remembered for them, else written (<see cref="PagingCookieText.Build"/>).</summary>
        public static string Of(int page, SortSpec[] specs, object[] first, object[] last)
        {
            if (!Remembers(first) || !Remembers(last)) return PagingCookieText.Build(page, specs, first, last);
            int hash = page;
            for (int i = 0; i < specs.Length; i++)
                hash = (hash * 31 + (first[i]?.GetHashCode() ?? 0)) * 31 + (last[i]?.GetHashCode() ?? 0);
            var memos = _memos ??= new Memo[Slots];
            int slot = (hash & int.MaxValue) % Slots;
            var memo = memos[slot];
            if (memo != null && Same(memo, page, specs, first, last)) return memo.Text;
            string text = PagingCookieText.Build(page, specs, first, last);
            var names = new string[specs.Length];
            for (int i = 0; i < names.Length; i++) names[i] = specs[i].Name;
            memos[slot] = new Memo { Page = page, Names = names, First = first, Last = last, Text = text };
            return text;
        }

        private static bool Remembers(object[] keys)
        {
            foreach (object key in keys)
                if (!(key == null || key is Guid || key is string || key is int || key is bool)) return false;
            return true;
        }

        private static bool Same(Memo memo, int page, SortSpec[] specs, object[] first, object[] last)
        {
            if (memo.Page != page || memo.Names.Length != specs.Length) return false;
            for (int i = 0; i < specs.Length; i++)
                if (!string.Equals(memo.Names[i], specs[i].Name, StringComparison.Ordinal)
                    || !SameKey(memo.First[i], first[i]) || !SameKey(memo.Last[i], last[i])) return false;
            return true;
        }

        // Same type and value: a boxed 1 and a boxed true are not one key.
        private static bool SameKey(object x, object y) => x == null ? y == null : y != null && x.GetType() == y.GetType() && x.Equals(y);
    }
}
