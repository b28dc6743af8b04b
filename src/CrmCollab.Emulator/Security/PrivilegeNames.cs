using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// Privilege names as the platform spells them: prv&lt;Right&gt;&lt;EntitySchemaName&gt; (prvReadAccount,
    /// prvAppendTocrmc_Widget); users are "User", notes "Note", every activity table shares "Activity", an
    /// environment variable's value goes with its definition, and price lists and unit groups take the Product privileges.
    /// </summary>
    public static class PrivilegeNames
    {
        // Longest first so "AppendTo" wins over "Append" when parsing.
        private static readonly (string Prefix, AccessRight Right)[] Rights =
        {
            ("AppendTo", AccessRight.AppendTo), ("Append", AccessRight.Append), ("Create", AccessRight.Create),
            ("Delete", AccessRight.Delete), ("Assign", AccessRight.Assign), ("Share", AccessRight.Share),
            ("Write", AccessRight.Write), ("Read", AccessRight.Read),
        };

        public static string Of(TableDefinition table, AccessRight right) =>
            "prv" + right + PrivilegeEntityName(table);

        public static string PrivilegeEntityName(TableDefinition table)
        {
            if (table.IsActivity || table.LogicalName == "activitypointer") return "Activity";
            switch (table.LogicalName)
            {
                case "systemuser": return "User";
                case "annotation": return "Note";
                // A value has no privilege of its own: reading it takes the definition's (observed in a real
                // organisation; see docs/dataverse-facts.md).
                case "environmentvariablevalue": return "EnvironmentVariableDefinition";
                // Price lists and unit groups have no privileges of their own: the Product privileges are listed for entity
                // type codes 1024 (product), 1022 (price list), 1056 (unit group) and 1080 (discount list), and "There are no
                // specific privileges for the PriceLevel (price list) entity" (CRM 2013/2015 SDK, "Product entity
                // privileges", "PriceLevel (price list) entity privileges").
                case "pricelevel":
                case "uomschedule": return "Product";
                default: return table.SchemaName ?? table.LogicalName;
            }
        }

        /// <summary>
        /// Whether rows of <paramref name="table"/> carry an AppendTo privilege the engine can name, so that a lookup to one
        /// asks it. Unknown tables and intersect tables (no privileges at all) have none, and two organisation tables are
        /// left out on purpose. Business units: Microsoft's privilege list gives their append-to right to a privilege
        /// named prvAppendBusinessUnit (CRM 4.0 SDK, "Business Unit Privileges": access right APPENDTO), which the
        /// prv&lt;Right&gt;&lt;Table&gt; naming cannot express, and the columns naming one (a user's, team's or role's
        /// business unit) are moved by messages with privileges of their own (SetBusinessSystemUser, SetParentBusinessUnit).
        /// Process stages: no Microsoft privilege list found names a ProcessStage privilege (the SDK's lists have the
        /// process's, prvAppendToWorkflow, and none for its stages), so none is asked rather than have a shipped role
        /// carry a privilege name that may not exist.
        /// </summary>
        public static bool HasAppendTo(TableDefinition table) =>
            table != null && table.Ownership != OwnershipType.None
            && table.LogicalName != "businessunit" && table.LogicalName != "processstage";

        /// <summary>Name of the access right as AccessRights spells it (ReadAccess, AppendToAccess...).</summary>
        public static string AccessRightsName(AccessRight right) => right + "Access";

        /// <summary>A stable id per privilege name, so messages are the same on every run.</summary>
        public static Guid IdOf(string privilegeName)
        {
            using (var md5 = MD5.Create())
            {
                var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(privilegeName.ToLowerInvariant()));
                return new Guid(hash);
            }
        }

        /// <summary>Reads prv&lt;Right&gt;&lt;Entity&gt; back to (tables, right); false for miscellaneous privileges.</summary>
        public static bool TryParse(string privilegeName, MetadataCatalog catalog, out AccessRight right, out List<string> tables)
        {
            right = AccessRight.Read;
            tables = new List<string>();
            if (privilegeName == null || !privilegeName.StartsWith("prv", StringComparison.OrdinalIgnoreCase)) return false;
            var rest = privilegeName.Substring(3);
            foreach (var (prefix, candidate) in Rights)
            {
                if (!rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                var entity = rest.Substring(prefix.Length);
                foreach (var table in catalog.Tables.Values)
                {
                    if (string.Equals(PrivilegeEntityName(table), entity, StringComparison.OrdinalIgnoreCase))
                        tables.Add(table.LogicalName);
                }
                if (tables.Count > 0)
                {
                    right = candidate;
                    return true;
                }
            }
            return false;
        }
    }
}
