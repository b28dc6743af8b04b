using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>Checks a Target against the table's metadata the way the platform does before writing.</summary>
    internal sealed class RowValidator
    {
        private readonly MetadataCatalog _catalog;
        private readonly RowStore _rows;
        private readonly bool _enforceApplicationRequired;

        public RowValidator(MetadataCatalog catalog, RowStore rows, bool enforceApplicationRequired)
        {
            _catalog = catalog;
            _rows = rows;
            _enforceApplicationRequired = enforceApplicationRequired;
        }

        public TableDefinition RequireTable(string table) => _catalog.Table(table) ?? throw Faults.UnknownTable(table);

        /// <summary>
        /// Validates every value of the target; returns the names of columns the platform ignores (null: none). On an
        /// Update, a required column may be left out but not set to null: that is refused once every value has passed.
        /// </summary>
        public List<string> ValidateValues(TableDefinition table, Entity target, bool isCreate)
        {
            List<string> ignored = null;
            ColumnDefinition missing = null;
            using var pairs = new Pairs(target.Attributes);
            foreach (var pair in pairs)
            {
                var column = table.Column(pair.Key) ?? throw Faults.UnknownColumn(table.LogicalName, pair.Key);
                if (!isCreate && pair.Value == null && missing == null && RefusesNull(table, column)) missing = column;
                // Platform-maintained columns (createdon, versionnumber, fullname...) are silently ignored.
                if (pair.Key != table.PrimaryIdAttribute && (isCreate ? !column.IsValidForCreate : !column.IsValidForUpdate)
                    && column.Type != ColumnType.State && column.Type != ColumnType.Status && column.Type != ColumnType.Owner)
                {
                    (ignored ??= new List<string>()).Add(pair.Key);
                    continue;
                }
                if (pair.Value != null) CheckValue(table, column, pair.Value);
            }
            if (missing != null) throw NullRefused(table, missing);
            return ignored;
        }

        /// <summary>
        /// An Update's null for a required column: refused. statecode, which the platform fills on Create, is SystemRequired
        /// on every table (table references) and cannot be blanked either; ownerid has its own fault (InvalidOwnerID).
        /// </summary>
        private bool RefusesNull(TableDefinition table, ColumnDefinition column) =>
            IsEnforced(table, column) || (column.Type == ColumnType.State && column.RequiredLevel == RequiredLevel.SystemRequired);

        /// <summary>
        /// "When this is set to SystemRequired, you cannot set these columns to a null value. If you attempt this you will
        /// get error code -2147220989 with the message Attribute: &lt;attribute name&gt; cannot be set to NULL"
        /// (powerapps-docs org-service/entity-operations-update-delete.md); -2147220989 is InvalidArgument. A business-required
        /// column (refused only when the stricter check is on, which the platform lacks) keeps the engine's own sentence.
        /// </summary>
        private static Exception NullRefused(TableDefinition table, ColumnDefinition column) =>
            column.RequiredLevel == RequiredLevel.SystemRequired
                ? Faults.Invalid($"Attribute: {column.LogicalName} cannot be set to NULL")
                : Missing(table, column);

        private void CheckValue(TableDefinition table, ColumnDefinition column, object value)
        {
            string t = table.LogicalName, c = column.LogicalName;
            switch (column.Type)
            {
                case ColumnType.String:
                case ColumnType.Memo:
                    var text = Expect<string>(t, column, value);
                    if (column.MaxLength != null && text.Length > column.MaxLength)
                        throw Faults.Create(ErrorCodes.StringLengthTooLong,
                            $"A validation error occurred. The length of the '{c}' attribute of the '{t}' entity exceeded the maximum allowed length of '{column.MaxLength}'.");
                    break;
                case ColumnType.EntityName: Expect<string>(t, column, value); break;
                case ColumnType.Integer: Range(t, column, Expect<int>(t, column, value)); break;
                case ColumnType.BigInt: Expect<long>(t, column, value); break;
                case ColumnType.Decimal: Range(t, column, Expect<decimal>(t, column, value)); break;
                case ColumnType.Double: Range(t, column, (decimal)Expect<double>(t, column, value)); break;
                case ColumnType.Money: Range(t, column, Expect<Money>(t, column, value).Value); break;
                case ColumnType.Boolean: Expect<bool>(t, column, value); break;
                case ColumnType.DateTime: Expect<DateTime>(t, column, value); break;
                case ColumnType.Uniqueidentifier: Expect<Guid>(t, column, value); break;
                case ColumnType.PartyList: Expect<EntityCollection>(t, column, value); break;
                case ColumnType.Picklist:
                case ColumnType.State:
                case ColumnType.Status:
                    CheckOption(t, column, Expect<OptionSetValue>(t, column, value).Value);
                    break;
                case ColumnType.MultiSelectPicklist:
                    foreach (var option in Expect<OptionSetValueCollection>(t, column, value)) CheckOption(t, column, option.Value);
                    break;
                case ColumnType.Lookup:
                case ColumnType.Owner:
                case ColumnType.Customer:
                    CheckReference(t, column, Expect<EntityReference>(t, column, value));
                    break;
            }
        }

        private static T Expect<T>(string table, ColumnDefinition column, object value)
        {
            if (value is T typed) return typed;
            throw Faults.Invalid(
                $"Incorrect attribute value type {value.GetType().FullName} for attribute '{column.LogicalName}' of entity '{table}': expected {typeof(T).FullName} ({column.Type}).");
        }

        private static void Range(string table, ColumnDefinition column, decimal value)
        {
            if ((column.MinValue != null && value < column.MinValue) || (column.MaxValue != null && value > column.MaxValue))
                throw Faults.Invalid(
                    $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table}' is outside the valid range. Accepted Values: {column.MinValue} to {column.MaxValue}");
        }

        private static void CheckOption(string table, ColumnDefinition column, int value)
        {
            if (column.OptionSet == null || column.OptionSet.Options.Count == 0) return;
            if (column.OptionSet.Find(value) == null)
                throw Faults.Create(ErrorCodes.PicklistValueOutOfRange,
                    $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table}' is outside the valid range.");
        }

        private void CheckReference(string table, ColumnDefinition column, EntityReference reference)
        {
            if (string.IsNullOrEmpty(reference.LogicalName))
                throw Faults.Invalid($"The lookup '{column.LogicalName}' of '{table}' has no LogicalName.");
            if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
                throw Faults.Invalid(
                    $"The entity '{reference.LogicalName}' is not a valid target of the lookup '{column.LogicalName}' of '{table}' (allowed: {string.Join(", ", column.Targets)}).");
            if (_catalog.Table(reference.LogicalName) == null) throw Faults.UnknownTable(reference.LogicalName);
            if (!_rows.Exists(reference.LogicalName, reference.Id)) throw Faults.NotFound(reference.LogicalName, reference.Id);
        }

        public bool EnforcesApplicationRequired => _enforceApplicationRequired;

        /// <summary>Create: every required column the caller must supply (<see cref="TableShape.RequiredOnCreate"/>) is present and not null.</summary>
        public static void CheckRequiredOnCreate(TableShape shape, Entity row)
        {
            foreach (var column in shape.RequiredOnCreate)
                if (!row.Attributes.TryGetValue(column.LogicalName, out var value) || value == null) throw Missing(shape.Table, column);
        }

        private bool IsEnforced(TableDefinition table, ColumnDefinition column) => IsEnforced(table, column, _enforceApplicationRequired);

        internal static bool IsEnforced(TableDefinition table, ColumnDefinition column, bool enforceApplicationRequired)
        {
            if (column.RequiredLevel == RequiredLevel.SystemRequired) { }
            else if (column.RequiredLevel != RequiredLevel.ApplicationRequired || !enforceApplicationRequired) return false;
            // Filled by the platform, not by the caller.
            if (column.LogicalName == table.PrimaryIdAttribute || !column.IsValidForCreate) return false;
            return column.Type != ColumnType.State && column.Type != ColumnType.Status && column.Type != ColumnType.Owner;
        }

        private static Exception Missing(TableDefinition table, ColumnDefinition column) =>
            Faults.Invalid(
                $"A validation error occurred. The required column '{column.LogicalName}' ({column.DisplayName ?? column.LogicalName}) of '{table.LogicalName}' has no value.");
    }
}
