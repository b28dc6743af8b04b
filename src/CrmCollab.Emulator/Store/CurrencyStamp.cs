using System;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The amounts of a row are in its currency (transactioncurrencyid); the platform keeps, beside each, its value in the
    /// base currency: amount_base = amount / exchangerate, with the currency's rate stamped on the row (powerapps-docs,
    /// developer/data-platform/transaction-currency-currency-entity.md). Stamped when the row is created and when an update
    /// changes an amount or the currency; a later change of the currency's rate leaves stored rows as they are (the rate
    /// is the row's, "updating an exchange rate does not impact previously converted amounts"). A row created naming no
    /// currency has its creator's default currency by then (<see cref="UserSettingsRows"/>).
    /// </summary>
    internal static class CurrencyStamp
    {
        public static void Apply(TableShape shape, Entity row, RowStore rows)
        {
            decimal? rate = null;
            object storedRate = null; // the currency row's own boxed rate: stored values are shared, never changed in place
            var currency = row.GetAttributeValue<EntityReference>(CurrencyColumns.Currency);
            if (currency != null && rows.TryGet("transactioncurrency", currency.Id, out var stored)
                && StoredRow.TryRead(stored, CurrencyColumns.ExchangeRate, out storedRate) && storedRate is decimal value)
                rate = value;
            if (rate == null || rate.Value <= 0m)
            {
                // No currency (or none the store knows): nothing to convert with.
                if (shape.HasExchangeRate) row.Attributes.Remove(CurrencyColumns.ExchangeRate);
                foreach (string twin in shape.BaseTwins) row.Attributes.Remove(twin);
                return;
            }
            if (shape.HasExchangeRate) row[CurrencyColumns.ExchangeRate] = storedRate;
            for (int i = 0; i < shape.MoneyWithBase.Count; i++)
            {
                ColumnDefinition money = shape.MoneyWithBase[i];
                var amount = row.GetAttributeValue<Money>(money.LogicalName);
                string twin = shape.BaseTwins[i];
                if (amount == null) row.Attributes.Remove(twin);
                else row[twin] = new Money(Math.Round(amount.Value / rate.Value, money.Precision ?? 2, MidpointRounding.AwayFromZero));
            }
        }
    }
}
