using System.IO;
using System.Linq;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Setup;
using CrmCollab.Tooling.Tests.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>The reference data package admins import after the solution: its parts, its determinism, and the engine reading it back.</summary>
    public class DataPackageTests
    {
        private static string Setup => Path.Combine(PackagingFixture.RepoRoot, "setup");

        [Fact]
        public void The_package_has_the_parts_the_configuration_migration_tool_reads_and_is_the_same_every_time()
        {
            var zip = DataPackage.Pack(Setup, PackagingFixture.Solution);
            Assert.Equal(zip, DataPackage.Pack(Setup, PackagingFixture.Solution));
            Assert.Equal(new[] { "data.xml", "data_schema.xml", "[Content_Types].xml" }, DeterministicZip.Read(zip).Select(e => e.Key));
            Assert.Empty(ZipCheck.Parts(DeterministicZip.Read(zip)).Where(e => e.Contains("no content type")));
            var schema = XmlFiles.Parse(DeterministicZip.Read(zip).Single(e => e.Key == "data_schema.xml").Value, "data_schema.xml").Root;
            Assert.Equal(new[] { "crmc_feasibilityrule", "crmc_handofftemplate" }, schema.Elements("entity").Select(e => (string)e.Attribute("name")));
            Assert.Equal("optionsetvalue", schema.Descendants("field").Single(f => (string)f.Parent.Parent.Attribute("name") == "crmc_handofftemplate"
                && (string)f.Attribute("name") == "crmc_function").Attribute("type").Value);
        }

        [Fact]
        public void The_engine_imports_the_package_as_the_administrator_and_a_second_import_updates_the_same_rows()
        {
            var org = new AppOrg();
            var rows = DataPackage.Read(DataPackage.Pack(Setup, PackagingFixture.Solution));
            var admin = org.As(org.Admin);

            Assert.Equal((12, 0), DataPackage.Import(admin, rows));
            Assert.Equal((0, 12), DataPackage.Import(admin, rows));

            var templates = admin.RetrieveMultiple(new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet(true) }).Entities;
            Assert.Equal(HandoffTemplateSetup.Read(Path.Combine(Setup, ReferenceData.TemplatesFile)).Select(t => t.Subject).OrderBy(s => s),
                templates.Select(t => t.GetAttributeValue<string>("crmc_subject")).OrderBy(s => s));
            var contract = templates.Single(t => t.GetAttributeValue<string>("crmc_subject") == "Draw up and send the contract");
            Assert.Equal(100000003, contract.GetAttributeValue<OptionSetValue>("crmc_function").Value);
            Assert.Equal(3, contract.GetAttributeValue<int>("crmc_dueoffsetdays"));
            Assert.True(contract.GetAttributeValue<bool>("crmc_isactive"));

            var rule = admin.Retrieve("crmc_feasibilityrule", ReferenceData.StableId("crmc_feasibilityrule:Big discounts: finance"), new ColumnSet(true));
            Assert.Equal(15m, rule.GetAttributeValue<decimal>("crmc_mindiscountpercent"));
            Assert.Equal(2, rule.GetAttributeValue<OptionSetValue>("crmc_gatestage").Value);
            Assert.Null(rule.GetAttributeValue<Money>("crmc_minamount"));
        }

        [Fact]
        public void A_rule_with_an_unknown_stage_is_named()
        {
            var folder = PackagingFixture.TempFolder();
            try
            {
                Directory.CreateDirectory(folder);
                File.Copy(Path.Combine(Setup, ReferenceData.TemplatesFile), Path.Combine(folder, ReferenceData.TemplatesFile));
                File.WriteAllText(Path.Combine(folder, ReferenceData.RulesFile),
                    "{ \"rules\": [ { \"name\": \"Odd\", \"function\": \"Finance\", \"triggerStage\": \"Negotiate\", \"gateStage\": \"Propose\" } ] }");
                var e = Assert.Throws<InvalidDataException>(() => ReferenceData.Read(folder));
                Assert.Contains("rules[0] ('Odd') names stage 'Negotiate': use one of Qualify, Develop, Propose, Close.", e.Message);
            }
            finally
            {
                PackagingFixture.Delete(folder);
            }
        }
    }
}
