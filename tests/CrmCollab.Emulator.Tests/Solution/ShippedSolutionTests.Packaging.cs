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
    /// <summary>The shipped solution: roles, views, the manifest and the schema (split from the data-model checks).</summary>
    public partial class ShippedSolutionTests
    {
        [Fact]
        public void Role_privileges_match_what_each_job_needs()
        {
            var sales = Role("CrmCollab Salesperson");
            Assert.Equal(PrivilegeDepth.Local, Depth(sales, "opportunity", AccessRight.Read));
            Assert.Equal(PrivilegeDepth.Basic, Depth(sales, "opportunity", AccessRight.Write));
            Assert.Equal(PrivilegeDepth.Local, Depth(sales, "account", AccessRight.Read));
            Assert.Equal(PrivilegeDepth.Basic, Depth(sales, "crmc_amendment", AccessRight.Create));
            Assert.Equal(PrivilegeDepth.Basic, Depth(sales, "crmc_fieldsignal", AccessRight.Create));
            Assert.Equal(PrivilegeDepth.Global, Depth(sales, "crmc_feasibilityreview", AccessRight.Read));
            Assert.Equal(PrivilegeDepth.None, Depth(sales, "crmc_feasibilityreview", AccessRight.Write));
            Assert.Equal(PrivilegeDepth.Global, Depth(sales, "task", AccessRight.Read));
            Assert.Equal(PrivilegeDepth.Global, Depth(sales, "crmc_dedicatedowner", AccessRight.Read));

            foreach (var name in new[] { "CrmCollab ADV", "CrmCollab Logistics", "CrmCollab SAV" })
            {
                var ops = Role(name);
                Assert.Equal(PrivilegeDepth.Global, Depth(ops, "account", AccessRight.Read));
                Assert.Equal(PrivilegeDepth.Global, Depth(ops, "opportunity", AccessRight.Read));
                Assert.Equal(PrivilegeDepth.None, Depth(ops, "opportunity", AccessRight.Write));
                Assert.Equal(PrivilegeDepth.Basic, Depth(ops, "task", AccessRight.Write));
                Assert.Equal(PrivilegeDepth.Basic, Depth(ops, "crmc_fieldsignal", AccessRight.Create));
                Assert.Equal(PrivilegeDepth.Global, Depth(ops, "account", AccessRight.AppendTo)); // signals attach to any account
                Assert.Equal(PrivilegeDepth.Global, Depth(ops, "crmc_dedicatedowner", AccessRight.Read));
            }

            var reviewer = Role("CrmCollab Reviewer");
            Assert.Equal(PrivilegeDepth.Global, Depth(reviewer, "opportunity", AccessRight.Read));
            Assert.Equal(PrivilegeDepth.None, Depth(reviewer, "opportunity", AccessRight.Write));
            Assert.Equal(PrivilegeDepth.Basic, Depth(reviewer, "crmc_feasibilityreview", AccessRight.Write));
            Assert.Equal(PrivilegeDepth.None, Depth(reviewer, "crmc_feasibilityreview", AccessRight.Create));

            foreach (var role in Def.Roles)
            {
                Assert.Equal(PrivilegeDepth.Global, Depth(role, "systemuser", AccessRight.Read));
                Assert.Equal(PrivilegeDepth.Global, Depth(role, "team", AccessRight.Read));
                // Organization-owned tables only take organization-wide privileges.
                foreach (var ((table, right), depth) in role.Privileges)
                    if (Def.Catalog.Table(table)?.Ownership == OwnershipType.OrganizationOwned)
                        Assert.True(depth == PrivilegeDepth.Global, $"{role.Name}: {right} {table} is {depth}");
            }
        }

        [Fact]
        public void Views_are_on_the_right_tables_with_the_contract_filters()
        {
            var overdue = View("crmc_FeasibilityReview", "Overdue reviews");
            Assert.Equal("crmc_feasibilityreview", overdue.Entity);
            Assert.Contains(("crmc_decision", "eq", "100000000"), overdue.Conditions);
            Assert.Contains(("crmc_duedate", "olderthan-x-minutes", "1"), overdue.Conditions);
            Assert.Contains(("statecode", "eq", "0"), overdue.Conditions);

            var handoffs = View("Task", "My open handoffs");
            Assert.Equal("task", handoffs.Entity);
            Assert.Contains(("crmc_function", "not-null", null), handoffs.Conditions);
            Assert.Contains(("statecode", "eq", "0"), handoffs.Conditions);
            Assert.Contains(("ownerid", "eq-useroruserteams", null), handoffs.Conditions);

            var signals = View("crmc_FieldSignal", "Unacknowledged signals");
            Assert.Equal("crmc_fieldsignal", signals.Entity);
            Assert.Contains(("crmc_acknowledgedon", "null", null), signals.Conditions);
            Assert.Contains(("ownerid", "eq-useroruserteams", null), signals.Conditions);

            foreach (var view in new[] { overdue, handoffs, signals })
            {
                // The engine's FetchXML reader accepts the view's query (operators, attributes, order).
                var parsed = new CrmCollab.Emulator.Query.FetchXmlParser(Def.Catalog).Parse(view.FetchXml);
                Assert.Equal(view.Entity, parsed.Query.EntityName);
                var table = Table(view.Entity);
                foreach (var column in view.Columns.Concat(view.Conditions.Select(c => c.Attribute)))
                    Assert.True(table.Column(column) != null, $"view '{view.Name}' uses unknown column {view.Entity}.{column}");
            }
        }

        [Fact]
        public void Manifest_lists_a_root_component_for_every_component()
        {
            var roots = XDocument.Load(Path.Combine(Folder, "Other/Solution.xml")).Root
                .Element("SolutionManifest").Element("RootComponents").Elements("RootComponent")
                .Select(r => ((string)r.Attribute("type"), (string)r.Attribute("schemaName") ?? (string)r.Attribute("id"), (string)r.Attribute("behavior")))
                .ToList();

            foreach (var dir in Directory.GetDirectories(Path.Combine(Folder, "Entities")))
            {
                var logical = Path.GetFileName(dir).ToLowerInvariant();
                var behavior = logical.StartsWith("crmc_") ? "0" : "2"; // standard tables: subcomponents only
                Assert.Contains(("1", logical, behavior), roots);
            }
            foreach (var file in Directory.GetFiles(Path.Combine(Folder, "OptionSets"), "*.xml"))
                Assert.Contains(("9", Path.GetFileNameWithoutExtension(file), "0"), roots);
            foreach (var role in Def.Roles)
                Assert.Contains(("20", "{" + role.Id.ToString() + "}", "0"), roots);
            foreach (var v in Def.EnvironmentVariables)
                Assert.Contains(("380", v.SchemaName, "0"), roots);
            foreach (var step in Def.Steps)
                Assert.Contains(("92", "{" + step.Id.ToString() + "}", "0"), roots);
            var assemblies = Directory.GetDirectories(Path.Combine(Folder, "PluginAssemblies"));
            Assert.Equal(assemblies.Length, roots.Count(r => r.Item1 == "91"));
            Assert.Equal(15 /* tables, type 1 */ + 3 /* global choices, type 9 */ + 6 + 3 + 6 /* web resources, type 61 */ + assemblies.Length + Def.Steps.Count
                + 6 /* views of task and account, type 26 */ + 2 /* charts on task, 59 */ + 5 /* forms of opportunity, account and task + dashboard, 60 */
                + 1 /* site map, 62 */ + 1 /* app, 80 */, roots.Count);
        }

        [Fact]
        public void Solution_assembles_into_schema_valid_customizations()
        {
            // The packer's own assembly (Tooling), validated against the XSDs kept in the repository (schemas/).
            var doc = CrmCollab.Tooling.Packaging.CustomizationsWriter.Assemble(CrmCollab.Tooling.Packaging.SolutionFolder.Read(Folder));
            Assert.Equal(15, doc.Root.Element("Entities").Elements("Entity").Count()); // 7 custom tables; account, opportunity, task, queue item, lead, contact, competitor, user
            Assert.Equal(53, doc.Root.Descendants("savedquery").Count()); // six standard views per custom table + working views
            var errors = CrmCollab.Tooling.Packaging.SchemaCheck.Validate(doc, Path.Combine(RepoRoot, "schemas"));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        // ------------------------------------------------------------------ helpers

        private static RelationshipDefinition Rel(string name) =>
            Def.Catalog.Relationship(name) ?? throw new Xunit.Sdk.XunitException($"relationship '{name}' is missing");

        private static XElement RelationshipElement(string name) =>
            Directory.GetFiles(Path.Combine(Folder, "Other/Relationships"), "*.xml")
                .SelectMany(f => XDocument.Load(f).Root.Elements("EntityRelationship"))
                .Single(e => (string)e.Attribute("Name") == name);

        private static RoleDefinition Role(string name) =>
            Def.Roles.SingleOrDefault(r => r.Name == name) ?? throw new Xunit.Sdk.XunitException($"role '{name}' is missing");

        private static PrivilegeDepth Depth(RoleDefinition role, string table, AccessRight right) =>
            role.Privileges.TryGetValue((table, right), out var depth) ? depth : PrivilegeDepth.None;

        private static void AssertOptions(OptionSetDefinition set, params (int Value, string Label)[] expected) =>
            Assert.Equal(expected.ToList(), set.Options.Select(o => (o.Value, o.Label)).ToList());

        private static string AppDefault(string entities, string folder, string column) =>
            XDocument.Load(Path.Combine(entities, folder, "Entity.xml")).Descendants("attribute")
                .Single(a => (string)a.Element("LogicalName") == column).Element("AppDefaultValue").Value;

        private sealed class ViewInfo
        {
            public string Name;
            public string Entity;
            public string FetchXml;
            public List<string> Columns;
            public List<(string Attribute, string Operator, string Value)> Conditions;
        }

        private static ViewInfo View(string folder, string name)
        {
            var dir = Path.Combine(Folder, "Entities", folder, "SavedQueries");
            var queries = Directory.GetFiles(dir, "*.xml").Select(f => (File: f, Query: XDocument.Load(f).Root.Element("savedquery"))).ToList();
            var (file, q) = queries.Single(x => x.Query.Element("LocalizedNames").Elements("LocalizedName")
                .Any(l => (string)l.Attribute("description") == name));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), q.Element("savedqueryid").Value); // file named by its id
            Assert.Equal("0", q.Element("querytype").Value); // a public view
            var entity = q.Element("fetchxml").Element("fetch").Element("entity");
            return new ViewInfo
            {
                Name = name,
                Entity = (string)entity.Attribute("name"),
                FetchXml = entity.Parent.ToString(),
                Columns = q.Element("layoutxml").Descendants("cell").Select(c => (string)c.Attribute("name")).ToList(),
                Conditions = entity.Descendants("condition")
                    .Select(c => ((string)c.Attribute("attribute"), (string)c.Attribute("operator"), (string)c.Attribute("value")))
                    .ToList(),
            };
        }
    }
}
