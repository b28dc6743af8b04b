using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// What every write of a table asks its metadata: which platform columns it has, its first state and each state's
    /// default status, the columns a Create must supply. Read once per table instead of by name on every write (a
    /// dozen lookups per Create); made again if the table's columns change.
    /// </summary>
    internal sealed class TableShape
    {
        private TableShape(TableDefinition table, bool enforceApplicationRequired)
        {
            Table = table;
            ColumnCount = table.Columns.Count;
            HasCreatedOn = table.Column("createdon") != null;
            HasModifiedOn = table.Column("modifiedon") != null;
            HasCreatedBy = table.Column("createdby") != null;
            HasModifiedBy = table.Column("modifiedby") != null;
            HasOwner = table.Column("ownerid") != null;
            HasOwningUser = table.Column("owninguser") != null;
            HasOwningTeam = table.Column("owningteam") != null;
            HasOwningBusinessUnit = table.Column("owningbusinessunit") != null;
            HasVersionNumber = table.Column("versionnumber") != null;
            HasComposedName = table.Column("fullname") != null && table.Column("lastname") != null;
            var states = table.Column("statecode")?.OptionSet;
            HasState = states != null;
            if (HasState && states.Options.Count > 0)
            {
                InitialState = states.Options[0].Value;
                InitialStatus = StateRules.DefaultStatus(table, InitialState);
            }
            foreach (var column in table.Columns.Values)
            {
                if (RowValidator.IsEnforced(table, column, enforceApplicationRequired)) RequiredOnCreate.Add(column);
                if (column.IsDateOnly) DateOnly.Add(column.LogicalName);
                if (column.Type == ColumnType.Money && table.Column(column.LogicalName + CurrencyColumns.BaseSuffix) != null)
                {
                    MoneyWithBase.Add(column);
                    BaseTwins.Add(column.LogicalName + CurrencyColumns.BaseSuffix);
                }
            }
            HasCurrency = MoneyWithBase.Count > 0 && table.Column(CurrencyColumns.Currency) != null;
            HasExchangeRate = table.Column(CurrencyColumns.ExchangeRate) != null;
        }

        public TableDefinition Table { get; }
        private int ColumnCount { get; }
        public bool HasCreatedOn { get; }
        public bool HasModifiedOn { get; }
        public bool HasCreatedBy { get; }
        public bool HasModifiedBy { get; }
        public bool HasOwner { get; }
        public bool HasOwningUser { get; }
        public bool HasOwningTeam { get; }
        public bool HasOwningBusinessUnit { get; }
        public bool HasVersionNumber { get; }
        public bool HasComposedName { get; }
        public bool HasState { get; }
        public int InitialState { get; }
        public int? InitialStatus { get; }

        /// <summary>The row's amounts are in its currency: the platform stamps their base twins (<see cref="CurrencyStamp"/>).</summary>
        public bool HasCurrency { get; }
        public bool HasExchangeRate { get; }

        /// <summary>The money columns that have a "_base" twin.</summary>
        public List<ColumnDefinition> MoneyWithBase { get; } = new List<ColumnDefinition>();

        /// <summary>The "_base" twin of each of <see cref="MoneyWithBase"/>, at the same place (named once, not on every write).</summary>
        public List<string> BaseTwins { get; } = new List<string>();

        /// <summary>The Date Only columns: a write stores their date alone (<see cref="DateOnlyValues"/>).</summary>
        public List<string> DateOnly { get; } = new List<string>();

        /// <summary>Columns a Create must give a value (RowValidator's rule), in the table's column order.</summary>
        public List<ColumnDefinition> RequiredOnCreate { get; } = new List<ColumnDefinition>();

        /// <summary>The shape of <paramref name="table"/>, from <paramref name="cache"/> unless its columns changed.</summary>
        public static TableShape Of(TableDefinition table, Dictionary<TableDefinition, TableShape> cache, bool enforceApplicationRequired)
        {
            if (cache.TryGetValue(table, out var shape) && shape.ColumnCount == table.Columns.Count) return shape;
            shape = new TableShape(table, enforceApplicationRequired);
            cache[table] = shape;
            return shape;
        }
    }
}
