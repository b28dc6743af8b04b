using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmCollab.Tooling.Setup
{
    /// <summary>
    /// Reads a JSON file an administrator edits (setup/*.json, pac.config) and refuses, in one sentence naming the file,
    /// the place and what to do, anything that is not exactly what the file's class declares: a missing, unreadable or
    /// empty file, text that is not UTF-8, bad JSON, a duplicate or unknown key, a missing required key, a value of the
    /// wrong kind (text for a number, an object for a list, null) or a number too large. Never a type name.
    /// </summary>
    public static class SetupJson
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>The file checked against <typeparamref name="T"/>'s [JsonProperty] members, then deserialized.</summary>
        /// <exception cref="InvalidDataException">A sentence an administrator can act on.</exception>
        public static T Read<T>(string path, string what) where T : class => Parse(path, what, typeof(T)).ToObject<T>();

        /// <summary>The file as JSON, checked against <paramref name="shape"/>; "description" and "$schema" are allowed at the top.</summary>
        public static JToken Parse(string path, string what, Type shape) => Parse(path, what, shape, null);

        /// <summary>As <see cref="Parse(string,string,Type)"/>, with <paramref name="first"/> run on the JSON before the shape is checked.</summary>
        public static JToken Parse(string path, string what, Type shape, Action<JToken> first)
        {
            string text = Text(path, what);
            JToken token;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
                token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load });
                if (reader.Read()) throw new JsonReaderException("there is more text after the end of the JSON", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
            catch (JsonReaderException e)
            {
                bool twice = e.Message.Contains("already exists in the current JSON object");
                string fix = twice ? "a key appears twice in the same object: keep one of the two"
                    : e.Message.StartsWith("there is more", StringComparison.Ordinal) ? e.Message + ": keep one JSON value in the file"
                    : "the JSON is broken there: fix it (a missing comma, quote or bracket is the usual cause)";
                throw new InvalidDataException($"The {what} {path} is not valid JSON at line {e.LineNumber}, position {e.LinePosition}: {fix}.");
            }
            if (token.Type == JTokenType.Null) throw new InvalidDataException($"The {what} {path} holds only null: restore its content (the repository has an example).");
            first?.Invoke(token);
            string problem = Check(shape, token, "", top: true);
            if (problem != null)
            {
                int line = Line(token, Path(problem));
                throw new InvalidDataException($"The {what} {path} cannot be used{(line > 0 ? $" (line {line})" : "")}: {problem.Substring(problem.IndexOf('|') + 1)}.");
            }
            return token;
        }

        /// <summary>The whole file as text: strict UTF-8 (a byte-order mark names another Unicode encoding).</summary>
        private static string Text(string path, string what)
        {
            if (Directory.Exists(path)) throw new InvalidDataException($"The {what} {path} is a folder: give the path of the file itself.");
            if (!File.Exists(path)) throw new FileNotFoundException($"The {what} was not found at {path}: check the path.");
            string text;
            try
            {
                using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
                text = reader.ReadToEnd();
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"The {what} {path} is not UTF-8 text: save it as UTF-8 in your editor and run again.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new InvalidDataException($"The {what} {path} cannot be read ({e.Message.TrimEnd('.')}): check that it exists and that you may read it.");
            }
            if (text.Trim().Length == 0) throw new InvalidDataException($"The {what} {path} is empty: restore its content (the repository has an example).");
            return text;
        }

        /// <summary>"path|sentence" of the first problem, or null.</summary>
        private static string Check(Type type, JToken token, string at, bool top = false)
        {
            string name = at.Length == 0 ? "the file" : at;
            Type nullable = Nullable.GetUnderlyingType(type);
            if (token.Type == JTokenType.Null)
                return type.IsValueType && nullable == null ? $"{at}|{name} is null: give it a value or remove it" : null;
            type = nullable ?? type;
            if (type == typeof(string))
                return token.Type == JTokenType.String ? null : $"{at}|{name} must be text in quotes (got {Show(token)})";
            if (type == typeof(bool))
                return token.Type == JTokenType.Boolean ? null : $"{at}|{name} must be true or false (got {Show(token)})";
            if (type == typeof(int))
                return token.Type == JTokenType.Integer && ((JValue)token).Value is long n && n >= int.MinValue && n <= int.MaxValue ? null
                    : $"{at}|{name} must be a whole number{(token.Type == JTokenType.Integer ? " of at most 2,147,483,647" : "")} (got {Show(token)})";
            if (type == typeof(double) || type == typeof(decimal))
            {
                bool number = token.Type == JTokenType.Integer || token.Type == JTokenType.Float;
                double value = number && ((JValue)token).Value is IConvertible c ? c.ToDouble(null) : double.NaN;
                bool fits = number && !double.IsNaN(value) && !double.IsInfinity(value) && (type == typeof(double) || Math.Abs(value) < 7.9e28);
                return fits ? null : $"{at}|{name} must be a number{(number ? " of a sensible size" : "")} (got {Show(token)})";
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                if (!(token is JArray list)) return $"{at}|{name} must be a list in square brackets [ ] (got {Show(token)})";
                Type item = type.GetGenericArguments()[0];
                for (int i = 0; i < list.Count; i++)
                {
                    if (list[i].Type == JTokenType.Null) return $"{at}[{i}]|{at}[{i}] is null: remove it or fill it in";
                    string problem = Check(item, list[i], $"{at}[{i}]");
                    if (problem != null) return problem;
                }
                return null;
            }
            if (!(token is JObject obj)) return $"{at}|{name} must be an object in braces {{ }} (got {Show(token)})";
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                return obj.Properties().Select(p => Check(type.GetGenericArguments()[1], p.Value, Join(at, p.Name))).FirstOrDefault(p => p != null);
            var members = type.GetProperties().Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()))
                .Where(m => m.Json != null).ToList();
            foreach (JProperty property in obj.Properties())
            {
                if (top && (property.Name == "description" || property.Name == "$schema")) continue;
                if (!members.Any(m => string.Equals(m.Json.PropertyName, property.Name, StringComparison.OrdinalIgnoreCase)))
                    return $"{Join(at, property.Name)}|{Join(at, property.Name)} is not a known key: check its spelling " +
                           $"(the keys here are {string.Join(", ", members.Select(m => m.Json.PropertyName))})";
            }
            foreach (var (property, json) in members)
            {
                JToken value = obj.Properties().FirstOrDefault(p => string.Equals(p.Name, json.PropertyName, StringComparison.OrdinalIgnoreCase))?.Value;
                string key = Join(at, json.PropertyName);
                if (json.Required == Required.Always && (value == null || value.Type == JTokenType.Null))
                    return $"{at}|{key} is missing or null: give it a value";
                if (value == null) continue;
                string problem = Check(property.PropertyType, value, key);
                if (problem != null) return problem;
            }
            return null;
        }

        private static int Line(JToken root, string path)
        {
            try
            {
                return root.SelectToken(path) is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
            }
            catch (JsonException)
            {
                return 0;
            }
        }

        private static string Join(string at, string key) => at.Length == 0 ? key : $"{at}.{key}";

        private static string Path(string problem) => problem.Substring(0, problem.IndexOf('|'));

        private static string Show(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object: return "an object { }";
                case JTokenType.Array: return "a list [ ]";
                case JTokenType.String:
                    string text = token.Value<string>();
                    return "\"" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "\"";
                default: return token.ToString(Formatting.None);
            }
        }
    }
}
