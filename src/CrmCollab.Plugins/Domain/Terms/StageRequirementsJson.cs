using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// Reads crmc_StageRequirements: {"1":["customerneed"],"2":["decisionmaker", ...]}. Only this shape is
    /// accepted (the plugin DLL may ship no JSON library); every problem is a <see cref="FormatException"/> whose
    /// message an administrator can act on.
    /// </summary>
    public static class StageRequirementsJson
    {
        public static StageRequirements Parse(string json, IEnumerable<int> knownStages)
        {
            var stages = new HashSet<int>(knownStages);
            var byStage = new Dictionary<int, IReadOnlyList<string>>();
            if (string.IsNullOrWhiteSpace(json)) return new StageRequirements(byStage);
            var reader = new Reader(json);
            reader.Expect('{');
            if (!reader.TryConsume('}'))
            {
                do
                {
                    reader.RefuseTrailingComma('}');
                    string key = TypedText.Trim(reader.ReadString());
                    if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int stage) || !stages.Contains(stage))
                        throw new FormatException($"Unknown sales stage \"{key}\": key each stage by its number, " + Numbered(stages) + ".");
                    if (byStage.ContainsKey(stage)) throw new FormatException($"Stage \"{key}\" is listed twice.");
                    reader.Expect(':');
                    byStage[stage] = ReadColumns(reader, key);
                } while (reader.TryConsume(','));
                reader.Expect('}');
            }
            reader.ExpectEnd();
            return new StageRequirements(byStage);
        }

        /// <summary>"0 (Qualify), 1 (Develop), 2 (Propose) or 3 (Close)": each stage's number with the name the form shows.</summary>
        private static string Numbered(IEnumerable<int> stages)
        {
            string[] each = stages.OrderBy(s => s).Select(s => $"{s} ({Feasibility.SalesStage.Label(s)})").ToArray();
            return each.Length < 2 ? string.Join("", each) : string.Join(", ", each.Take(each.Length - 1)) + " or " + each[each.Length - 1];
        }

        private static IReadOnlyList<string> ReadColumns(Reader reader, string stage)
        {
            var columns = new List<string>();
            reader.Expect('[');
            if (reader.TryConsume(']')) return columns;
            do
            {
                reader.RefuseTrailingComma(']');
                string column = TypedText.Trim(reader.ReadString()).ToLowerInvariant();
                if (column.Length == 0) throw new FormatException($"Stage \"{stage}\" lists an empty column name.");
                if (!columns.Contains(column)) columns.Add(column);
            } while (reader.TryConsume(','));
            reader.Expect(']');
            return columns;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _at;

            public Reader(string text) { _text = text; }

            public void Expect(char c)
            {
                if (!TryConsume(c)) throw Error($"expected '{c}'");
            }

            public bool TryConsume(char c)
            {
                SkipSpace();
                if (_at < _text.Length && _text[_at] == c) { _at++; return true; }
                return false;
            }

            /// <summary>After a comma, the closing <paramref name="closing"/>: JSON allows no comma after the last entry.</summary>
            public void RefuseTrailingComma(char closing)
            {
                SkipSpace();
                if (_at > 0 && _at < _text.Length && _text[_at] == closing && LastSignificant() == ',')
                    throw new FormatException($"The stage requirements are not valid JSON (a comma after the last entry, before the '{closing}' at " +
                        $"character {_at + 1}: remove that comma). " + Form);
            }

            private char LastSignificant()
            {
                int at = _at - 1;
                while (at >= 0 && TypedText.IsSpace(_text[at])) at--;
                return at >= 0 ? _text[at] : '\0';
            }

            public void ExpectEnd()
            {
                SkipSpace();
                if (_at < _text.Length) throw Error("unexpected text after the closing '}'");
            }

            public string ReadString()
            {
                Expect('"');
                var value = new StringBuilder();
                while (_at < _text.Length)
                {
                    char c = _text[_at++];
                    if (c == '"') return value.ToString();
                    if (c != '\\') { value.Append(c); continue; }
                    if (_at >= _text.Length) break;
                    char escaped = _text[_at++];
                    switch (escaped)
                    {
                        case 'n': value.Append('\n'); break;
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case 'b': value.Append('\b'); break;
                        case 'f': value.Append('\f'); break;
                        case 'u':
                            if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                                throw Error("bad \\u escape");
                            value.Append((char)code);
                            _at += 4;
                            break;
                        default: value.Append(escaped); break; // \" \\ \/
                    }
                }
                throw Error("a text is not closed with '\"'");
            }

            private void SkipSpace()
            {
                while (_at < _text.Length && TypedText.IsSpace(_text[_at])) _at++;
            }

            private FormatException Error(string what) =>
                new FormatException($"The stage requirements are not valid JSON ({what} at character {_at + 1}). " + Form);

            private const string Form = "Expected a form like {\"1\":[\"customerneed\"],\"2\":[\"decisionmaker\",\"budgetamount\"]}.";
        }
    }
}
