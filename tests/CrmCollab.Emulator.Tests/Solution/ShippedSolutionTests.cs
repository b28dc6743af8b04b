using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// The real solution folder (solution/ at the repository root): the data model other code relies on loads
    /// with the engine's loader, and the split files pack into a customizations.xml valid against Microsoft's XSD.
    /// </summary>
    public partial class ShippedSolutionTests
    {
        private static readonly string RepoRoot = SolutionFixture.RepoRoot;

        private static readonly string Folder = Path.Combine(RepoRoot, "solution");

        private static readonly Lazy<SolutionDefinition> Loaded = new Lazy<SolutionDefinition>(() => SolutionLoader.Load(Folder));

        private static SolutionDefinition Def => Loaded.Value;

        private static TableDefinition Table(string name) =>
            Def.Catalog.Table(name) ?? throw new Xunit.Sdk.XunitException($"table '{name}' is missing");

        private static ColumnDefinition Column(string table, string column) =>
            Table(table).Column(column) ?? throw new Xunit.Sdk.XunitException($"column '{table}.{column}' is missing");

        [Fact]
        public void Manifest_is_the_CrmCollab_solution_of_the_crmcollab_publisher()
        {
            Assert.Equal("CrmCollab", Def.UniqueName);
            Assert.Equal("1.0.0.0", Def.Version);
            Assert.Equal("crmc", Def.PublisherPrefix);

            var publisher = XDocument.Load(Path.Combine(Folder, "Other/Solution.xml")).Root
                .Element("SolutionManifest").Element("Publisher");
            Assert.Equal("crmcollab", publisher.Element("UniqueName").Value);
            Assert.Equal("10000", publisher.Element("CustomizationOptionValuePrefix").Value);
        }

        [Fact]
        public void Global_choices_have_the_contract_values()
        {
            AssertOptions(Def.Catalog.GlobalOptionSets["crmc_function"], (100000000, "Operations"), (100000001, "Logistics"),
                (100000002, "Finance"), (100000003, "ADV"), (100000004, "SAV"), (100000005, "Engineering"));
            AssertOptions(Def.Catalog.GlobalOptionSets["crmc_paymentterms"], (100000000, "Net 30"), (100000001, "Net 45"),
                (100000002, "Net 60"), (100000003, "50% upfront"), (100000004, "Cash on delivery"));
            AssertOptions(Def.Catalog.GlobalOptionSets["crmc_routinghold"], (100000000, "Left with a disabled owner (nobody else found)"),
                (100000001, "Moved because its owner was disabled"));
        }

        public static IEnumerable<object[]> Tables() => new[]
        {
            new object[] { "crmc_dedicatedowner", OwnershipType.UserOwned },
            new object[] { "crmc_routingrule", OwnershipType.OrganizationOwned },
            new object[] { "crmc_handofftemplate", OwnershipType.OrganizationOwned },
            new object[] { "crmc_feasibilityrule", OwnershipType.OrganizationOwned },
            new object[] { "crmc_feasibilityreview", OwnershipType.UserOwned },
            new object[] { "crmc_amendment", OwnershipType.UserOwned },
            new object[] { "crmc_fieldsignal", OwnershipType.UserOwned },
        };

        [Theory]
        [MemberData(nameof(Tables))]
        public void Custom_tables_exist_with_their_ownership_and_primary_columns(string name, OwnershipType ownership)
        {
            var table = Table(name);
            Assert.True(table.IsCustom);
            Assert.Equal(ownership, table.Ownership);
            Assert.Equal(name + "id", table.PrimaryIdAttribute);
            Assert.Equal("crmc_name", table.PrimaryNameAttribute);
            Assert.Equal(ColumnType.String, Column(name, "crmc_name").Type);
            Assert.Equal(ColumnType.State, Column(name, "statecode").Type);
            Assert.Equal(ColumnType.Status, Column(name, "statuscode").Type);
            if (ownership == OwnershipType.UserOwned) Assert.Equal(ColumnType.Owner, Column(name, "ownerid").Type);
            else Assert.Null(table.Column("ownerid"));
        }

        [Fact]
        public void Local_choices_have_the_contract_values()
        {
            AssertOptions(Column("opportunity", "crmc_feasibilitystatus").OptionSet,
                (100000000, "Not required"), (100000001, "Pending"), (100000002, "Cleared"), (100000003, "Blocked"));
            AssertOptions(Column("crmc_feasibilityreview", "crmc_decision").OptionSet,
                (100000000, "Pending"), (100000001, "Approved"), (100000002, "Approved with conditions"),
                (100000003, "Rejected"), (100000004, "Invalidated"), (100000005, "Withdrawn"));
            AssertOptions(Column("crmc_amendment", "crmc_state").OptionSet,
                (100000000, "Draft"), (100000001, "Submitted"), (100000002, "Approved"), (100000003, "Rejected"), (100000004, "Applied"));
            AssertOptions(Column("crmc_fieldsignal", "crmc_kind").OptionSet,
                (100000000, "Lead"), (100000001, "Competitor presence"), (100000002, "Churn risk"), (100000003, "Expansion"),
                (100000004, "Complaint"));
            foreach (var stage in new[] { "crmc_triggerstage", "crmc_gatestage" })
                AssertOptions(Column("crmc_feasibilityrule", stage).OptionSet, (0, "Qualify"), (1, "Develop"), (2, "Propose"), (3, "Close"));

            // Industry criteria mirror the account's industrycode values, so rules compare option values directly.
            var industry = Table("account").Column("industrycode").OptionSet.Options.Select(o => (o.Value, o.Label)).ToList();
            foreach (var table in new[] { "crmc_routingrule", "crmc_feasibilityrule" })
                Assert.Equal(industry, Column(table, "crmc_industrycode").OptionSet.Options.Select(o => (o.Value, o.Label)).ToList());
        }

        [Fact]
        public void Defaults_and_ranges_users_rely_on()
        {
            var entities = Path.Combine(Folder, "Entities");
            Assert.Equal("1", AppDefault(entities, "crmc_RoutingRule", "crmc_isactive"));
            Assert.Equal("1", AppDefault(entities, "crmc_HandoffTemplate", "crmc_isactive"));
            Assert.Equal("1", AppDefault(entities, "crmc_FeasibilityRule", "crmc_isactive"));
            Assert.Equal("1", AppDefault(entities, "crmc_FeasibilityRule", "crmc_triggerstage"));
            Assert.Equal("2", AppDefault(entities, "crmc_FeasibilityRule", "crmc_gatestage"));
            Assert.Equal("100000000", AppDefault(entities, "crmc_FeasibilityReview", "crmc_decision"));
            Assert.Equal("100000000", AppDefault(entities, "crmc_Amendment", "crmc_state"));

            var discount = Column("opportunity", "crmc_discountpercent");
            Assert.Equal(0m, discount.MinValue);
            Assert.Equal(100m, discount.MaxValue);
            Assert.Equal(2, discount.Precision);
            Assert.Equal(0m, Column("crmc_handofftemplate", "crmc_dueoffsetdays").MinValue);
            Assert.Equal(200, Column("crmc_handofftemplate", "crmc_subject").MaxLength);
            Assert.Equal(500, Column("crmc_handofftemplate", "crmc_requiredevidence").MaxLength);
            Assert.Equal(100, Column("task", "crmc_handoffkey").MaxLength);
            Assert.Equal(2000, Column("task", "crmc_routingpath").MaxLength);
            Assert.Equal(2000, Column("crmc_feasibilityreview", "crmc_routingpath").MaxLength);
            Assert.Equal(1000, Column("crmc_feasibilityrule", "crmc_relevantcolumns").MaxLength);
            Assert.Equal(4000, Column("opportunity", "crmc_feasibilitysummary").MaxLength);
        }

        [Fact]
        public void Task_has_the_handoff_alternate_key()
        {
            var key = Assert.Single(Table("task").Keys, k => k.LogicalName == "crmc_handoffkey_key");
            Assert.Equal(new[] { "crmc_handoffkey" }, key.Columns);
        }

        [Fact]
        public void Every_custom_lookup_has_its_relationship_with_a_sensible_cascade()
        {
            var lookups = Def.Catalog.Tables.Values
                .SelectMany(t => t.Columns.Values.Where(c => c.IsCustom && c.Type == ColumnType.Lookup).Select(c => (t.LogicalName, c.LogicalName)))
                .ToList();
            Assert.Equal(20, lookups.Count);
            foreach (var (table, column) in lookups)
            {
                var rel = Def.Catalog.Relationships.SingleOrDefault(r => r.ReferencingEntity == table && r.ReferencingAttribute == column);
                Assert.True(rel != null, $"no relationship for lookup {table}.{column}");
                Assert.StartsWith("crmc_", rel.SchemaName);
            }
            Assert.Equal("Cascade", Rel("crmc_opportunity_crmc_feasibilityreview_opportunityid").CascadeDelete);
            Assert.Equal("Cascade", Rel("crmc_opportunity_crmc_amendment_opportunityid").CascadeDelete);
            Assert.Equal("Cascade", Rel("crmc_account_crmc_dedicatedowner_accountid").CascadeDelete);
            Assert.Equal("Cascade", Rel("crmc_account_crmc_fieldsignal_accountid").CascadeDelete);
            Assert.Equal("RemoveLink", Rel("crmc_opportunity_task_opportunityid").CascadeDelete);
            Assert.Equal("RemoveLink", Rel("crmc_handofftemplate_task_handofftemplateid").CascadeDelete);
            Assert.Equal("RemoveLink", Rel("crmc_feasibilityreview_crmc_feasibilityreview_supersededby").CascadeDelete);

            // Reviews stay with the routed reviewer when the deal changes hands: no cascading assign.
            var reviewRel = RelationshipElement("crmc_opportunity_crmc_feasibilityreview_opportunityid");
            Assert.Equal("NoCascade", reviewRel.Element("CascadeAssign").Value);
            var amendmentRel = RelationshipElement("crmc_opportunity_crmc_amendment_opportunityid");
            Assert.Equal("Cascade", amendmentRel.Element("CascadeAssign").Value);
        }

        [Fact]
        public void Environment_variables_have_their_types_and_defaults()
        {
            var vars = Def.EnvironmentVariables.ToDictionary(v => v.SchemaName);
            Assert.Equal(3, vars.Count);
            Assert.Equal("String", vars["crmc_UnroutedQueue"].Type);
            Assert.Equal("CrmCollab Unrouted", vars["crmc_UnroutedQueue"].DefaultValue);
            Assert.Equal("String", vars["crmc_LockedTermsColumns"].Type);
            Assert.True(string.IsNullOrEmpty(vars["crmc_LockedTermsColumns"].DefaultValue));
            Assert.Equal("JSON", vars["crmc_StageRequirements"].Type);
            Assert.Equal("{\"1\":[\"customerneed\"],\"2\":[\"customerneed\",\"decisionmaker\",\"estimatedclosedate\",\"budgetamount\"]}",
                vars["crmc_StageRequirements"].DefaultValue);
            using var json = System.Text.Json.JsonDocument.Parse(vars["crmc_StageRequirements"].DefaultValue);
            Assert.Equal(4, json.RootElement.GetProperty("2").GetArrayLength());
            foreach (var v in vars.Values)
            {
                Assert.False(string.IsNullOrEmpty(v.DisplayName));
                Assert.False(string.IsNullOrEmpty(v.Description));
            }
        }

        private static readonly string[] RuleTables = { "crmc_dedicatedowner", "crmc_routingrule", "crmc_handofftemplate", "crmc_feasibilityrule" };
        private static readonly AccessRight[] Changes = { AccessRight.Create, AccessRight.Write, AccessRight.Delete };

        [Fact]
        public void Roles_exist_and_only_the_administrator_changes_owners_rules_and_templates()
        {
            var names = Def.Roles.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "CrmCollab ADV", "CrmCollab Administrator", "CrmCollab Logistics", "CrmCollab Reviewer",
                "CrmCollab SAV", "CrmCollab Salesperson" }, names);

            var admin = Role("CrmCollab Administrator");
            foreach (var table in Def.Catalog.Tables.Values.Where(t => t.IsCustom && t.LogicalName.StartsWith("crmc_")))
                foreach (var right in new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Delete, AccessRight.Append, AccessRight.AppendTo })
                    Assert.Equal(PrivilegeDepth.Global, Depth(admin, table.LogicalName, right));

            foreach (var role in Def.Roles.Where(r => r.Name != "CrmCollab Administrator"))
            {
                foreach (var table in RuleTables)
                    foreach (var right in Changes)
                        Assert.True(Depth(role, table, right) == PrivilegeDepth.None, $"{role.Name} may {right} {table}");
                // Feasibility rules are changed by administrators only. Every other role reads them and nothing more: the
                // Get Feasibility Status step runs as its user (no SYSTEM service in a workflow activity) and gives the gate's answer.
                Assert.Equal(new[] { AccessRight.Read }, role.Privileges.Keys.Where(k => k.Table == "crmc_feasibilityrule").Select(k => k.Right).ToArray());
            }
        }
    }
}
