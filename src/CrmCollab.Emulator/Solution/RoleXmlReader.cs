using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads &lt;Role&gt; (Roles/&lt;name&gt;.xml). Privilege names are prv&lt;Right&gt;&lt;EntitySchemaName&gt;
    /// (prvCreateAccount, prvAppendTocrmc_Widget); names that are not a right on a known table are
    /// miscellaneous privileges (prvBypassCustomPlugins...).
    /// </summary>
    internal static class RoleXmlReader
    {
        // Longest first so "AppendTo" wins over "Append".
        private static readonly (string Prefix, AccessRight Right)[] Rights =
        {
            ("AppendTo", AccessRight.AppendTo), ("Append", AccessRight.Append), ("Create", AccessRight.Create),
            ("Delete", AccessRight.Delete), ("Assign", AccessRight.Assign), ("Share", AccessRight.Share),
            ("Write", AccessRight.Write), ("Read", AccessRight.Read),
        };

        // Privilege entity names that differ from the table's schema name.
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["User"] = "systemuser",
            ["Note"] = "annotation",
        };

        public static void Read(XElement e, string file, LoadState state)
        {
            var role = new RoleDefinition
            {
                Id = SolutionXml.ParseGuid(SolutionXml.RequiredAttr(e, "id", file), file, e, "Role id"),
                Name = SolutionXml.RequiredAttr(e, "name", file),
            };
            foreach (var p in e.Element("RolePrivileges")?.Elements("RolePrivilege") ?? Enumerable.Empty<XElement>())
            {
                var name = SolutionXml.RequiredAttr(p, "name", file);
                var level = SolutionXml.RequiredAttr(p, "level", file);
                if (!Enum.TryParse<PrivilegeDepth>(level, false, out var depth) || depth == PrivilegeDepth.None)
                    throw SolutionXml.Fail(file, p, $"privilege '{name}' has level '{level}' (expected Basic, Local, Deep or Global)");
                if (!name.StartsWith("prv", StringComparison.Ordinal))
                    throw SolutionXml.Fail(file, p, $"privilege '{name}' does not start with 'prv'");
                var parsed = Parse(name, state);
                if (parsed == null) { role.Misc.Add(name); continue; }
                foreach (var table in parsed.Value.Tables)
                    role.Privileges[(table, parsed.Value.Right)] = depth;
            }
            var existing = state.Definition.Roles.FindIndex(r => r.Id == role.Id);
            if (existing >= 0) throw SolutionXml.Fail(file, e, $"role {role.Id} ('{role.Name}') is defined twice");
            state.Definition.Roles.Add(role);
        }

        private static (AccessRight Right, List<string> Tables)? Parse(string privilege, LoadState state)
        {
            var rest = privilege.Substring(3);
            foreach (var (prefix, right) in Rights)
            {
                if (!rest.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var entity = rest.Substring(prefix.Length);
                var tables = Tables(entity, state);
                if (tables.Count > 0) return (right, tables);
            }
            return null;
        }

        private static List<string> Tables(string entity, LoadState state)
        {
            // prv*Activity covers every activity table (and the activitypointer base).
            if (string.Equals(entity, "Activity", StringComparison.OrdinalIgnoreCase))
            {
                var list = new List<string> { "activitypointer" };
                list.AddRange(state.Catalog.Tables.Values.Where(t => t.IsActivity).Select(t => t.LogicalName).OrderBy(n => n, StringComparer.Ordinal));
                return list;
            }
            if (Aliases.TryGetValue(entity, out var alias)) return new List<string> { alias };
            var logical = state.TableName(entity);
            var tables = logical == null ? new List<string>() : new List<string> { logical };
            // A table with no privileges of its own is reached by another's (an environment variable's value by its
            // definition's, docs/dataverse-facts.md): the role's privilege covers it too, as the guard names it (PrivilegeNames).
            tables.AddRange(state.Catalog.Tables.Values
                .Where(t => t.LogicalName != logical && !t.IsActivity && string.Equals(Security.PrivilegeNames.PrivilegeEntityName(t), entity, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.LogicalName).OrderBy(n => n, StringComparer.Ordinal));
            return tables;
        }
    }
}
