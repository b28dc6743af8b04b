using System;
using System.Linq;

namespace CrmCollab.Emulator.Metadata
{
    /// <summary>
    /// The columns Dataverse adds beside a currency (money) column: the first one a table gets brings a Currency lookup
    /// (transactioncurrencyid) and a read-only Exchange Rate, and each one its read-only "_base" twin, the amount in the
    /// organization's base currency (powerapps-docs, maker/data-platform/types-of-fields.md, "Using currency columns").
    /// An exported table lists them; a table declared with its money columns alone gets them here, as the platform adds them.
    /// </summary>
    public static class CurrencyColumns
    {
        public const string Currency = "transactioncurrencyid", ExchangeRate = "exchangerate", BaseSuffix = "_base";

        /// <param name="custom">True for a table created by the solution: its first money column brings the Currency and
        /// Exchange Rate columns. A built-in table keeps its own (or has no currency at all).</param>
        public static void Complete(MetadataCatalog catalog, TableDefinition table, bool custom)
        {
            var money = table.Columns.Values.Where(c => c.Type == ColumnType.Money && !c.LogicalName.EndsWith(BaseSuffix, StringComparison.Ordinal)).ToList();
            if (money.Count == 0) return;
            var builder = TableBuilder.For(catalog, table);
            if (custom && table.Column(Currency) == null) builder.Lookup(Currency, "transactioncurrency").Display("Currency");
            if (custom && table.Column(ExchangeRate) == null) builder.Decimal(ExchangeRate, 10, 0.0000000001m, 100000000000m).ReadOnly().Display("Exchange Rate");
            foreach (var column in money)
                if (table.Column(column.LogicalName + BaseSuffix) == null)
                    builder.Money(column.LogicalName + BaseSuffix, column.Precision ?? 2).ReadOnly().Display(column.DisplayName + " (Base)");
        }

        /// <summary>
        /// The 1:N relationship behind a solution table's Currency lookup, when the solution declares none for it (an export
        /// lists it; a table declared with its money columns alone gets it here, as the platform makes it with the lookup):
        /// TransactionCurrency_&lt;table&gt;, whose Delete is Restrict, as the table references of the tables Microsoft's own
        /// solutions add show theirs (TransactionCurrency_msdyn_forecastinstance, _msdyn_salessuggestion,
        /// _msdyn_quotebookingproduct...: CascadeConfiguration Delete: Restrict; docs/platform-facts.md). A relationship the
        /// solution declares is kept as it is.
        /// </summary>
        public static void Relate(MetadataCatalog catalog, TableDefinition table)
        {
            var lookup = table.Column(Currency);
            if (!table.IsCustom || lookup == null || lookup.Type != ColumnType.Lookup) return;
            if (catalog.Relationships.Any(r => !r.IsManyToMany && r.ReferencingEntity == table.LogicalName && r.ReferencingAttribute == Currency))
                return;
            catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = "TransactionCurrency_" + table.SchemaName,
                ReferencedEntity = "transactioncurrency",
                ReferencingEntity = table.LogicalName,
                ReferencingAttribute = Currency,
                CascadeDelete = "Restrict",
            });
        }
    }
}
