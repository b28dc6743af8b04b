using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The primary names of referenced records, as formatting gives them to lookups: read from the referenced row as it
    /// is now (its name column, straight from its compact attributes). Nothing is kept, so nothing goes stale after a
    /// rename, a delete or a rollback, however many records the organisation names.
    /// </summary>
    internal sealed class PrimaryNames
    {
        private readonly MetadataCatalog _catalog;
        private readonly RowStore _rows;

        public PrimaryNames(MetadataCatalog catalog, RowStore rows)
        {
            _catalog = catalog;
            _rows = rows;
        }

        /// <summary>The referenced row's primary name; the reference's own name when the table has none or the row is missing.</summary>
        public string Of(EntityReference reference)
        {
            string column = _catalog.Table(reference.LogicalName)?.PrimaryNameAttribute;
            if (column == null || !_rows.TryGet(reference.LogicalName, reference.Id, out var row)) return reference.Name;
            return StoredRow.TryRead(row, column, out object value) ? value as string : null;
        }
    }
}
