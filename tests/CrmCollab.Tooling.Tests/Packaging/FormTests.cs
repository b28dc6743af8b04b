using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>
    /// What users get from the forms once the solution is imported: the quick-create forms an ADV, logistics or SAV
    /// user raises a signal with (and an administrator adds a dedicated owner or a salesperson an amendment with) are
    /// shown only on a table with Allow Quick Create on; and every table we create has a fallback main form.
    /// </summary>
    public class FormTests
    {
        private static readonly string[] QuickCreateTables = { "crmc_FieldSignal", "crmc_DedicatedOwner", "crmc_Amendment" };

        private static ValidationReport Broken(System.Action<string> breakIt)
        {
            var copy = PackagingFixture.Copy();
            try
            {
                breakIt(copy);
                return SolutionValidator.ValidateFolder(copy, PackagingFixture.Context());
            }
            finally
            {
                PackagingFixture.Delete(copy);
            }
        }

        private static XElement EntityInfo(XDocument entity) => entity.Root.Element("EntityInfo").Element("entity");

        [Fact]
        public void A_signal_raised_with_new_from_a_lookup_opens_the_quick_create_form_of_a_table_that_allows_it()
        {
            var folder = SolutionFolder.Read(PackagingFixture.Solution);
            foreach (var table in QuickCreateTables)
            {
                var entity = folder.Entities.Single(e => e.Folder == table);
                Assert.Contains(entity.Forms, f => f.Type == "quickCreate");
                Assert.Equal("1", entity.Entity.Root.Element("EntityInfo").Element("entity").Element("IsQuickCreateEnabled")?.Value);
            }
            Assert.Empty(FormCheck.Check(folder));
        }

        [Fact]
        public void A_quick_create_form_on_a_table_without_allow_quick_create_is_refused_before_it_ships_unused()
        {
            var report = Broken(copy => PackagingFixture.Edit(Path.Combine(copy, "Entities", "crmc_FieldSignal", "Entity.xml"),
                d => EntityInfo(d).Element("IsQuickCreateEnabled").Value = "0"));
            Assert.Contains(report.Errors, e => e.Contains("Quick Create Field Signal") && e.Contains("IsQuickCreateEnabled to 1"));
        }

        [Fact]
        public void A_table_we_create_always_has_a_form_for_a_user_whose_role_has_none_assigned()
        {
            var report = Broken(copy =>
            {
                var main = Directory.GetFiles(Path.Combine(copy, "Entities", "crmc_RoutingRule", "FormXml", "main"), "*.xml").Single();
                PackagingFixture.Edit(main, d => d.Descendants("DisplayConditions").Remove());
            });
            Assert.Contains(report.Errors, e => e.Contains("crmc_RoutingRule") && e.Contains("fallback form"));
        }
    }
}
