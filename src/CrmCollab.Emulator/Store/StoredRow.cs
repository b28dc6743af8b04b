using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// A row the store built (Create, Update) and keeps: an Entity like any other, which also knows its attributes'
    /// stored form, so the next version starts from it (<see cref="RowDraft"/>). Never leaves the store: every read
    /// is a copy.
    /// </summary>
    internal sealed class StoredRow : Entity
    {
        public StoredRow(string logicalName) : base(logicalName) { }

        /// <summary>The frozen attributes (set when the row is put in the store; Attributes reads them).</summary>
        public StoredAttributes Stored { get; set; }

        /// <summary>A column of any row; a stored row's straight from its compact attributes, not through the SDK collection.</summary>
        public static bool TryRead(Entity row, string column, out object value) =>
            row is StoredRow stored && stored.Stored != null
                ? stored.Stored.TryGetValue(column, out value)
                : row.Attributes.TryGetValue(column, out value);
    }
}
