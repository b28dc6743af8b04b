using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// Compares a listing with the baseline: every line of ours must be in the baseline verbatim. Lines of the
    /// baseline that we lack are allowed (the surface is a subset); a line that reads differently is not.
    /// </summary>
    public static class BaselineComparer
    {
        /// <summary>Our lines that the baseline does not contain, in our order.</summary>
        public static List<string> NotInBaseline(IEnumerable<string> ours, IEnumerable<string> baseline)
        {
            var known = new HashSet<string>(baseline, StringComparer.Ordinal);
            return ours.Where(l => !known.Contains(l)).ToList();
        }

        /// <summary>
        /// A report of every offending line and, under it, the baseline lines of the same member (same
        /// `Type::kind Name`, i.e. its overloads) or of the same type line, so the difference is visible at a glance.
        /// </summary>
        public static string Report(IReadOnlyCollection<string> offending, IEnumerable<string> baseline, string title)
        {
            var byKey = baseline.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var sb = new StringBuilder();
            sb.Append(title).Append(": ").Append(offending.Count).AppendLine(" line(s) not in the baseline:");
            foreach (string line in offending)
            {
                sb.Append("  ours:     ").AppendLine(line);
                if (byKey.TryGetValue(Key(line), out List<string> close))
                {
                    foreach (string c in close.Take(8)) sb.Append("  baseline: ").AppendLine(c);
                    if (close.Count > 8) sb.Append("  baseline: ... ").Append(close.Count - 8).AppendLine(" more");
                }
                else
                {
                    sb.AppendLine("  baseline: (no line for this member)");
                }
            }
            return sb.ToString();
        }

        /// <summary>
        /// `Type type`, `Type type-attribute`, or `Type::kind Name` for a member line (Name: the member's name,
        /// without generic parameters or parameter list).
        /// </summary>
        public static string Key(string line)
        {
            List<string> tokens = Tokens(line);
            if (tokens.Count < 2) return line;
            if (!tokens[0].Contains("::", StringComparison.Ordinal)) return tokens[0] + " " + tokens[1];
            string kind = tokens[0].Substring(tokens[0].IndexOf("::", StringComparison.Ordinal) + 2);
            if (kind == "ctor") return tokens[0];
            // Skip access words and modifiers; the type comes next, then the name (for methods: Name<T>(...)).
            int i = 1;
            while (i < tokens.Count && Modifiers.Contains(tokens[i])) i++;
            string name = i + 1 < tokens.Count ? tokens[i + 1] : "";
            int cut = name.IndexOfAny(new[] { '<', '(', '[' });
            return tokens[0] + " " + (cut < 0 ? name : name.Substring(0, cut));
        }

        private static readonly HashSet<string> Modifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "public", "protected", "internal", "static", "abstract", "virtual", "override", "sealed", "const", "readonly",
        };

        // Splits on spaces outside <>, [], () and string literals, so `Dictionary<A, B>` or `Item[A a]` stay one token.
        private static List<string> Tokens(string line)
        {
            var tokens = new List<string>();
            var current = new StringBuilder();
            int depth = 0;
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    current.Append(c);
                    if (c == '\\' && i + 1 < line.Length) current.Append(line[++i]);
                    else if (c == '"') quoted = false;
                    continue;
                }
                if (c == '"') quoted = true;
                else if (c == '<' || c == '[' || c == '(') depth++;
                else if ((c == '>' || c == ']' || c == ')') && depth > 0) depth--;
                if (c == ' ' && depth == 0)
                {
                    if (current.Length > 0) tokens.Add(current.ToString());
                    current.Clear();
                }
                else current.Append(c);
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            return tokens;
        }
    }
}
