namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// "table.column" as fault messages name a condition's column; the text is made only when a fault is written,
    /// not for every condition compiled.
    /// </summary>
    internal readonly struct ColumnLabel
    {
        private readonly string _table;
        private readonly string _column;

        public ColumnLabel(string table, string column)
        {
            _table = table;
            _column = column;
        }

        public override string ToString() => _table + "." + _column;
    }
}
