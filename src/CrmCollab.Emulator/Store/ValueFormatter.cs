using System.Globalization;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// FormattedValues as Retrieve/RetrieveMultiple return them: choice labels, lookup primary names, money and
    /// Yes/No. Money uses a fixed invariant format ("1,234.00", no currency symbol) so results do not depend on
    /// the machine's culture or on a currency record.
    /// </summary>
    internal sealed class ValueFormatter
    {
        private readonly MetadataCatalog _catalog;
        private readonly RowStore _rows;

        public ValueFormatter(MetadataCatalog catalog, RowStore rows)
        {
            _catalog = catalog;
            _rows = rows;
        }

        public void Format(Entity entity)
        {
            var table = _catalog.Table(entity.LogicalName);
            if (table == null || entity.Attributes.Count == 0) return;
            // Only FormattedValues and reference names change, never Attributes: no copy of the pairs is needed.
            // Strings, numbers, dates and ids have no formatted value: their column is not even looked up.
            int formatted = 0;
            foreach (var pair in entity.Attributes)
                if (IsFormatted(pair.Value)) formatted++;
            if (formatted == 0) return;
            SizedEntity.ReserveFormattedValues(entity, formatted);
            foreach (var pair in entity.Attributes)
            {
                if (!IsFormatted(pair.Value)) continue;
                var column = table.Column(pair.Key);
                if (column == null) continue;
                var text = FormatValue(column, pair.Value);
                if (text != null) entity.FormattedValues[pair.Key] = text;
            }
        }

        private static bool IsFormatted(object value) =>
            value is OptionSetValue || value is EntityReference || value is Money || value is bool || value is OptionSetValueCollection;

        private string FormatValue(ColumnDefinition column, object value)
        {
            switch (value)
            {
                case OptionSetValue option:
                    return Label(column, option.Value);
                case OptionSetValueCollection options:
                    return string.Join("; ", options.Select(o => Label(column, o.Value)));
                case EntityReference reference:
                    reference.Name = PrimaryName(reference);
                    return reference.Name;
                case Money money:
                    int precision = column.Precision ?? 2;
                    return money.Value.ToString(precision >= 0 && precision < MoneyFormats.Length ? MoneyFormats[precision] : "N" + precision,
                        CultureInfo.InvariantCulture);
                case bool flag:
                    return flag ? "Yes" : "No";
                default:
                    return null;
            }
        }

        private static readonly string[] MoneyFormats = { "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N10" };

        private static string Label(ColumnDefinition column, int value) =>
            column.OptionSet?.Find(value)?.Label ?? value.ToString(CultureInfo.InvariantCulture);

        public string PrimaryName(EntityReference reference)
        {
            var table = _catalog.Table(reference.LogicalName);
            if (table?.PrimaryNameAttribute == null) return reference.Name;
            return _rows.TryGet(reference.LogicalName, reference.Id, out var row)
                ? row.GetAttributeValue<object>(table.PrimaryNameAttribute) as string
                : reference.Name;
        }
    }
}
