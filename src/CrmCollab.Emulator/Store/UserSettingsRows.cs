using System;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Each user's settings row (usersettings, keyed by the user's id) and the one setting the engine models: the user's
    /// default currency. Documented: "Individuals can also change their personal options to select a default currency for
    /// the rows they create" (powerapps-docs maker/data-platform/types-of-fields.md, "Using currency columns"); Personal
    /// Options, "Select a default currency ... to use in financial transactions" (powerapps-docs user/set-personal-options.md);
    /// usersettings.transactioncurrencyid, "Unique identifier of the default currency of the user" (UserSettings table
    /// reference, whose messages are Retrieve, RetrieveMultiple and Update: the row comes with the user).
    /// So a row created without a currency, in a table whose amounts have one, gets the creating user's default currency.
    /// Not modelled, not documented: a fallback to the organization's base currency (Organization.BaseCurrencyID) when the
    /// user has no default (such a row keeps no currency, as before); whether a Create sending the currency as null also
    /// gets the default (the engine keeps the null, as it keeps a null sent for any column with a default value).
    /// </summary>
    internal static class UserSettingsRows
    {
        public const string Table = "usersettings";

        /// <summary>After a client's Create of a user: the platform's settings row for it (none for other tables).</summary>
        public static void AfterCreate(DataStore store, string table, Guid id, Guid callerId, UndoLog log)
        {
            if (table != "systemuser" || store.Catalog.Table(Table) == null || store.Rows.Exists(Table, id)) return;
            store.Create(new Entity(Table, id), callerId, log, new Entity(Table));
        }

        /// <summary>The currency a new row with no currency gets: its creator's default, or null.</summary>
        public static Guid? DefaultCurrencyOf(RowStore rows, Guid userId) =>
            // Read from the stored row's compact values: every Create of a table with amounts asks.
            rows.TryGet(Table, userId, out var settings) && StoredRow.TryRead(settings, CurrencyColumns.Currency, out object value)
                && value is EntityReference currency ? currency.Id : (Guid?)null;
    }
}
