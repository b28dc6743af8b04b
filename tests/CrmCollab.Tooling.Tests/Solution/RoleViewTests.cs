using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>README's "Opening a deal or an account, role by role" says what the shipped forms and roles give each role.</summary>
    public class RoleViewTests
    {
        private static readonly SolutionFolder Folder = SolutionFolder.Read(PackagingFixture.Solution);
        private static readonly string[] Roles = { "Salesperson", "Reviewer", "ADV", "Logistics", "SAV", "Administrator" };

        private static string Section()
        {
            var readme = File.ReadAllText(Path.Combine(PackagingFixture.RepoRoot, "README.md"));
            int start = readme.IndexOf("#### Opening a deal or an account, role by role", StringComparison.Ordinal);
            Assert.True(start >= 0, "README has no section saying what each role gets on a deal and an account");
            int end = readme.IndexOf("\n#", start + 5, StringComparison.Ordinal);
            int notes = readme.IndexOf("CrmCollab's notes (", start, StringComparison.Ordinal);
            return readme.Substring(start, new[] { end, notes }.Where(i => i > start).Min() - start);
        }

        private static XElement MainForm(string table) => Folder.Entities.Single(e => e.Folder == table).Forms.Single(f => f.Type == "main").File.Root;

        /// <summary>Label → read-only, for the fields on the form's tabs and header.</summary>
        private static Dictionary<string, bool> Fields(XElement form) => form.Descendants("cell").Where(c => c.Element("control")?.Attribute("datafieldname") != null)
            .GroupBy(c => (string)c.Element("labels").Element("label").Attribute("description"))
            .ToDictionary(g => g.Key, g => g.All(c => (string)c.Element("control").Attribute("disabled") == "true"));

        private static HashSet<string> Privileges(string role) => Folder.Roles.Single(r => (string)r.Root.Attribute("name") == "CrmCollab " + role).Root
            .Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")).ToHashSet();

        [Fact]
        public void A_user_of_each_role_reads_in_plain_words_what_they_get_on_a_deal_and_an_account()
        {
            var section = Section();
            foreach (var role in Roles)
                Assert.Contains(role, section);
            var schemaName = Regex.Match(section, @"`|\b\w+_\w+\b|\b(statecode|statuscode|ownerid|customerid|estimatedvalue|originatingleadid|parentaccountid)\b");
            Assert.False(schemaName.Success, $"the section names a schema column or file: {schemaName.Value}");

            // CrmCollab's deal and account forms are the Salesperson's and the Administrator's; the other roles get the fallback.
            var shownTo = new[] { "Salesperson", "Administrator" }.Select(r => PackagingNames.ParseGuid((string)Folder.Roles
                .Single(x => (string)x.Root.Attribute("name") == "CrmCollab " + r).Root.Attribute("id"))).ToHashSet();
            foreach (var table in new[] { "Opportunity", "Account" })
                Assert.Equal(shownTo, MainForm(table).Descendants("DisplayConditions").Single().Elements("Role")
                    .Select(r => PackagingNames.ParseGuid((string)r.Attribute("Id"))).ToHashSet());

            // What it calls read-only is read-only on the form; what it leaves to the salesperson is editable.
            var deal = Fields(MainForm("Opportunity"));
            foreach (var label in new[] { "Feasibility Status", "Feasibility Summary", "Status" })
                Assert.True(deal[label], $"the deal form shows {label} editable");
            foreach (var label in new[] { "Est. Revenue", "Discount (%)", "Requested Delivery", "Payment Terms", "Potential Customer", "Originating Lead" })
                Assert.False(deal[label], $"the deal form shows {label} read-only");
            var account = Fields(MainForm("Account"));
            Assert.True(account["Last Signal On"]);
            Assert.False(account["Churn Risk"]);

            // Who may change a deal or an account at all: the salesperson alone, their own.
            foreach (var role in Roles)
                foreach (var table in new[] { "Opportunity", "Account" })
                    Assert.Equal(role == "Salesperson", Privileges(role).Contains("prvWrite" + table));
        }
    }
}
