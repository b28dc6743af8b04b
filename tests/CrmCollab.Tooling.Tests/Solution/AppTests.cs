using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>What an admin and a user get after import: forms, views, charts, a dashboard, an app and its site map.</summary>
    public class AppTests
    {
        private static readonly SolutionFolder Folder = SolutionFolder.Read(PackagingFixture.Solution);
        private static readonly string[] CustomTables = { "crmc_Amendment", "crmc_DedicatedOwner", "crmc_FeasibilityReview", "crmc_FeasibilityRule", "crmc_FieldSignal", "crmc_HandoffTemplate", "crmc_RoutingRule" };
        private static readonly string[] UsersCreate = { "crmc_Amendment", "crmc_DedicatedOwner", "crmc_FieldSignal" };

        private static XmlSchemaSet Schema(string file)
        {
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            set.Add(null, Path.Combine(PackagingFixture.Schemas, file));
            set.Compile();
            return set;
        }

        private static List<string> Validate(XElement element, XmlSchemaSet schema)
        {
            var errors = new List<string>();
            new XDocument(new XElement(element)).Validate(schema, (_, e) => errors.Add(e.Message));
            return errors;
        }

        private static IEnumerable<XElement> Views(EntityPart e) => e.Views.SelectMany(v => v.Root.Elements("savedquery"));

        [Fact]
        public void Every_custom_table_has_a_main_form_a_quick_create_form_where_users_create_and_the_six_standard_views()
        {
            var formSchema = Schema("FormXml.xsd");
            var fetchSchema = Schema("Fetch.xsd");
            foreach (var table in CustomTables)
            {
                var part = Folder.Entities.Single(e => e.Folder == table);
                Assert.Single(part.Forms, f => f.Type == "main");
                Assert.Equal(UsersCreate.Contains(table) ? 1 : 0, part.Forms.Count(f => f.Type == "quickCreate"));
                foreach (var (type, file) in part.Forms)
                    Assert.Empty(Validate(file.Root.Element("systemform").Element("form"), formSchema).Select(e => $"{file.Path}: {e}"));

                var views = Views(part).ToList();
                int Count(string querytype, bool? quickFind = null) => views.Count(v => XmlFiles.Text(v, "querytype") == querytype
                    && XmlFiles.Text(v, "isdefault") == "1" && (quickFind == null || XmlFiles.Text(v, "isquickfindquery") == (quickFind.Value ? "1" : "0")));
                Assert.True(Count("0") >= 1, $"{table}: active view");
                Assert.Contains(views, v => v.Descendants("condition").Any(c => (string)c.Attribute("attribute") == "statecode" && (string)c.Attribute("value") == "1"));
                Assert.Equal(1, Count("1"));
                Assert.Equal(1, Count("2"));
                Assert.Equal(1, Count("4", quickFind: true));
                Assert.Equal(1, Count("64"));
                var quickFindView = views.Single(v => XmlFiles.Text(v, "isquickfindquery") == "1");
                Assert.NotEmpty(quickFindView.Descendants("filter").Where(f => (string)f.Attribute("isquickfindfields") == "1").Elements("condition"));
                foreach (var view in views)
                    Assert.Empty(Validate(view.Element("fetchxml").Element("fetch"), fetchSchema).Select(e => $"{table} view {XmlFiles.Text(view, "savedqueryid")}: {e}"));
            }
        }

        [Fact]
        public void Charts_carry_a_valid_data_description_over_the_tables_they_sit_on()
        {
            var schema = Schema("VisualizationDataDescription.xsd");
            var charts = Folder.Entities.SelectMany(e => e.Charts.Select(c => (e, c))).ToList();
            Assert.Equal(5, charts.Count);
            foreach (var (entity, chart) in charts)
            {
                var definition = chart.Root.Element("datadescription").Element("datadefinition");
                Assert.Empty(Validate(definition, schema));
                Assert.Equal(entity.Folder.ToLowerInvariant(), (string)definition.Descendants("entity").Single().Attribute("name"));
            }
        }

        [Fact]
        public void The_app_and_its_site_map_name_only_components_of_the_solution_and_every_entry_opens_a_view_that_exists()
        {
            var app = Folder.AppModules.Single().Root;
            var siteMap = Folder.SiteMaps.Single().Root;
            var tables = Folder.Entities.Select(e => XmlFiles.Text(e.Entity.Root, "Name").ToLowerInvariant()).ToHashSet();
            var forms = Folder.Entities.SelectMany(e => e.Forms.Select(f => XmlFiles.Text(f.File.Root.Element("systemform"), "formid")))
                .Concat(Folder.Dashboards.Select(d => XmlFiles.Text(d.Root, "FormId"))).Select(Id).ToHashSet();
            var views = Folder.Entities.SelectMany(e => Views(e).Select(v => (Table: XmlFiles.Text(e.Entity.Root, "Name").ToLowerInvariant(), Id: Id(XmlFiles.Text(v, "savedqueryid"))))).ToList();
            var charts = Folder.Entities.SelectMany(e => e.Charts.Select(c => Id(XmlFiles.Text(c.Root, "savedqueryvisualizationid")))).ToHashSet();
            var roles = Folder.Roles.Select(r => Id((string)r.Root.Attribute("id"))).ToHashSet();

            Assert.Equal("Sales & Operations Collaboration", (string)app.Element("LocalizedNames").Element("LocalizedName").Attribute("description"));
            foreach (var c in app.Element("AppModuleComponents").Elements())
            {
                var type = (string)c.Attribute("type");
                var key = type == "1" || type == "62" ? (string)c.Attribute("schemaName") : Id((string)c.Attribute("id"));
                Assert.True(type switch
                {
                    "1" => tables.Contains(key), "26" => views.Any(v => v.Id == key), "59" => charts.Contains(key), "60" => forms.Contains(key),
                    "62" => key == XmlFiles.Text(siteMap, "SiteMapUniqueName"), _ => false,
                }, $"app component type {type} '{key}' is not in the solution");
            }
            Assert.Equal(roles, app.Element("AppModuleRoleMaps").Elements("Role").Select(r => Id((string)r.Attribute("id"))).ToHashSet());

            Assert.Equal(new[] { "Sales", "Reviews", "Handoffs", "Administration" },
                siteMap.Element("SiteMap").Elements("Area").Select(a => (string)a.Element("Titles").Element("Title").Attribute("Title")));
            var entries = siteMap.Descendants("SubArea").ToList();
            Assert.Equal(19, entries.Count);
            foreach (var entry in entries)
            {
                var entity = (string)entry.Attribute("Entity");
                Assert.Contains(entity, tables);
                var url = (string)entry.Attribute("Url");
                if (url == null) continue; // the table's default view
                var viewId = Id(Uri.UnescapeDataString(Regex.Match(url, "viewid=([^&]+)").Groups[1].Value));
                Assert.Contains((entity, viewId), views);
                Assert.Contains(viewId, app.Element("AppModuleComponents").Elements().Where(c => (string)c.Attribute("type") == "26").Select(c => Id((string)c.Attribute("id"))));
            }
            foreach (var title in new[] { "My pending reviews", "Overdue reviews", "Open handoffs by function", "Unacknowledged signals", "Churn-risk accounts", "Amendments awaiting approval" })
                Assert.Contains(entries, e => (string)e.Element("Titles").Element("Title").Attribute("Title") == title);
        }

        [Fact]
        public void Our_opportunity_and_account_forms_never_become_everyones_default()
        {
            foreach (var table in new[] { "Opportunity", "Account" })
                foreach (var (type, file) in Folder.Entities.Single(e => e.Folder == table).Forms.Where(f => f.Type == "main"))
                {
                    var conditions = file.Root.Descendants("DisplayConditions").Single();
                    Assert.Empty(conditions.Elements("Everyone"));
                    Assert.NotEqual("0", (string)conditions.Attribute("Order"));
                    Assert.NotEmpty(conditions.Elements("Role"));
                }
        }

        [Fact]
        public void A_planner_sees_since_when_each_open_handoff_waits_and_an_administrator_who_holds_an_unrouted_one()
        {
            var task = Views(Folder.Entities.Single(e => e.Folder == "Task")).ToDictionary(
                v => (string)v.Element("LocalizedNames").Element("LocalizedName").Attribute("description"));
            (List<string> Cells, List<string> Fetched) Columns(string view) => (
                task[view].Descendants("cell").Select(c => (string)c.Attribute("name")).ToList(),
                task[view].Element("fetchxml").Descendants("attribute").Select(a => (string)a.Attribute("name")).ToList());

            // The KPIs time acceptance and completion from the handoff date, not from the task's creation.
            foreach (var view in new[] { "Open handoffs by function", "Open handoffs past due", "Open handoffs on time", "Unrouted handoff queue" })
            {
                Assert.Contains("crmc_handedoffon", Columns(view).Cells);
                Assert.Contains("crmc_handedoffon", Columns(view).Fetched);
            }
            // An unrouted handoff waits with the deal's owner, the unrouted desk or a disabled owner: the list says which.
            foreach (var column in new[] { "ownerid", "crmc_routingpath", "crmc_routinghold" })
            {
                Assert.Contains(column, Columns("Unrouted handoff queue").Cells);
                Assert.Contains(column, Columns("Unrouted handoff queue").Fetched);
            }
        }

        [Fact]
        public void A_logistics_planner_picks_up_a_handoff_waiting_in_the_desks_queue_from_the_apps_Queues_page()
        {
            // A routing rule or the Unrouted Handoffs Queue setting may send a handoff to a queue: its queue item is what the
            // planner picks (queue items take the queue's rights), and the app shows only the tables it names.
            var app = Folder.AppModules.Single().Root.Element("AppModuleComponents");
            Assert.Contains(app.Elements(), c => (string)c.Attribute("type") == "1" && (string)c.Attribute("schemaName") == "queueitem");
            var handoffs = Folder.SiteMaps.Single().Root.Descendants("Area").Single(a => (string)a.Attribute("Id") == "area_handoffs");
            Assert.Contains(handoffs.Descendants("SubArea"), s => (string)s.Attribute("Entity") == "queueitem"
                && (string)s.Element("Titles").Element("Title").Attribute("Title") == "Queues");
        }

        [Fact]
        public void A_rep_opens_the_lead_a_signal_created_the_competitor_it_names_and_a_deals_contact_from_the_Sales_area()
        {
            // A field signal names a lead and a competitor; a deal shows its Originating Lead and its Potential Customer (an
            // account or a contact). The app shows only the tables it names, so it names these three, as Microsoft's tables:
            // the solution carries them as shells (no form or view of ours), and the app picks none of their forms or views, so
            // their system ones open.
            var app = Folder.AppModules.Single().Root.Element("AppModuleComponents");
            var sales = Folder.SiteMaps.Single().Root.Descendants("Area").Single(a => (string)a.Attribute("Id") == "area_sales");
            foreach (var (table, title) in new[] { ("lead", "Leads"), ("contact", "Contacts"), ("competitor", "Competitors") })
            {
                Assert.Contains(app.Elements(), c => (string)c.Attribute("type") == "1" && (string)c.Attribute("schemaName") == table);
                var part = Folder.Entities.Single(e => XmlFiles.Text(e.Entity.Root, "Name").ToLowerInvariant() == table);
                Assert.Empty(part.Forms);
                Assert.Empty(part.Views);
                var entry = sales.Descendants("SubArea").Single(s => (string)s.Attribute("Entity") == table);
                Assert.Equal(title, (string)entry.Element("Titles").Element("Title").Attribute("Title"));
                Assert.Null(entry.Attribute("Url")); // the table's default view
                // Shown to whoever can read the table (SiteMap <Privilege>), hidden from a role that cannot.
                Assert.Equal("Read", (string)entry.Element("Privilege")?.Attribute("Privilege"));
                Assert.Equal(table, (string)entry.Element("Privilege").Attribute("Entity"));
            }

            // Who reads them, and why (RoleJobs): leads are the salesperson's to work (a signal's lead is created as the
            // account salesperson's) and the administrator's to link; contacts are every role's (a deal's customer may be a
            // contact); competitors are named in signals (ADV, logistics, SAV), on deals and signals (salesperson) and in
            // rules (administrator). A reviewer decides on a deal's terms and reads neither leads nor competitors.
            var reads = Folder.Roles.ToDictionary(r => ((string)r.Root.Attribute("name")).Replace("CrmCollab ", ""),
                r => r.Root.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")).Where(n => n.StartsWith("prvRead", StringComparison.Ordinal)).ToHashSet());
            var expected = new Dictionary<string, string[]>
            {
                ["Salesperson"] = new[] { "Lead", "Contact", "Competitor" }, ["Administrator"] = new[] { "Lead", "Contact", "Competitor" },
                ["ADV"] = new[] { "Contact", "Competitor" }, ["Logistics"] = new[] { "Contact", "Competitor" }, ["SAV"] = new[] { "Contact", "Competitor" },
                ["Reviewer"] = new[] { "Contact" },
            };
            Assert.Equal(expected.Keys.OrderBy(k => k), reads.Keys.OrderBy(k => k));
            foreach (var (role, tables) in expected)
                Assert.Equal(tables.OrderBy(t => t), new[] { "Lead", "Contact", "Competitor" }.Where(t => reads[role].Contains("prvRead" + t)).OrderBy(t => t));
        }

        private static string Id(string text) => PackagingNames.ParseGuid(text)?.ToString("D");
    }
}
