using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using CrmCollab.Emulator.Tests.Solution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// An Update carrying related rows updates them in the same operation (Microsoft Learn, "Update and delete table rows
    /// using the SDK for .NET", "Update related table rows in one operation": an account renamed with its primary contact's
    /// email, through account_primary_contact, and its tasks' subject, through Account_Tasks, each related row with its id;
    /// the primary row first, then the related rows). All or nothing; each related row an Update with its own steps.
    /// </summary>
    public class DeepUpdateTests
    {
        private static Entity Renamed(Guid account, string name, params (string Relationship, Entity[] Rows)[] related)
        {
            var update = new Entity("account", account) { ["name"] = name };
            foreach (var (relationship, rows) in related)
                update.RelatedEntities[new Relationship(relationship)] = new EntityCollection(new List<Entity>(rows));
            return update;
        }

        private static (Guid Account, Guid Contact, Guid Task) Seed(IOrganizationService svc)
        {
            Guid contact = svc.Create(new Entity("contact") { ["lastname"] = "Smith" });
            Guid account = svc.Create(new Entity("account") { ["name"] = "Sample Account", ["primarycontactid"] = new EntityReference("contact", contact) });
            Guid task = svc.Create(new Entity("task") { ["subject"] = "Example Task", ["regardingobjectid"] = new EntityReference("account", account) });
            return (account, contact, task);
        }

        private static string Read(IOrganizationService svc, string table, Guid id, string column) =>
            svc.Retrieve(table, id, new ColumnSet(column)).GetAttributeValue<string>(column);

        [Fact]
        public void An_account_updated_with_its_primary_contact_and_task_updates_them_all_as_the_docs_example()
        {
            var svc = new TestOrg().Boot().SystemService;
            var (account, contact, task) = Seed(svc);
            var sentTask = new Entity("task", task) { ["subject"] = "Updated Subject" };

            svc.Update(Renamed(account, "New Account name",
                ("account_primary_contact", new[] { new Entity("contact", contact) { ["emailaddress1"] = "someone_a@example.com" } }),
                ("Account_Tasks", new[] { sentTask })));

            Assert.Equal("New Account name", Read(svc, "account", account, "name"));
            Assert.Equal("someone_a@example.com", Read(svc, "contact", contact, "emailaddress1"));
            Assert.Equal("Updated Subject", Read(svc, "task", task, "subject"));
            Assert.Single(sentTask.Attributes); // the caller's rows are left as they were sent
        }

        [Fact]
        public void A_related_row_refused_by_its_own_step_undoes_the_main_rows_change()
        {
            var org = new TestOrg();
            org.Step("Update", "task", StepStage.PreOperation, run =>
            {
                if (run.Target.GetAttributeValue<string>("subject") == "forbidden") throw new InvalidPluginExecutionException("No such subject.");
            });
            var engine = org.Boot();
            var svc = engine.SystemService;
            var (account, _, task) = Seed(svc);

            Fails(() => svc.Update(Renamed(account, "New Account name",
                ("Account_Tasks", new[] { new Entity("task", task) { ["subject"] = "forbidden" } }))), ErrorCodes.IsvAborted);

            Assert.Equal("Sample Account", Read(svc, "account", account, "name"));
            Assert.Equal("Example Task", Read(svc, "task", task, "subject"));
        }

        [Fact]
        public void A_related_rows_Update_steps_run_after_the_main_row_is_written_with_its_Update_as_parent()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            IOrganizationService system = null;
            org.Step("Update", "task", StepStage.PreOperation, run =>
            {
                var parent = run.Context.ParentContext;
                string name = system.Retrieve("account", parent.PrimaryEntityId, new ColumnSet("name")).GetAttributeValue<string>("name");
                seen.Add($"{parent.MessageName}/{parent.PrimaryEntityName}/{parent.Stage}/{name}/{run.Context.Depth}");
            });
            var engine = org.Boot();
            system = engine.SystemService;
            var (account, _, task) = Seed(system);

            system.Update(Renamed(account, "New Account name", ("Account_Tasks", new[] { new Entity("task", task) { ["subject"] = "Updated Subject" } })));

            Assert.Equal(new[] { "Update/account/30/New Account name/1" }, seen);
        }

        [Fact]
        public void A_related_row_without_its_id_is_refused_as_any_Update_without_an_id_and_nothing_changes()
        {
            var svc = new TestOrg().Boot().SystemService;
            var (account, _, _) = Seed(svc);

            Fails(() => svc.Update(Renamed(account, "New Account name", ("Account_Tasks", new[] { new Entity("task") { ["subject"] = "New" } }))),
                ErrorCodes.InvalidArgument);

            Assert.Equal("Sample Account", Read(svc, "account", account, "name"));
            Assert.Single(svc.RetrieveMultiple(new QueryExpression("task")).Entities); // none created
        }

        [Fact]
        public void An_unknown_relationship_or_one_that_does_not_join_the_tables_is_refused_before_anything_runs()
        {
            var org = new TestOrg();
            int updates = 0;
            org.Step("Update", "account", StepStage.PreValidation, run => updates++);
            var engine = org.Boot();
            var svc = engine.SystemService;
            var (account, contact, _) = Seed(svc);

            Fails(() => svc.Update(Renamed(account, "New Account name", ("no_such_relationship", new[] { new Entity("contact", contact) }))),
                ErrorCodes.InvalidArgument);
            Fails(() => svc.Update(Renamed(account, "New Account name", ("Account_Tasks", new[] { new Entity("contact", contact) }))),
                ErrorCodes.InvalidArgument);

            Assert.Equal(0, updates);
            Assert.Equal("Sample Account", Read(svc, "account", account, "name"));
        }
    }
}
