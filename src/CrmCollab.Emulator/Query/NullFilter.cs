using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>The null / not-null operators.</summary>
    internal sealed class NullFilter : RowFilter
    {
        private readonly ColumnReader _column;
        private readonly bool _null;

        public NullFilter(ColumnReader column, bool isNull)
        {
            _column = column;
            _null = isNull;
        }

        public override bool Matches(Entity[] row) => (_column.Read(row) == null) == _null;
    }
}
