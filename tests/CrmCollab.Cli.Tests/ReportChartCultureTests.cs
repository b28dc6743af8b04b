using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CrmCollab.Cli.Html;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The report's charts write their numbers as its tables do (invariant culture), whatever the machine's locale.</summary>
    public class ReportChartCultureTests
    {
        [Theory]
        [InlineData("de-DE")]
        [InlineData("fr-FR")]
        public void An_admin_running_the_report_on_a_german_or_french_machine_reads_the_charts_numbers_as_the_tables_write_them(string culture)
        {
            CultureInfo before = CultureInfo.CurrentCulture, beforeUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                string bars = Chart.Bars("Value held by function", "value held", new[] { "Finance", "Logistics" }, new[] { 2500.0, 1200.5 });
                string lines = Chart.Lines("Turnaround", "week of the run", "hours", new[] { 1.0, 2.0, 3.0, 4.0 },
                    new[] { ("median", (System.Collections.Generic.IReadOnlyList<double?>)new double?[] { 0.5, 1.5, 2.5, 1.0 }) });

                var texts = Regex.Matches(bars + lines, @"<text[^>]*>\s*([^<]*?)\s*</text>").Select(m => m.Groups[1].Value).ToList();
                Assert.Contains("1,000", texts); // a tick of the value axis, grouped as the tables' figures ("#,0")
                Assert.Contains("0.5", texts);
                Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"^\d+([.\u00a0\u202f ]\d{3})+$") || Regex.IsMatch(t, @"^\d+,\d{1,2}$"));
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                CultureInfo.CurrentUICulture = beforeUi;
            }
        }
    }
}
