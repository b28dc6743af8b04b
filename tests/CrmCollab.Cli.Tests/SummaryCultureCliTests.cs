using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The terminal summary writes its numbers as the report's tables and JSON do, whatever the machine's locale.</summary>
    [Collection("console")]
    public class SummaryCultureCliTests
    {
        [Fact]
        public void An_admin_on_a_french_machine_reads_the_run_line_and_cost_line_with_the_same_decimal_point_as_the_tables()
        {
            string folder = Directory.CreateTempSubdirectory("crmc-cli-culture-").FullName;
            CultureInfo before = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
                var (code, output, _) = CliRunner.Run("simulate", "--deals", "20", "--seed", "3", "--output", Path.Combine(folder, "out"), "--cost-breakdown");

                Assert.Equal(0, code);
                Assert.Matches(new Regex(@"deals from \S+ to \S+ in \d+\.\d s \(playing \d+\.\d s, reporting -?\d+\.\d s\), peak working set [\d,]+ MB\."), output);
                Assert.Matches(new Regex(@"of the play's \d+\.\d s, \d+\.\d KB allocated per deal"), output);
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                Directory.Delete(folder, true);
            }
        }
    }
}
