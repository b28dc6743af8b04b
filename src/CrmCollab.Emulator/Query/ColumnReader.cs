using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>Reads one column of one slot of a joined row; a value held inline by the filters (no closure).</summary>
    internal readonly struct ColumnReader
    {
        private readonly Slot _slot;
        private readonly int _index;
        private readonly string _column;

        public ColumnReader(Slot slot, string column)
        {
            _slot = slot;
            _index = slot.Index;
            _column = column;
        }

        public object Read(Entity[] row) => _slot.Read(row[_index], _column);
    }
}
