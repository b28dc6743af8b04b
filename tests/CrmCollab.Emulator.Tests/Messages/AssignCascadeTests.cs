using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCollab.Emulator.Security;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// Assigning a row applies each relationship's CascadeConfiguration.Assign (Microsoft Learn, "Configure table
    /// relationship cascading behavior", CascadeType): Cascade, Active, UserOwned, NoCascade.
    /// </summary>
    public class AssignCascadeTests
    {
        private sealed class Deal
        {
            public DataverseEngine Engine;
            public IOrganizationService Svc => Engine.SystemService;
            public Guid Opportunity, OpenTask, ClosedTask, OtherOwnersTask, OtherDealsTask, Seller, Colleague, Lena;
        }

        /// <summary>A deal owned by the seller with its tasks: open (seller's), completed (seller's), open (Lena's); a task of another deal.</summary>
        private static Deal Setup(TestOrg org, string opportunityTasksAssign = null)
        {
            if (opportunityTasksAssign != null) org.Solution.Catalog.Relationship("Opportunity_Tasks").CascadeAssign = opportunityTasksAssign;
            var engine = org.Boot();
            var svc = engine.SystemService;
            var d = new Deal { Engine = engine };
            d.Seller = TestOrg.AddUser(engine, "seller");
            d.Colleague = TestOrg.AddUser(engine, "colleague");
            d.Lena = TestOrg.AddUser(engine, "lena");
            EntityReference User(Guid id) => new EntityReference("systemuser", id);
            d.Opportunity = svc.Create(new Entity("opportunity") { ["name"] = "Deal", ["ownerid"] = User(d.Seller) });
            var other = svc.Create(new Entity("opportunity") { ["name"] = "Other deal", ["ownerid"] = User(d.Seller) });
            Guid Task(Guid deal, Guid owner, string subject) => svc.Create(new Entity("task")
            {
                ["subject"] = subject, ["regardingobjectid"] = new EntityReference("opportunity", deal), ["ownerid"] = User(owner),
            });
            d.OpenTask = Task(d.Opportunity, d.Seller, "call back");
            d.ClosedTask = Task(d.Opportunity, d.Seller, "sent the offer");
            svc.Execute(new SetStateRequest { EntityMoniker = new EntityReference("task", d.ClosedTask), State = new OptionSetValue(1), Status = new OptionSetValue(5) });
            d.OtherOwnersTask = Task(d.Opportunity, d.Lena, "organise the delivery");
            d.OtherDealsTask = Task(other, d.Seller, "other deal's call");
            return d;
        }

        private static void AssignDeal(Deal d) =>
            d.Svc.Execute(new AssignRequest
            {
                Target = new EntityReference("opportunity", d.Opportunity), Assignee = new EntityReference("systemuser", d.Colleague),
            });

        private static Guid OwnerOf(Deal d, string table, Guid id) =>
            d.Svc.Retrieve(table, id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void Assigning_an_account_assigns_its_contacts_and_on_to_their_deals()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            Guid seller = TestOrg.AddUser(engine, "seller"), colleague = TestOrg.AddUser(engine, "colleague");
            EntityReference User(Guid id) => new EntityReference("systemuser", id);
            Guid account = svc.Create(new Entity("account") { ["name"] = "Contoso", ["ownerid"] = User(seller) });
            Guid buyer = svc.Create(new Entity("contact")
                { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", account), ["ownerid"] = User(seller) });
            Guid assistant = svc.Create(new Entity("contact")
                { ["lastname"] = "Assistant", ["parentcustomerid"] = new EntityReference("contact", buyer), ["ownerid"] = User(seller) });
            Guid deal = svc.Create(new Entity("opportunity")
                { ["name"] = "D", ["customerid"] = new EntityReference("contact", buyer), ["ownerid"] = User(seller) });

            svc.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = User(colleague) });

            // contact_customer_accounts and contact_customer_contacts: Assign Cascade; opportunity_customer_contacts: Cascade.
            Guid Owner(string table, Guid id) => svc.Retrieve(table, id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;
            Assert.Equal(colleague, Owner("contact", buyer));
            Assert.Equal(colleague, Owner("contact", assistant));
            Assert.Equal(colleague, Owner("opportunity", deal));
        }

        [Fact]
        public void Assigning_a_deal_assigns_all_its_tasks_as_the_shipped_Opportunity_Tasks_cascade_does_and_leaves_other_deals_tasks()
        {
            var d = Setup(new TestOrg());
            AssignDeal(d);
            Assert.Equal(d.Colleague, OwnerOf(d, "opportunity", d.Opportunity));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.ClosedTask));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OtherOwnersTask));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.OtherDealsTask));
        }

        [Fact]
        public void Saving_a_deals_owner_cascades_as_an_assign_does_the_web_apis_way_of_giving_a_row_to_someone()
        {
            var d = Setup(new TestOrg());

            d.Svc.Update(new Entity("opportunity", d.Opportunity) { ["ownerid"] = new EntityReference("systemuser", d.Colleague) });

            Assert.Equal(d.Colleague, OwnerOf(d, "opportunity", d.Opportunity));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OtherOwnersTask));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.OtherDealsTask));
        }

        [Fact]
        public void Saving_a_deal_with_the_owner_it_already_has_moves_none_of_its_tasks()
        {
            var d = Setup(new TestOrg());

            d.Svc.Update(new Entity("opportunity", d.Opportunity) { ["ownerid"] = new EntityReference("systemuser", d.Seller), ["name"] = "Deal (renamed)" });

            Assert.Equal(d.Lena, OwnerOf(d, "task", d.OtherOwnersTask));
        }

        [Fact]
        public void Cascade_Active_assigns_only_the_open_tasks()
        {
            var d = Setup(new TestOrg(), "Active");
            AssignDeal(d);
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OtherOwnersTask));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.ClosedTask));
        }

        [Fact]
        public void Cascade_UserOwned_assigns_only_the_tasks_the_deals_previous_owner_owned()
        {
            var d = Setup(new TestOrg(), "UserOwned");
            AssignDeal(d);
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.ClosedTask));
            Assert.Equal(d.Lena, OwnerOf(d, "task", d.OtherOwnersTask));
        }

        [Fact]
        public void NoCascade_stops_the_cascade_there_an_account_assign_moves_its_deal_but_not_the_deals_tasks()
        {
            var d = Setup(new TestOrg(), "NoCascade");
            var account = d.Svc.Create(new Entity("account") { ["name"] = "Customer", ["ownerid"] = new EntityReference("systemuser", d.Seller) });
            d.Svc.Update(new Entity("opportunity", d.Opportunity) { ["customerid"] = new EntityReference("account", account) });
            d.Svc.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", d.Colleague) });
            Assert.Equal(d.Colleague, OwnerOf(d, "opportunity", d.Opportunity));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Lena, OwnerOf(d, "task", d.OtherOwnersTask));
        }

        [Fact]
        public void A_cascaded_assign_runs_the_tasks_steps_with_the_deals_Assign_as_parent_and_a_refusal_there_undoes_the_whole_assign()
        {
            var org = new TestOrg();
            var parents = new List<string>();
            org.Step("Assign", "task", StepStage.PreOperation, run =>
            {
                var parent = run.Context.ParentContext;
                parents.Add($"{parent?.MessageName}/{parent?.PrimaryEntityName}/{parent?.PrimaryEntityId}");
                if (((Entity)run.Service.Retrieve("task", ((EntityReference)run.Context.InputParameters["Target"]).Id, new ColumnSet("subject")))
                        .GetAttributeValue<string>("subject") == "organise the delivery")
                    throw new InvalidPluginExecutionException("Only logistics may take the delivery.");
            });
            var d = Setup(org);
            var fault = Fails(() => AssignDeal(d));
            Assert.Contains("Only logistics may take the delivery.", fault.Message);
            Assert.NotEmpty(parents);
            Assert.All(parents, p => Assert.Equal($"Assign/opportunity/{d.Opportunity}", p));
            Assert.Equal(d.Seller, OwnerOf(d, "opportunity", d.Opportunity));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Lena, OwnerOf(d, "task", d.OtherOwnersTask));
        }

        [Fact]
        public void Assigning_an_account_assigns_its_opportunities_and_through_them_their_tasks()
        {
            var d = Setup(new TestOrg());
            var svc = d.Svc;
            var account = svc.Create(new Entity("account") { ["name"] = "Customer", ["ownerid"] = new EntityReference("systemuser", d.Seller) });
            svc.Update(new Entity("opportunity", d.Opportunity) { ["customerid"] = new EntityReference("account", account) });
            svc.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", d.Colleague) });
            Assert.Equal(d.Colleague, OwnerOf(d, "opportunity", d.Opportunity));
            Assert.Equal(d.Colleague, OwnerOf(d, "task", d.OpenTask));
            Assert.Equal(d.Seller, OwnerOf(d, "task", d.OtherDealsTask));
        }

        [Fact]
        public void A_seller_assigning_their_deal_moves_a_colleagues_task_on_it_without_rights_on_that_task_the_platform_performs_the_cascade()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Seller" };
            foreach (var table in new[] { "opportunity", "task" })
            {
                role.Privileges[(table, AccessRight.Create)] = PrivilegeDepth.Basic;
                role.Privileges[(table, AccessRight.Read)] = PrivilegeDepth.Global;
                role.Privileges[(table, AccessRight.Write)] = PrivilegeDepth.Basic;
                role.Privileges[(table, AccessRight.Assign)] = PrivilegeDepth.Basic;
            }
            org.Solution.Roles.Add(role);
            var engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            Guid seller = setup.CreateUser("Sam Seller", engine.RootBusinessUnitId, "Seller");
            Guid colleague = setup.CreateUser("Chris Seller", engine.RootBusinessUnitId, "Seller");
            Guid lena = setup.CreateUser("Lena Logistics", engine.RootBusinessUnitId, "Seller");
            var svc = engine.SystemService;
            Guid deal = svc.Create(new Entity("opportunity") { ["name"] = "Deal", ["ownerid"] = new EntityReference("systemuser", seller) });
            Guid lenas = svc.Create(new Entity("task")
            {
                ["subject"] = "organise the delivery", ["regardingobjectid"] = new EntityReference("opportunity", deal),
                ["ownerid"] = new EntityReference("systemuser", lena),
            });
            Fails(() => engine.CreateService(seller).Execute(new AssignRequest
            {
                Target = new EntityReference("task", lenas), Assignee = new EntityReference("systemuser", colleague),
            }), SecurityFaults.AccessCheckFailed);

            engine.CreateService(seller).Execute(new AssignRequest
            {
                Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", colleague),
            });

            Assert.Equal(colleague, svc.Retrieve("opportunity", deal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(colleague, svc.Retrieve("task", lenas, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
