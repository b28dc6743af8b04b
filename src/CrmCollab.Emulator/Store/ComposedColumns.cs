using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Columns the platform composes from others: fullname from first and last name (systemuser, contact, lead),
    /// in Dataverse's default "First Last" format. Callers cannot write them; the store keeps them current.
    /// </summary>
    internal static class ComposedColumns
    {
        public static void Apply(TableDefinition table, Entity row)
        {
            if (table.Column("fullname") == null || table.Column("lastname") == null) return;
            string first = row.GetAttributeValue<string>("firstname"), last = row.GetAttributeValue<string>("lastname");
            string full = string.IsNullOrWhiteSpace(first) ? last : string.IsNullOrWhiteSpace(last) ? first : first.Trim() + " " + last.Trim();
            if (full == null) row.Attributes.Remove("fullname");
            else row["fullname"] = full;
        }
    }
}
