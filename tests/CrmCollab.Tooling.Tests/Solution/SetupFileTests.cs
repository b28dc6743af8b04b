using System;
using System.IO;
using System.Linq;
using System.Text;
using CrmCollab.Tooling.Setup;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>
    /// The setup files an administrator edits (setup/handoff-templates.json, setup/feasibility-rules.json, pac.config):
    /// whatever is wrong with them is one sentence naming the file, the place and what to do, never a type name, a crash
    /// or a package that Dataverse would refuse on import.
    /// </summary>
    public sealed class SetupFileTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("crmc-setup-").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Theory]
        [InlineData("", "is empty")]
        [InlineData("null", "holds only null")]
        [InlineData("[]", "must be an object in braces")]
        [InlineData("{ \"templates\": { \"function\": \"ADV\", \"subject\": \"Send the contract\" } }", "templates must be a list in square brackets")]
        [InlineData("{ \"templates\": [ null ] }", "templates[0] is null: remove it or fill it in")]
        [InlineData("{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOfsetDays\": 3 } ] }", "templates[0].dueOfsetDays is not a known key")]
        [InlineData("{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": \"three\" } ] }", "templates[0].dueOffsetDays must be a whole number (got \"three\")")]
        [InlineData("{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": null } ] }", "templates[0].dueOffsetDays is null")]
        [InlineData("{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"   \" } ] }", "templates[0] has an empty subject")]
        [InlineData("{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\" }, { \"function\": \"adv\", \"subject\": \"Send the contract\" } ] }",
            "templates[1] repeats the adv template 'Send the contract'")]
        [InlineData("{ \"templates\": [], \"templates\": [] }", "a key appears twice")]
        public void An_admin_whose_templates_file_is_not_what_it_should_be_is_told_what_to_fix_in_one_sentence(string json, string expected)
        {
            string file = Write("handoff-templates.json", json);

            var refused = Assert.Throws<InvalidDataException>(() => HandoffTemplateSetup.Read(file));

            Assert.Contains(expected, refused.Message);
            Assert.StartsWith("The handoff templates file " + file, refused.Message);
            Plain(refused.Message);
        }

        [Fact]
        public void A_templates_file_saved_in_Latin_1_is_refused_instead_of_turning_accents_into_question_marks()
        {
            string file = Path.Combine(_folder, "handoff-templates.json");
            File.WriteAllBytes(file, Encoding.Latin1.GetBytes("{ \"templates\": [ { \"function\": \"SAV\", \"subject\": \"Planifier la mise en service à Lyon\" } ] }"));

            var refused = Assert.Throws<InvalidDataException>(() => HandoffTemplateSetup.Read(file));

            Assert.Contains("is not UTF-8 text: save it as UTF-8", refused.Message);
        }

        [Fact]
        public void A_data_package_is_not_made_from_rules_that_share_a_name_because_both_would_be_one_record_on_import()
        {
            string setup = Setup(rules: Rule("Big deals: finance", 24) + "," + Rule("Big deals: finance", 48));

            var refused = Assert.Throws<InvalidDataException>(() => DataPackage.Pack(setup, PackagingFixture.Solution));

            Assert.Contains("rules[1] repeats the rule name 'Big deals: finance'", refused.Message);
        }

        [Fact]
        public void A_data_package_is_not_made_from_a_rule_whose_review_time_Dataverse_would_refuse()
        {
            string setup = Setup(rules: Rule("Big deals: finance", -3));

            var refused = Assert.Throws<InvalidDataException>(() => DataPackage.Pack(setup, PackagingFixture.Solution));

            Assert.Equal($"The feasibility rules file {Path.Combine(setup, "feasibility-rules.json")} cannot be used: 'Big deals: finance' has SLA (Hours) -3: " +
                         "give a value from 1 to 8760.", refused.Message);
        }

        [Fact]
        public void A_data_package_is_not_made_from_a_template_due_before_the_win()
        {
            string setup = Setup(templates: "{ \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": -5 }");

            var refused = Assert.Throws<InvalidDataException>(() => DataPackage.Pack(setup, PackagingFixture.Solution));

            Assert.Contains("'ADV: Send the contract' has Due After (Days) -5: give a value from 0 to 3650.", refused.Message);
        }

        [Theory]
        [InlineData("{ \"solution\": 1 }", "solution must be an object in braces { } (got 1)")]
        [InlineData("[]", "the file must be an object in braces { } (got a list [ ])")]
        [InlineData("", "is empty")]
        public void A_pac_config_of_the_wrong_shape_is_refused_without_type_names(string json, string expected)
        {
            string file = Write("pac.config", json);

            var refused = Assert.Throws<PacConfigException>(() => PacConfig.Load(file));

            Assert.Contains(expected, refused.Message);
            Plain(refused.Message);
        }

        private static void Plain(string message)
        {
            foreach (string word in new[] { "CrmCollab.", "System.", "Newtonsoft", "Exception", "JObject", "JsonReader", "Int32", "Object reference" })
                Assert.DoesNotContain(word, message);
            Assert.DoesNotContain("\n", message.Trim());
        }

        private string Write(string name, string json)
        {
            string file = Path.Combine(_folder, name);
            File.WriteAllText(file, json);
            return file;
        }

        private string Setup(string rules = null, string templates = null)
        {
            Write("feasibility-rules.json", "{ \"rules\": [ " + (rules ?? Rule("Big deals: finance", 24)) + " ] }");
            Write("handoff-templates.json", "{ \"templates\": [ " + (templates ?? "{ \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": 3 }") + " ] }");
            return _folder;
        }

        private static string Rule(string name, int slaHours) =>
            $"{{ \"name\": \"{name}\", \"function\": \"Finance\", \"minAmount\": 50000, \"triggerStage\": \"Develop\", \"gateStage\": \"Propose\", \"slaHours\": {slaHours} }}";
    }
}
