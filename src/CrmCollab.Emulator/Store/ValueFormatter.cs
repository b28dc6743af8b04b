using System;
using System.Collections.Generic;
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
        private readonly PrimaryNames _names;

        public ValueFormatter(MetadataCatalog catalog, RowStore rows)
        {
            _catalog = catalog;
            _names = new PrimaryNames(catalog, rows);
        }

        public void Format(Entity entity)
        {
            var table = _catalog.Table(entity.LogicalName);
            if (table == null || entity.Attributes.Count == 0) return;
            // One pass over the values into a buffer the thread reuses, then the formatted values are added to a
            // collection made at their number (instead of growing 3 → 7 → 17 → 37). Only FormattedValues and reference
            // names change, never Attributes: no copy of the pairs is needed.
            var texts = _texts ??= new List<KeyValuePair<string, string>>();
            texts.Clear();
            var names = new LastName();
            using var pairs = new Pairs(entity.Attributes);
            foreach (var pair in pairs)
            {
                var text = FormatValue(table, pair.Key, pair.Value, ref names);
                if (text != null) texts.Add(new KeyValuePair<string, string>(pair.Key, text));
            }
            if (texts.Count == 0) return;
            SizedEntity.ReserveFormattedValues(entity, texts.Count);
            var formatted = entity.FormattedValues;
            for (int i = 0; i < texts.Count; i++) formatted[texts[i].Key] = texts[i].Value;
            texts.Clear();
        }

        [ThreadStatic] private static List<KeyValuePair<string, string>> _texts;

        /// <summary>
        /// The last record whose name one row's formatting looked up: a row's lookups mostly name the same few
        /// records (creator, modifier, owner are often one user), and nothing is written while a row is formatted.
        /// </summary>
        private struct LastName
        {
            public bool Known;
            public string Table;
            public Guid Id;
            public string GivenName; // PrimaryName falls back to the reference's own name
            public string Name;

            public bool Answers(EntityReference reference) =>
                Known && reference.Id == Id && reference.LogicalName == Table && reference.Name == GivenName;
        }

        /// <summary>
        /// The formatted value of the kinds the engine formats (choices, lookups, money, Yes/No); null for the others,
        /// whose column is then not even looked up. Dates and numbers are not formatted here (not modelled).
        /// </summary>
        private string FormatValue(TableDefinition table, string key, object value, ref LastName last)
        {
            switch (value)
            {
                case OptionSetValue option:
                    return table.Column(key) is ColumnDefinition choice ? Label(choice, option.Value) : null;
                case OptionSetValueCollection options:
                    return table.Column(key) is ColumnDefinition choices ? Labels(choices, options) : null;
                case EntityReference reference:
                    if (table.Column(key) == null) return null;
                    if (!last.Answers(reference))
                        last = new LastName
                        {
                            Known = true, Table = reference.LogicalName, Id = reference.Id, GivenName = reference.Name, Name = PrimaryName(reference),
                        };
                    reference.Name = last.Name;
                    return reference.Name;
                case Money money:
                    if (!(table.Column(key) is ColumnDefinition amount)) return null;
                    int precision = amount.Precision ?? 2;
                    return money.Value.ToString(precision >= 0 && precision < MoneyFormats.Length ? MoneyFormats[precision] : "N" + precision,
                        CultureInfo.InvariantCulture);
                case bool flag:
                    return table.Column(key) == null ? null : flag ? "Yes" : "No";
                default:
                    return null;
            }
        }

        private static readonly string[] MoneyFormats = { "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N10" };

        // Its own method: a lambda in FormatValue would allocate its closure on every call, whatever the value's kind.
        private static string Labels(ColumnDefinition column, OptionSetValueCollection options) =>
            string.Join("; ", options.Select(o => Label(column, o.Value)));

        private static string Label(ColumnDefinition column, int value) =>
            column.OptionSet?.Find(value)?.Label ?? value.ToString(CultureInfo.InvariantCulture);

        public string PrimaryName(EntityReference reference) => _names.Of(reference);
    }
}
