using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Registration;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Registration
{
    /// <summary>An administrator covers their own business process flow on opportunity before packing.</summary>
    public class ProcessFlowStepsTests
    {
        private static XElement[] StepsOn(string folder, string table) =>
            Directory.GetFiles(Path.Combine(folder, "SdkMessageProcessingSteps"), "*.xml").Select(f => XDocument.Load(f).Root)
                .Where(s => (string)s.Element("PrimaryEntity") == table).ToArray();

        [Fact]
        public void A_lookup_the_plugins_do_not_read_is_refused_and_nothing_is_written()
        {
            string copy = PackagingFixture.Copy();
            try
            {
                int before = StepsOn(copy, "new_customsalesprocess").Length;
                var refused = Assert.Throws<ArgumentException>(() => ProcessFlowSteps.Add(copy, "new_customsalesprocess", "new_dealid"));
                Assert.Contains("bpf_opportunityid", refused.Message);
                Assert.Equal(before, StepsOn(copy, "new_customsalesprocess").Length);
                Assert.NotEmpty(ProcessFlowSteps.Add(copy, "new_customsalesprocess", "BPF_OpportunityId ").Written);
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Theory]
        [InlineData("account")]
        [InlineData("crmc_handofftemplate")]
        public void A_table_the_solution_ships_that_is_no_flow_is_refused_and_nothing_is_written(string table)
        {
            string copy = PackagingFixture.Copy();
            try
            {
                string[] before = Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps"));
                string manifest = File.ReadAllText(Path.Combine(copy, "Other", "Solution.xml"));

                var refused = Assert.Throws<ArgumentException>(() => ProcessFlowSteps.Add(copy, table));

                Assert.StartsWith($"{table} is a table this solution ships, not a business process flow (it has no bpf_opportunityid)", refused.Message);
                Assert.Equal(before, Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps")));
                Assert.Equal(manifest, File.ReadAllText(Path.Combine(copy, "Other", "Solution.xml")));
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Fact]
        public void A_broken_solution_manifest_is_named_and_no_step_is_written_into_the_folder()
        {
            string copy = PackagingFixture.Copy();
            try
            {
                string manifest = Path.Combine(copy, "Other", "Solution.xml");
                File.WriteAllText(manifest, "<ImportExportXml><SolutionManifest>");
                string[] before = Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps"));

                var refused = Assert.Throws<InvalidDataException>(() => ProcessFlowSteps.Add(copy, "new_customsalesprocess"));

                Assert.StartsWith($"{Path.Combine("Other", "Solution.xml")} in {copy} is not well-formed XML (line 1): restore it", refused.Message);
                Assert.Equal(before, Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps")));
                Assert.Equal("<ImportExportXml><SolutionManifest>", File.ReadAllText(manifest));
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Fact]
        public void Adding_a_flow_copies_every_step_of_the_opportunity_sales_process_with_its_own_lookup_and_still_validates()
        {
            string copy = PackagingFixture.Copy();
            try
            {
                var result = ProcessFlowSteps.Add(copy, "new_customsalesprocess");

                XElement[] template = StepsOn(copy, "opportunitysalesprocess"), added = StepsOn(copy, "new_customsalesprocess");
                Assert.Equal(template.Length, added.Length);
                Assert.Equal(added.Length, result.Written.Count);
                Assert.Equal(
                    template.Select(s => (string)s.Attribute("Name")).OrderBy(n => n).Select(n => n.Replace("opportunitysalesprocess", "new_customsalesprocess")),
                    added.Select(s => (string)s.Attribute("Name")).OrderBy(n => n));
                foreach (XElement step in added)
                {
                    string columns = (string)step.Element("FilteringAttributes") + "," +
                        string.Join(",", step.Descendants("Attributes").Select(a => a.Value));
                    Assert.DoesNotContain("opportunityid,", columns.Replace("bpf_opportunityid", "") + ",");
                }
                Assert.Contains(added, s => ((string)s.Element("FilteringAttributes") ?? "").Contains("bpf_opportunityid"));

                XDocument manifest = XDocument.Load(Path.Combine(copy, "Other", "Solution.xml"));
                var roots = manifest.Descendants("RootComponent").Select(r => (string)r.Attribute("id")).ToList();
                Assert.All(added, s => Assert.Contains((string)s.Attribute("SdkMessageProcessingStepId"), roots));
                Assert.Contains("new_customsalesprocess", ProcessFlowSteps.DependencyTables(manifest));

                var report = SolutionValidator.ValidateFolder(copy, PackagingFixture.Context());
                Assert.True(report.Ok, string.Join("\n", report.Errors));

                // Running it again changes nothing.
                var again = ProcessFlowSteps.Add(copy, "new_customsalesprocess");
                Assert.Empty(again.Written);
                Assert.Equal(added.Length, again.Unchanged.Count);
                Assert.Equal(manifest.ToString(), XDocument.Load(Path.Combine(copy, "Other", "Solution.xml")).ToString());
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        [Theory]
        [InlineData("", "is not a table's logical name")]
        [InlineData("New Sales Process", "is not a table's logical name")]
        [InlineData("opportunitysalesprocess", "already ships its steps")]
        public void A_bad_table_name_is_one_sentence_and_writes_nothing(string table, string expected)
        {
            string copy = PackagingFixture.Copy();
            try
            {
                int before = Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps")).Length;
                var error = Assert.Throws<ArgumentException>(() => ProcessFlowSteps.Add(copy, table));
                Assert.Contains(expected, error.Message);
                Assert.Equal(before, Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps")).Length);
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }
    }
}
