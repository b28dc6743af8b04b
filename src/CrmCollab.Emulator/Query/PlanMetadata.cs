using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// The tables and columns a plan was compiled against, with what compiling read of them (names, the primary id,
    /// a column's type and choices). The catalog's dictionaries can change after a plan is cached (a table or a
    /// column added, replaced or retyped): a plan whose metadata no longer resolves the same way is compiled again.
    /// </summary>
    internal sealed class PlanMetadata
    {
        private readonly List<(string Name, TableDefinition Table, string LogicalName, string PrimaryId)> _tables =
            new List<(string, TableDefinition, string, string)>();
        private readonly List<(TableDefinition Table, string Name, ColumnDefinition Column, string LogicalName, ColumnType Type, OptionSetDefinition Choices)> _columns =
            new List<(TableDefinition, string, ColumnDefinition, string, ColumnType, OptionSetDefinition)>();

        public void Add(string name, TableDefinition table)
        {
            foreach (var known in _tables)
                if (known.Name == name && known.Table == table) return;
            _tables.Add((name, table, table.LogicalName, table.PrimaryIdAttribute));
        }

        public void Add(TableDefinition table, string name, ColumnDefinition column)
        {
            foreach (var known in _columns)
                if (known.Name == name && known.Table == table) return;
            _columns.Add((table, name, column, column.LogicalName, column.Type, column.OptionSet));
        }

        /// <summary>True while every table and column still resolves to what the plan was compiled against.</summary>
        public bool StillHolds(MetadataCatalog catalog)
        {
            foreach (var (name, table, logicalName, primaryId) in _tables)
                if (catalog.Table(name) != table || table.LogicalName != logicalName || table.PrimaryIdAttribute != primaryId)
                    return false;
            foreach (var (table, name, column, logicalName, type, choices) in _columns)
                if (table.Column(name) != column || column.LogicalName != logicalName || column.Type != type || column.OptionSet != choices)
                    return false;
            return true;
        }
    }
}
