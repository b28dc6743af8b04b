using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmCollab.Tooling.Packaging;
using System.ServiceModel;
using CrmCollab.Tooling.Tests.Packaging;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
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

        private static Guid? RoleId(string role) => PackagingNames.ParseGuid((string)Folder.Roles
            .Single(x => (string)x.Root.Attribute("name") == "CrmCollab " + role).Root.Attribute("id"));

        /// <summary>The roles a main form is shown to (its display conditions).</summary>
        private static HashSet<Guid?> FormRoles(string table) => MainForm(table).Descendants("DisplayConditions").Single().Elements("Role")
            .Select(r => PackagingNames.ParseGuid((string)r.Attribute("Id"))).ToHashSet();

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

            // CrmCollab's deal and account forms are every CrmCollab role's: no role is left on the environment's fallback form.
            var shownTo = Roles.Select(RoleId).ToHashSet();
            foreach (var table in new[] { "Opportunity", "Account" })
                Assert.Equal(shownTo, FormRoles(table));
            Assert.DoesNotContain("fallback form", section, StringComparison.OrdinalIgnoreCase);

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

        [Fact]
        public void An_ADV_user_opening_a_won_deal_and_its_account_gets_CrmCollabs_forms_read_only()
        {
            // The app opens, of a table's main forms, one given to the user's roles; a user whose roles have none gets the
            // table's fallback form (powerapps-docs maker/model-driven-apps/control-access-forms.md). ADV has CrmCollab's own,
            // with its script and the Collaboration tab on the deal, and the dedicated owners' list on the account.
            foreach (var table in new[] { "Opportunity", "Account" })
            {
                Assert.Contains(RoleId("ADV"), FormRoles(table));
                Assert.Contains(MainForm(table).Descendants("Handler"), h => (string)h.Attribute("functionName") == $"CrmCollab.{table}.onLoad");
            }
            Assert.Contains(MainForm("Opportunity").Descendants("Url"), u => u.Value == "crmc_/panel/collaboration.html");

            // Read-only: ADV reads deals and accounts and holds no Write on either (Write is "required to make changes to a
            // record", power-platform admin/security/security-role-editor.md), so nothing it changes on them can be saved.
            var org = new AppOrg();
            var account = org.Account();
            var deal = org.SmallDeal(account);
            org.As(org.Rep).Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
            org.Engine.DrainAsync();
            var adv = org.As(org.Adv);
            var opened = adv.Retrieve("opportunity", deal, new ColumnSet("name", "statecode", "crmc_feasibilitystatus", "crmc_feasibilitydetail", "crmc_wonon"));
            Assert.Equal(1, opened.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("Acme Packaging", adv.Retrieve("account", account, new ColumnSet("name")).GetAttributeValue<string>("name"));
            foreach (var save in new Entity[] { new Entity("opportunity", deal) { ["name"] = "Spare parts, ADV notes" }, new Entity("account", account) { ["name"] = "Acme (ADV)" } })
            {
                var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => adv.Update(save));
                Assert.Contains($"prvWrite{(save.LogicalName == "account" ? "Account" : "Opportunity")}", refused.Message);
            }

            // What the forms' scripts then read (webresources/src: the dedicated owners with their users, the deal's reviews,
            // its handoff tasks with their templates, the account's open signals) ADV may read: none of it fails for them.
            var owners = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet("crmc_function") };
            owners.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, account);
            owners.AddLink("systemuser", "crmc_userid", "systemuserid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname", "isdisabled");
            var reviews = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("crmc_function", "crmc_decision") };
            reviews.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, deal);
            var handoffs = new QueryExpression("task") { ColumnSet = new ColumnSet("subject", "crmc_function") };
            handoffs.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, deal);
            handoffs.AddLink("crmc_handofftemplate", "crmc_handofftemplateid", "crmc_handofftemplateid", JoinOperator.LeftOuter).Columns = new ColumnSet("crmc_requiredevidence");
            var signals = new QueryExpression("crmc_fieldsignal") { ColumnSet = new ColumnSet("crmc_name") };
            signals.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, account);
            foreach (var query in new[] { owners, reviews, handoffs, signals })
                Assert.NotNull(adv.RetrieveMultiple(query));
            foreach (var privilege in new[] { "prvReadcrmc_DedicatedOwner", "prvReadUser", "prvReadcrmc_FeasibilityReview", "prvReadActivity",
                         "prvReadcrmc_HandoffTemplate", "prvReadcrmc_FieldSignal" })
                Assert.Contains(privilege, Privileges("ADV"));
        }
    }
}
