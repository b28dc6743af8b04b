using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>A joined row with its sort keys, computed once.</summary>
    internal sealed class KeyedRow
    {
        public KeyedRow(Entity[] row, object[] keys) { Row = row; Keys = keys; }

        public Entity[] Row { get; }
        public object[] Keys { get; }
        public Entity Projected { get; set; }
    }
}
