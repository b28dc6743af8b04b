namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// Text an administrator typed or pasted: besides white space, the invisible marks a paste from a file or a web page
    /// carries (a byte-order mark, zero-width spaces and joiners) are nothing they can see, so they are read as space.
    /// </summary>
    public static class TypedText
    {
        public static bool IsSpace(char c) =>
            char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060';

        /// <summary>The text without the space (as <see cref="IsSpace"/> reads it) at either end.</summary>
        public static string Trim(string text)
        {
            int first = 0, last = text.Length - 1;
            while (first <= last && IsSpace(text[first])) first++;
            while (last >= first && IsSpace(text[last])) last--;
            return first == 0 && last == text.Length - 1 ? text : text.Substring(first, last - first + 1);
        }
    }
}
