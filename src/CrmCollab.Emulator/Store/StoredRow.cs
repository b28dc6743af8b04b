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
    }
}
