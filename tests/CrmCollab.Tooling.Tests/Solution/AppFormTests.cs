using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Terms;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>
    /// What a user can do on the forms the app opens: what a refusal tells them to fill in is on the form, editable, and
    /// what the server owns is shown read-only.
    /// </summary>
    public class AppFormTests
    {
        private static readonly SolutionFolder Folder = SolutionFolder.Read(PackagingFixture.Solution);
        private static readonly Lazy<Emulator.Metadata.SolutionDefinition> Loaded =
            new Lazy<Emulator.Metadata.SolutionDefinition>(() => SolutionLoader.Load(PackagingFixture.Solution));

        /// <summary>The main form of a table that the app opens (listed among its forms).</summary>
        private static XElement AppMainForm(string table)
        {
            var appForms = Folder.AppModules.Single().Root.Element("AppModuleComponents").Elements()
                .Where(c => (string)c.Attribute("type") == "60").Select(c => PackagingNames.ParseGuid((string)c.Attribute("id"))).ToHashSet();
            var forms = Folder.Entities.Single(e => e.Folder == table).Forms.Where(f => f.Type == "main")
                .Select(f => f.File.Root.Element("systemform"))
                .Where(f => appForms.Contains(PackagingNames.ParseGuid(XmlFiles.Text(f, "formid")))).ToList();
            Assert.True(forms.Count == 1, $"the app opens {forms.Count} main forms of {table}, not one");
            return forms[0];
        }

        /// <summary>Each column on the form and whether it is read-only there.</summary>
        private static Dictionary<string, bool> Controls(XElement form, string table)
        {
            var columns = new Dictionary<string, bool>();
            foreach (var control in form.Element("form").Element("tabs").Descendants("control"))
            {
                var field = (string)control.Attribute("datafieldname");
                if (field == null) continue;
                Assert.True(Loaded.Value.Catalog.Table(table.ToLowerInvariant())?.Column(field) != null, $"the {table} form shows unknown column {field}");
                columns[field] = (string)control.Attribute("disabled") == "true";
            }
            return columns;
        }

        [Fact]
        public void A_rep_refused_a_stage_move_or_the_win_for_missing_data_or_a_lead_of_another_account_fixes_it_on_the_deal_form()
        {
            var setting = XDocument.Load(Path.Combine(PackagingFixture.Solution, "environmentvariabledefinitions", "crmc_StageRequirements",
                "environmentvariabledefinition.xml"));
            var stages = JsonSerializer.Deserialize<Dictionary<string, string[]>>(setting.Root.Element("defaultvalue").Value);
            var asked = stages.Values.SelectMany(c => c).Distinct().ToList();
            Assert.NotEmpty(asked);

            var controls = Controls(AppMainForm("Opportunity"), "Opportunity");
            // "Before the deal is won, fill in: ..." and "Choose <account> as the customer, or clear the originating lead."
            foreach (var column in asked.Concat(new[] { "customerid", "originatingleadid" }))
            {
                Assert.True(controls.ContainsKey(column), $"the deal form has no {column}: a rep told to fill it in cannot");
                Assert.False(controls[column], $"the deal form shows {column} read-only: a rep told to fill it in cannot");
            }
        }

        [Fact]
        public void A_handoff_owner_accepts_and_fills_in_the_evidence_on_the_handoff_form_and_sees_what_CrmCollab_set_read_only()
        {
            var form = AppMainForm("Task");
            var controls = Controls(form, "Task");
            foreach (var column in HandoffGuard.ImagedEvidence.Append(HandoffTask.AcceptedOn).Append(HandoffTask.CancelReason))
            {
                Assert.True(controls.ContainsKey(column), $"the handoff form has no {column}");
                Assert.False(controls[column], $"the handoff form shows {column} read-only: its owner cannot fill it in");
            }
            // What the KPIs time it from, why it waits, where it goes: shown, and read-only as the server owns them.
            foreach (var column in new[] { HandoffTask.HandedOffOn, HandoffTask.RoutingHold, HandoffTask.RoutingPath, HandoffTask.IsUnrouted,
                         HandoffTask.ScheduledEnd, HandoffTask.Function, HandoffTask.OpportunityId, HandoffTask.RequiredEvidence })
                Assert.True(controls.ContainsKey(column), $"the handoff form has no {column}");
            // A plain task's regarding record and due date are the user's; on a handoff the form's script shows them read-only
            // (webresources/test/task.test.ts). Every other server column is read-only on the form itself.
            foreach (var column in HandoffGuard.ServerColumns.Where(controls.ContainsKey).Except(PlainTaskColumnsLockedOnHandoffs))
                Assert.True(controls[column], $"the handoff form lets a user edit {column}, which CrmCollab refuses on save");
            Assert.Contains(form.Descendants("Handler"), h => (string)h.Attribute("functionName") == "CrmCollab.Task.onLoad"
                && (string)h.Attribute("libraryName") == "crmc_/scripts/task.js"
                && h.Ancestors("event").Any(e => (string)e.Attribute("name") == "onload"));

            // A task form of our own never becomes every other app's default: it is the CrmCollab roles'.
            var conditions = form.Descendants("DisplayConditions").Single();
            Assert.Empty(conditions.Elements("Everyone"));
            Assert.Equal(Folder.Roles.Select(r => PackagingNames.ParseGuid((string)r.Root.Attribute("id"))).ToHashSet(),
                conditions.Elements("Role").Select(r => PackagingNames.ParseGuid((string)r.Attribute("Id"))).ToHashSet());
        }

        /// <summary>Server columns of a handoff that a user sets on a plain task (HandoffGuard refuses them only on a handoff).</summary>
        private static readonly string[] PlainTaskColumnsLockedOnHandoffs = { HandoffTask.RegardingObjectId, HandoffTask.ScheduledEnd };

        [Fact]
        public void A_rep_creates_an_ordinary_task_from_the_apps_task_form_with_its_regarding_record_due_date_priority_and_owner()
        {
            // What Microsoft's task form offers (subject, description, regarding, duration; owner, priority, due in its header),
            // editable: the app opens no other task form, so a plain task is created and worked on this one.
            var controls = Controls(AppMainForm("Task"), "Task");
            foreach (var column in new[] { "subject", HandoffTask.RegardingObjectId, HandoffTask.ScheduledEnd, "prioritycode", "actualdurationminutes",
                         HandoffTask.OwnerId, "description" })
            {
                Assert.True(controls.ContainsKey(column), $"the task form has no {column}: a plain task cannot be given one");
                Assert.False(controls[column], $"the task form shows {column} read-only: a plain task cannot be given one");
            }
            // Only the handoff's own columns a plain task may set are left to the script to lock on a handoff.
            Assert.Equal(PlainTaskColumnsLockedOnHandoffs.OrderBy(c => c),
                HandoffGuard.ServerColumns.Where(c => controls.ContainsKey(c) && !controls[c]).OrderBy(c => c));
        }

        [Fact]
        public void An_administrator_reads_what_saving_a_rule_or_a_setting_does_in_plain_words()
        {
            string Setting(string name) => (string)XDocument.Load(Path.Combine(PackagingFixture.Solution, "environmentvariabledefinitions", name,
                "environmentvariabledefinition.xml")).Root.Element("description").Element("label").Attribute("description");
            var ruleForm = Folder.Entities.Single(e => e.Folder == "crmc_RoutingRule").Forms.Single(f => f.Type == "main").File.Root;
            Assert.Contains("open handoffs and pending reviews again", (string)ruleForm.Descendants("Description").Single().Attribute("description"));
            Assert.Contains("won only with the columns of every stage", Setting("crmc_StageRequirements"));
            Assert.Contains("cannot be renamed or deleted", Setting("crmc_UnroutedQueue"));

            // Descriptions of views and columns say what a rep or admin sees, not schema names; only a column whose value is
            // typed as column names (a template's required evidence) names them, as examples.
            foreach (var entity in Folder.Entities)
            {
                var descriptions = Views(entity).SelectMany(v => v.Descendants("Description"))
                    .Concat(entity.Entity.Root.Descendants("attribute").Where(a => XmlFiles.Text(a, "LogicalName") != "crmc_requiredevidence")
                        .SelectMany(a => a.Elements("Descriptions").Elements("Description")))
                    .Select(d => (string)d.Attribute("description"));
                foreach (var text in descriptions)
                    Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\bcrmc_|\([a-z]+code\)"), $"{entity.Folder}: '{text}' names a schema column");
            }
        }


        [Fact]
        public void Every_field_on_a_form_and_every_column_of_a_view_the_app_opens_is_a_column_of_its_table()
        {
            foreach (var entity in Folder.Entities)
            {
                var table = Loaded.Value.Catalog.Table(XmlFiles.Text(entity.Entity.Root, "Name").ToLowerInvariant());
                Assert.NotNull(table);
                var fields = entity.Forms.SelectMany(f => f.File.Root.Descendants("control"))
                    .Select(c => (string)c.Attribute("datafieldname")).Where(n => n != null);
                var viewColumns = Views(entity).SelectMany(v => v.Descendants("cell").Select(c => (string)c.Attribute("name"))
                    .Concat(v.Element("fetchxml").Descendants("entity").First().Elements("attribute").Select(a => (string)a.Attribute("name")))
                    .Concat(v.Element("fetchxml").Descendants("entity").First().Elements("filter").Descendants("condition").Select(c => (string)c.Attribute("attribute"))));
                foreach (var column in fields.Concat(viewColumns).Distinct())
                    Assert.True(table.Column(column) != null, $"{entity.Folder} shows {column}, which its table does not have");
            }
        }
        private static IEnumerable<XElement> Views(EntityPart e) => e.Views.SelectMany(v => v.Root.Elements("savedquery"));
    }
}
