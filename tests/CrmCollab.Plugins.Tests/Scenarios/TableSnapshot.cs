using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Every row of the tables a refused action could touch, read as SYSTEM with all columns: taken before and after
    /// the attempt, two snapshots must be equal for "nothing was written".
    /// </summary>
    public sealed class TableSnapshot
    {
        public static readonly string[] DealTables =
        {
            "opportunity", "crmc_feasibilityreview", "task", "opportunityclose", "opportunityproduct", "crmc_amendment",
            "annotation", "opportunitysalesprocess",
        };

        private readonly IReadOnlyList<string> _tables;
        private readonly string _text;

        private TableSnapshot(IReadOnlyList<string> tables, string text)
        {
            _tables = tables;
            _text = text;
        }

        public static TableSnapshot Take(IOrganizationService system, params string[] tables)
        {
            string[] which = tables.Length == 0 ? DealTables : tables;
            return new TableSnapshot(which, Text(system, which));
        }

        /// <summary>Asserts that no row of any snapshotted table was created, changed or deleted since this snapshot.</summary>
        public void AssertUnchanged(IOrganizationService system) => Assert.Equal(_text, Text(system, _tables.ToArray()));

        /// <summary>Every row of the tables, every column, in a stable text.</summary>
        public static string Text(IOrganizationService system, params string[] tables)
        {
            var text = new StringBuilder();
            foreach (string table in tables)
            {
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
                foreach (Entity row in system.RetrieveMultiple(query).Entities.OrderBy(r => r.Id))
                {
                    text.Append(table).Append(' ').Append(row.Id).Append(':');
                    foreach (var pair in row.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
                        text.Append(' ').Append(pair.Key).Append('=').Append(Plain(pair.Value));
                    text.AppendLine();
                }
            }
            return text.ToString();
        }

        /// <summary>One row, every column, in the same stable text: equal before and after = the row was not touched.</summary>
        public static string RowText(IOrganizationService system, string table, Guid id)
        {
            Entity row = system.Retrieve(table, id, new ColumnSet(true));
            return string.Join(" ", row.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Plain(p.Value)));
        }

        private static string Plain(object value)
        {
            switch (value)
            {
                case null: return "null";
                case EntityReference reference: return reference.LogicalName + "/" + reference.Id;
                case OptionSetValue option: return option.Value.ToString(CultureInfo.InvariantCulture);
                case Money money: return money.Value.ToString(CultureInfo.InvariantCulture);
                case DateTime date: return date.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
