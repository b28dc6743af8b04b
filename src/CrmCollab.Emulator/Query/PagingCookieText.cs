using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Writes the paging cookie text, as XElement would write it without formatting (attribute values escaped the same
    /// way). Every RetrieveMultiple that returns rows gets a cookie, so the text is written with no intermediate
    /// strings: values are formatted into a stack buffer and the builder is reused by the thread (as the framework's
    /// own StringBuilderCache does); the finished cookie is the only allocation.
    /// </summary>
    internal static class PagingCookieText
    {
        private const int MaxCachedCapacity = 4096;

        [ThreadStatic] private static StringBuilder _cached;

        private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"\n\r\t");

        public static string Build(int page, SortSpec[] specs, object[] first, object[] last)
        {
            var text = _cached ?? new StringBuilder(256);
            _cached = null; // a nested call (none today) would get its own builder
            text.Clear();
            Span<char> digits = stackalloc char[16];
            page.TryFormat(digits, out int length, default, CultureInfo.InvariantCulture);
            text.Append("<cookie page=\"").Append(digits.Slice(0, length)).Append("\">");
            for (int i = 0; i < specs.Length; i++)
            {
                text.Append('<').Append(specs[i].Name);
                if (last[i] != null) AppendAttribute(text, "last", last[i]);
                if (first[i] != null) AppendAttribute(text, "first", first[i]);
                text.Append(" />");
            }
            string cookie = text.Append("</cookie>").ToString();
            if (text.Capacity <= MaxCachedCapacity) _cached = text;
            return cookie;
        }

        private static void AppendAttribute(StringBuilder text, string name, object key)
        {
            text.Append(' ').Append(name).Append("=\"");
            Span<char> buffer = stackalloc char[64];
            if (TryFormat(key, buffer, out int length)) AppendEscaped(text, buffer.Slice(0, length));
            else AppendEscaped(text, Format(key));
            text.Append('"');
        }

        /// <summary>The key's text as <see cref="Format"/> writes it, into <paramref name="buffer"/>; false when it does not fit or is not a number, id, date or flag.</summary>
        private static bool TryFormat(object key, Span<char> buffer, out int length)
        {
            length = 0;
            switch (key)
            {
                case Guid g:
                    if (!g.TryFormat(buffer, out length, "B")) return false;
                    for (int i = 0; i < length; i++) // ToUpperInvariant of "{xxxxxxxx-...}": only a-f change
                        if (buffer[i] >= 'a' && buffer[i] <= 'f') buffer[i] = (char)(buffer[i] - 'a' + 'A');
                    return true;
                case DateTime d: return d.TryFormat(buffer, out length, "o", CultureInfo.InvariantCulture);
                case bool b:
                    buffer[0] = b ? '1' : '0';
                    length = 1;
                    return true;
                case int n: return n.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture);
                case decimal m: return m.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture);
                case double x: return x.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture);
                default: return false;
            }
        }

        /// <summary>The text of any sort key in the cookie.</summary>
        internal static string Format(object key)
        {
            switch (key)
            {
                case Guid g: return g.ToString("B").ToUpperInvariant();
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case bool b: return b ? "1" : "0";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return key.ToString();
            }
        }

        private static void AppendEscaped(StringBuilder text, ReadOnlySpan<char> value)
        {
            // Ids, dates and numbers never need escaping, and most names do not: one copy instead of a char at a time.
            int first = value.IndexOfAny(Escaped);
            if (first < 0)
            {
                text.Append(value);
                return;
            }
            text.Append(value.Slice(0, first));
            foreach (char c in value.Slice(first))
            {
                switch (c)
                {
                    case '&': text.Append("&amp;"); break;
                    case '<': text.Append("&lt;"); break;
                    case '>': text.Append("&gt;"); break;
                    case '"': text.Append("&quot;"); break;
                    case '\n': text.Append("&#xA;"); break;
                    case '\r': text.Append("&#xD;"); break;
                    case '\t': text.Append("&#x9;"); break;
                    default: text.Append(c); break;
                }
            }
        }
    }
}
