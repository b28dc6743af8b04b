using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain
{
    /// <summary>Admin-typed lists of column names ("crmc_trackingnumber, crmc_deliveredon"), read leniently.</summary>
    public static class CommaList
    {
        /// <summary>
        /// The names between commas or semicolons, trimmed (of invisible marks too, <see cref="TypedText"/>), in lower case, each once, in the order first written; none for
        /// blank text. One pass over the text, no iterator or set (a review's, rule's or template's list is read on most
        /// saves of a deal): a name already in lower case is kept as the substring it is.
        /// </summary>
        public static IReadOnlyList<string> Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return Array.Empty<string>();
            int most = 1;
            foreach (char c in text) if (c == ',' || c == ';') most++;
            var names = new string[most];
            int count = 0;
            for (int start = 0; start <= text.Length;)
            {
                int end = start;
                while (end < text.Length && text[end] != ',' && text[end] != ';') end++;
                int first = start, last = end - 1;
                while (first <= last && TypedText.IsSpace(text[first])) first++;
                while (last >= first && TypedText.IsSpace(text[last])) last--;
                if (last >= first)
                {
                    string name = text.Substring(first, last - first + 1).ToLowerInvariant();
                    if (name.Length > 0 && Array.IndexOf(names, name, 0, count) < 0) names[count++] = name;
                }
                start = end + 1;
            }
            if (count == names.Length) return names;
            var exact = new string[count];
            Array.Copy(names, exact, count);
            return exact;
        }
    }
}
