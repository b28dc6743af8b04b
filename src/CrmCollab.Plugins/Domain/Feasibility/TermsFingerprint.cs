using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The values of a function's relevant columns when its review was decided, as stable text. A later change is
    /// material for that function only if its fingerprint changes, so unrelated edits re-open nothing.
    /// </summary>
    public static class TermsFingerprint
    {
        /// <param name="values">Column → value already turned into invariant text by the caller ("" for null).</param>
        public static string Of(IEnumerable<string> relevantColumns, IReadOnlyDictionary<string, string> values)
        {
            var text = new StringBuilder();
            foreach (string column in relevantColumns.Select(c => c.ToLowerInvariant()).Distinct().OrderBy(c => c, StringComparer.Ordinal))
            {
                values.TryGetValue(column, out string value);
                text.Append(column).Append('=').Append(value ?? "").Append('\n');
            }
            return text.ToString();
        }

        /// <summary>
        /// As <see cref="Of(IEnumerable{string}, IReadOnlyDictionary{string, string})"/> with each column's text asked of
        /// <paramref name="valueOf"/> (given the column in lower case): the same text, without a map of the values built first.
        /// </summary>
        public static string Of(IEnumerable<string> relevantColumns, Func<string, string> valueOf)
        {
            var columns = new List<string>();
            foreach (string column in relevantColumns)
            {
                string lower = column.ToLowerInvariant();
                if (!columns.Contains(lower)) columns.Add(lower);
            }
            columns.Sort(StringComparer.Ordinal);
            var text = new StringBuilder();
            foreach (string column in columns) text.Append(column).Append('=').Append(valueOf(column) ?? "").Append('\n');
            return text.ToString();
        }

        /// <summary>The columns of a change that matter to a function, so the plugin reads only those.</summary>
        public static bool Touches(IEnumerable<string> relevantColumns, IEnumerable<string> changedColumns)
        {
            // Nested loops over two short lists: no set is built for each review asked about.
            foreach (string relevant in relevantColumns)
                foreach (string changed in changedColumns)
                    if (StringComparer.OrdinalIgnoreCase.Equals(relevant, changed)) return true;
            return false;
        }
    }
}
