using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads environmentvariabledefinitions/&lt;schemaname&gt;/environmentvariabledefinition.xml and the optional
    /// environmentvariablevalues.json next to it (a current value shipped with the solution).
    /// </summary>
    internal static class EnvironmentVariableReader
    {
        public static void ReadAll(LoadState state)
        {
            foreach (var dir in state.Directories("environmentvariabledefinitions"))
            {
                var path = Path.Combine(dir, "environmentvariabledefinition.xml");
                var file = state.Relative(path);
                if (!File.Exists(path)) throw new SolutionLoadException(state.Relative(dir), "folder has no environmentvariabledefinition.xml");
                var def = Read(SolutionXml.LoadRoot(path, file, "environmentvariabledefinition"), file);
                if (state.Definition.EnvironmentVariables.Any(v => string.Equals(v.SchemaName, def.SchemaName, StringComparison.OrdinalIgnoreCase)))
                    throw new SolutionLoadException(file, $"environment variable '{def.SchemaName}' is defined twice");
                var values = Path.Combine(dir, "environmentvariablevalues.json");
                if (File.Exists(values)) def.Value = ReadValue(values, state.Relative(values));
                state.Definition.EnvironmentVariables.Add(def);
            }
        }

        private static EnvironmentVariableDefinition Read(XElement e, string file)
        {
            var def = new EnvironmentVariableDefinition
            {
                SchemaName = SolutionXml.RequiredAttr(e, "schemaname", file),
                DefaultValue = e.Element("defaultvalue")?.Value, // kept verbatim: JSON/strings may be whitespace-sensitive
                DisplayName = Localized(e.Element("displayname")),
                Description = Localized(e.Element("description")),
            };
            var type = SolutionXml.Int(e, "type", file)
                ?? throw SolutionXml.Fail(file, e, $"environment variable '{def.SchemaName}' lacks <type>");
            def.Type = type switch
            {
                100000000 => "String",
                100000001 => "Number",
                100000002 => "Boolean",
                100000003 => "JSON",
                100000004 => "DataSource",
                100000005 => "Secret",
                _ => throw SolutionXml.Fail(file, e.Element("type"), $"environment variable '{def.SchemaName}' has unknown type {type}"),
            };
            return def;
        }

        /// <summary>The default="" attribute, else the 1033 label.</summary>
        private static string Localized(XElement e) =>
            e == null ? null : SolutionXml.Attr(e, "default") ?? SolutionXml.Label(e);

        private static string ReadValue(string path, string file)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                // { "environmentvariablevalues": { "environmentvariablevalue": { ..., "value": "..." } } }
                // (the inner item may also be an array; the first value wins).
                var item = doc.RootElement.GetProperty("environmentvariablevalues").GetProperty("environmentvariablevalue");
                if (item.ValueKind == JsonValueKind.Array) item = item.EnumerateArray().First();
                return item.TryGetProperty("value", out var value) ? value.GetString() : null;
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is InvalidOperationException
                                      || e is System.Collections.Generic.KeyNotFoundException)
            {
                throw new SolutionLoadException(file, "not a valid environmentvariablevalues.json: " + e.Message, e);
            }
        }
    }
}
