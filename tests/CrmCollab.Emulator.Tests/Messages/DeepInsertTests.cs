using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using CrmCollab.Emulator.Tests.Solution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// A Create carrying related rows creates them in the same operation (Microsoft Learn, "Create table rows using the
    /// SDK for .NET", "Create related table rows in one operation": an account with its primary contact, through
    /// account_primary_contact, and its tasks, through Account_Tasks). All or nothing; each row a Create with its own steps.
    /// </summary>
    public class DeepInsertTests
    {
        private static Entity Account(string name, params (string Relationship, Entity[] Rows)[] related)
        {
            var account = new Entity("account") { ["name"] = name };
            foreach (var (relationship, rows) in related)
                account.RelatedEntities[new Relationship(relationship)] = new EntityCollection(rows);
            return account;
        }

        private static Entity Task(string subject) => new Entity("task") { ["subject"] = subject };

        private static EntityCollection TasksOf(IOrganizationService svc, Guid account)
        {
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject", "regardingobjectid") };
            query.Criteria.AddCondition("regardingobjectid", ConditionOperator.Equal, account);
            return svc.RetrieveMultiple(query);
        }

        [Fact]
        public void Asking_whether_a_create_carries_related_rows_makes_no_collection_so_a_plain_create_costs_what_it_did()
        {
            var rows = new Entity[1000];
            for (int i = 0; i < rows.Length; i++) rows[i] = new Entity("account");
            Emulator.Store.EntityParts.HasRelatedRows(new Entity("account")); // warmed up

            long before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var row in rows) Assert.False(Emulator.Store.EntityParts.HasRelatedRows(row));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated < 1000, $"Asking 1000 rows allocated {allocated} bytes.");
            var related = new Entity("account");
            related.RelatedEntities[new Relationship("Account_Tasks")] = new EntityCollection(new List<Entity> { Task("T") });
            Assert.True(Emulator.Store.EntityParts.HasRelatedRows(related));
        }

        [Fact]
        public void An_account_created_with_its_primary_contact_and_tasks_gets_them_all_linked_as_the_docs_example()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var contact = new Entity("contact") { ["firstname"] = "John", ["lastname"] = "Smith" };

            Guid id = svc.Create(Account("Sample Account",
                ("account_primary_contact", new[] { contact }), ("Account_Tasks", new[] { Task("Task 1"), Task("Task 2"), Task("Task 3") })));

            var primary = svc.Retrieve("account", id, new ColumnSet("primarycontactid")).GetAttributeValue<EntityReference>("primarycontactid");
            Assert.NotNull(primary);
            Assert.Equal("Smith", svc.Retrieve("contact", primary.Id, new ColumnSet("lastname"))["lastname"]);
            var tasks = TasksOf(svc, id);
            Assert.Equal(3, tasks.Entities.Count);
            Assert.All(tasks.Entities, t => Assert.Equal(id, t.GetAttributeValue<EntityReference>("regardingobjectid").Id));
            Assert.Equal(Guid.Empty, contact.Id); // the caller's rows are left as they were sent
        }

        [Fact]
        public void A_related_row_refused_by_its_own_step_undoes_the_whole_create()
        {
            var org = new TestOrg();
            org.Step("Create", "task", StepStage.PreOperation, run =>
            {
                if (run.Target.GetAttributeValue<string>("subject") == "forbidden") throw new InvalidPluginExecutionException("No such task.");
            });
            var engine = org.Boot();
            int accounts = TestOrg.Count(engine, "account"), contacts = TestOrg.Count(engine, "contact");

            Fails(() => engine.SystemService.Create(Account("Sample Account",
                ("account_primary_contact", new[] { new Entity("contact") { ["lastname"] = "Smith" } }),
                ("Account_Tasks", new[] { Task("fine"), Task("forbidden") }))), ErrorCodes.IsvAborted);

            Assert.Equal(accounts, TestOrg.Count(engine, "account"));
            Assert.Equal(contacts, TestOrg.Count(engine, "contact"));
            Assert.Equal(0, TestOrg.Count(engine, "task"));
        }

        [Fact]
        public void A_related_rows_Create_steps_run_with_the_new_rows_Create_as_parent_and_see_the_link_already_set()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Create", "task", StepStage.PreOperation, run =>
            {
                var parent = run.Context.ParentContext;
                var regarding = run.Target.GetAttributeValue<EntityReference>("regardingobjectid");
                seen.Add($"{parent?.MessageName}/{parent?.PrimaryEntityName}/{parent?.Stage}/{parent?.PrimaryEntityId == regarding?.Id}/{run.Context.Depth}");
            });
            var engine = org.Boot();

            Guid id = engine.SystemService.Create(Account("Sample Account", ("Account_Tasks", new[] { Task("Task 1") })));

            Assert.Equal(new[] { "Create/account/30/True/1" }, seen);
            Assert.Single(TasksOf(engine.SystemService, id).Entities);
        }

        [Fact]
        public void A_row_the_new_row_refers_to_is_created_first_as_the_callers_own_Create_so_the_new_rows_steps_see_the_lookup_from_the_start()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Create", "contact", StepStage.PreOperation, run => seen.Add($"contact, parent {run.Context.ParentContext?.MessageName ?? "none"}"));
            org.Step("Create", "account", StepStage.PreValidation, run =>
                seen.Add($"account, contact named: {run.Target.GetAttributeValue<EntityReference>("primarycontactid") != null}"));
            var engine = org.Boot();

            engine.SystemService.Create(Account("Sample Account", ("account_primary_contact", new[] { new Entity("contact") { ["lastname"] = "Smith" } })));

            Assert.Equal(new[] { "contact, parent none", "account, contact named: True" }, seen);
        }

        [Fact]
        public void A_refused_row_undoes_the_row_it_refers_to_created_before_it()
        {
            var org = new TestOrg();
            org.Step("Create", "account", StepStage.PreOperation, run => throw new InvalidPluginExecutionException("No new accounts today."));
            var engine = org.Boot();
            int contacts = TestOrg.Count(engine, "contact");

            Fails(() => engine.SystemService.Create(Account("Sample Account",
                ("account_primary_contact", new[] { new Entity("contact") { ["lastname"] = "Smith" } }))), ErrorCodes.IsvAborted);

            Assert.Equal(contacts, TestOrg.Count(engine, "contact"));
        }

        [Fact]
        public void A_relationship_the_organisation_does_not_have_or_that_does_not_join_the_two_tables_is_refused_and_nothing_is_written()
        {
            var engine = new TestOrg().Boot();
            int accounts = TestOrg.Count(engine, "account");

            var unknown = Fails(() => engine.SystemService.Create(Account("A", ("account_imaginary_rows", new[] { Task("T") }))), ErrorCodes.InvalidArgument);
            var wrong = Fails(() => engine.SystemService.Create(Account("A", ("Account_Tasks", new[] { new Entity("contact") { ["lastname"] = "X" } }))),
                ErrorCodes.InvalidArgument);

            Assert.Contains("account_imaginary_rows", unknown.Message);
            Assert.Contains("Account_Tasks", wrong.Message);
            Assert.Equal(accounts, TestOrg.Count(engine, "account"));
            Assert.Equal(0, TestOrg.Count(engine, "task"));
        }

        [Fact]
        public void A_self_referential_relationship_needs_the_new_rows_role_and_follows_it()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;

            Fails(() => svc.Create(Account("Parent", ("account_parent_account", new[] { new Entity("account") { ["name"] = "Child" } }))),
                ErrorCodes.InvalidArgument);

            var parent = new Entity("account") { ["name"] = "Parent" };
            parent.RelatedEntities[new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced }] =
                new EntityCollection(new List<Entity> { new Entity("account") { ["name"] = "Child" } });
            Guid id = svc.Create(parent);

            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, id);
            Assert.Equal("Child", Assert.Single(svc.RetrieveMultiple(query).Entities)["name"]);
        }

        [Fact]
        public void A_many_to_many_related_row_is_created_and_associated()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var team = new Entity("team")
            {
                ["name"] = "Logistics", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
                ["administratorid"] = new EntityReference("systemuser", TestOrg.AddUser(engine, "admin")),
            };
            var member = new Entity("systemuser")
            {
                ["lastname"] = "Member", ["domainname"] = "member@test", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
            };
            team.RelatedEntities[new Relationship("teammembership_association")] = new EntityCollection(new List<Entity> { member });

            Guid id = svc.Create(team);

            var query = new QueryExpression("teammembership") { ColumnSet = new ColumnSet("systemuserid") };
            query.Criteria.AddCondition("teamid", ConditionOperator.Equal, id);
            Assert.Single(svc.RetrieveMultiple(query).Entities);
        }

        [Fact]
        public void Each_related_row_is_asked_the_callers_own_privileges_a_rep_who_may_create_widgets_but_not_accounts_cannot_create_an_account_through_a_widget()
        {
            var engine = DataverseEngine.Boot(SolutionFixture.Path());
            var setup = new OrganizationSetup(engine.SystemService);
            Guid rep = setup.CreateUser("Rep", setup.CreateBusinessUnit("East"), "CrmCollab Sales Rep");
            int accounts = TestOrg.Count(engine, "account"), widgets = TestOrg.Count(engine, "crmc_widget");
            var widget = new Entity("crmc_widget") { ["crmc_name"] = "W" };
            widget.RelatedEntities[new Relationship("crmc_account_crmc_widget")] =
                new EntityCollection(new List<Entity> { new Entity("account") { ["name"] = "Smuggled" } });

            Fails(() => engine.CreateService(rep).Create(widget), SecurityFaults.PrivilegeDenied);

            Assert.Equal(accounts, TestOrg.Count(engine, "account"));
            Assert.Equal(widgets, TestOrg.Count(engine, "crmc_widget"));
        }
    }
}
