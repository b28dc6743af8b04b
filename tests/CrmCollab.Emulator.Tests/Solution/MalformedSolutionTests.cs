using System;
using System.IO;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>Breaks one file of a copy of the fixture; the error must name that file and the problem.</summary>
    public class MalformedSolutionTests
    {
        private const string UpdateStep = "SdkMessageProcessingSteps/{6a4c1f0e-2b7d-4e61-9a3f-1c2d3e4f5a61}.xml";
        private const string Widget = "Entities/crmc_Widget/Entity.xml";

        private static SolutionLoadException Broken(string file, Func<string, string> edit)
        {
            var folder = SolutionFixture.Copy();
            try
            {
                var path = Path.Combine(folder, file);
                File.WriteAllText(path, edit(File.ReadAllText(path)));
                return Assert.Throws<SolutionLoadException>(() => SolutionLoader.Load(folder));
            }
            finally { SolutionFixture.Delete(folder); }
        }

        [Fact]
        public void Not_well_formed_xml()
        {
            var e = Broken(Widget, x => x.Replace("</attributes>", "</attribute>"));
            Assert.Equal(Widget, e.File);
            Assert.StartsWith(Widget + ": not well-formed XML", e.Message);
        }

        [Fact]
        public void Unknown_attribute_type()
        {
            var e = Broken(Widget, x => x.Replace("<Type>money</Type>", "<Type>currency</Type>"));
            Assert.Contains(Widget, e.Message);
            Assert.Contains("unknown Type 'currency'", e.Message);
        }

        [Fact]
        public void Unknown_message_id()
        {
            var e = Broken(UpdateStep, x => x.Replace("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "00000000-0000-0000-0000-000000000001")
                                             .Replace(": Update of crmc_widget", ""));
            Assert.Contains(UpdateStep, e.Message);
            Assert.Contains("unknown SdkMessageId", e.Message);
        }

        [Fact]
        public void Filtering_attribute_not_on_table()
        {
            var e = Broken(UpdateStep, x => x.Replace("crmc_quantity,crmc_amount</Filtering", "crmc_quantty,crmc_amount</Filtering"));
            Assert.Contains(UpdateStep, e.Message);
            Assert.Contains("'crmc_quantty'", e.Message);
        }

        [Fact]
        public void Bad_stage()
        {
            var e = Broken(UpdateStep, x => x.Replace("<Stage>20</Stage>", "<Stage>30</Stage>"));
            Assert.Contains(UpdateStep, e.Message);
            Assert.Contains("Stage 30", e.Message);
        }

        [Fact]
        public void Unknown_privilege_level()
        {
            const string role = "Roles/CrmCollab Sales Rep.xml";
            var e = Broken(role, x => x.Replace("level=\"Deep\"", "level=\"Division\""));
            Assert.Contains(role, e.Message);
            Assert.Contains("'Division'", e.Message);
        }

        [Fact]
        public void Missing_global_option_set()
        {
            const string account = "Entities/Account/Entity.xml";
            var e = Broken(account, x => x.Replace("<OptionSetName>crmc_region</OptionSetName>", "<OptionSetName>crmc_regoin</OptionSetName>"));
            Assert.Contains(account, e.Message);
            Assert.Contains("crmc_regoin", e.Message);
        }

        [Fact]
        public void Relationship_index_names_an_undefined_relationship()
        {
            const string index = "Other/Relationships.xml";
            var e = Broken(index, x => x.Replace("crmc_account_crmc_widget\" />", "crmc_account_crmc_gadget\" />"));
            Assert.Contains(index, e.Message);
            Assert.Contains("crmc_account_crmc_gadget", e.Message);
        }

        [Fact]
        public void Unknown_environment_variable_type()
        {
            const string env = "environmentvariabledefinitions/crmc_ApiBaseUrl/environmentvariabledefinition.xml";
            var e = Broken(env, x => x.Replace("100000000", "42"));
            Assert.Contains(env, e.Message);
            Assert.Contains("unknown type 42", e.Message);
        }

        [Fact]
        public void Missing_manifest()
        {
            var folder = SolutionFixture.Copy();
            try
            {
                File.Delete(Path.Combine(folder, "Other/Solution.xml"));
                var e = Assert.Throws<SolutionLoadException>(() => SolutionLoader.Load(folder));
                Assert.Equal("Other/Solution.xml: required file is missing", e.Message);
            }
            finally { SolutionFixture.Delete(folder); }
        }
    }
}
