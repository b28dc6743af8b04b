using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

        private readonly Dictionary<string, List<string>> _rows;

        private TableSnapshot(Dictionary<string, List<string>> rows) => _rows = rows;

        public static TableSnapshot Take(IOrganizationService system, params string[] tables)
        {
            var rows = new Dictionary<string, List<string>>();
            foreach (string table in tables.Length == 0 ? DealTables : tables)
            {
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
                rows[table] = system.RetrieveMultiple(query).Entities.Select(Describe).OrderBy(r => r, StringComparer.Ordinal).ToList();
            }
            return new TableSnapshot(rows);
        }

        /// <summary>Asserts that no row of any snapshotted table was created, changed or deleted since this snapshot.</summary>
        public void AssertUnchanged(IOrganizationService system)
        {
            TableSnapshot now = Take(system, _rows.Keys.ToArray());
            foreach (var pair in _rows)
                Assert.True(pair.Value.SequenceEqual(now._rows[pair.Key]), $"Table {pair.Key} changed: {pair.Value.Count} row(s) before, {now._rows[pair.Key].Count} after.");
        }

        private static string Describe(Entity row) =>
            row.Id + "|" + string.Join("|", row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Text(a.Value)));

        private static string Text(object value)
        {
            switch (value)
            {
                case null: return "";
                case EntityReference r: return r.LogicalName + ":" + r.Id;
                case OptionSetValue o: return o.Value.ToString(CultureInfo.InvariantCulture);
                case Money m: return m.Value.ToString(CultureInfo.InvariantCulture);
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
