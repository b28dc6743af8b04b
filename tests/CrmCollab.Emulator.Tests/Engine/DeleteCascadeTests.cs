using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>What a Delete takes with it, and what it is refused for, as the table references and error codes document.</summary>
    public class DeleteCascadeTests
    {
        [Fact]
        public void Deleting_an_account_deletes_its_contacts_and_their_opportunities()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var account = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            var buyer = svc.Create(new Entity("contact") { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", account) });
            var assistant = svc.Create(new Entity("contact") { ["lastname"] = "Assistant", ["parentcustomerid"] = new EntityReference("contact", buyer) });
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "D", ["customerid"] = new EntityReference("contact", buyer) });

            svc.Delete("account", account);

            // contact_customer_accounts: Delete Cascade, and on to the contact's deals (opportunity_customer_contacts: Cascade);
            // contact_customer_contacts: RemoveLink (the buyer's assistant stays, without a company).
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, Fails(() => svc.Retrieve("contact", buyer, new ColumnSet(false))).Detail.ErrorCode);
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, Fails(() => svc.Retrieve("opportunity", deal, new ColumnSet(false))).Detail.ErrorCode);
            Assert.Null(svc.Retrieve("contact", assistant, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid"));
        }

        [Fact]
        public void A_delete_refused_deep_in_its_cascade_leaves_every_row_as_it_was()
        {
            var org = new TestOrg();
            org.Solution.Catalog.Relationship("Opportunity_Tasks").CascadeDelete = "Restrict";
            var engine = org.Boot();
            var svc = engine.SystemService;
            var account = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            var buyer = svc.Create(new Entity("contact") { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", account) });
            var own = svc.Create(new Entity("opportunity") { ["name"] = "Own", ["customerid"] = new EntityReference("account", account) });
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "D", ["customerid"] = new EntityReference("contact", buyer) });
            var line = svc.Create(new Entity("opportunityproduct") { ["opportunityid"] = new EntityReference("opportunity", deal), ["quantity"] = 1m, ["productdescription"] = "x" });
            svc.Create(new Entity("task") { ["subject"] = "t", ["regardingobjectid"] = new EntityReference("opportunity", deal) });

            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => svc.Delete("account", account)).Detail.ErrorCode);

            foreach (var (table, id) in new[] { ("account", account), ("contact", buyer), ("opportunity", own), ("opportunity", deal), ("opportunityproduct", line) })
                Assert.Equal(id, svc.Retrieve(table, id, new ColumnSet(false)).Id);
        }

        [Fact]
        public void A_team_that_owns_records_cannot_be_deleted_until_they_are_reassigned()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            Guid desk = svc.Create(new Entity("team")
            {
                ["name"] = "SAV desk", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
                ["administratorid"] = new EntityReference("systemuser", engine.SystemUserId),
            });
            Guid task = svc.Create(new Entity("task") { ["subject"] = "Install the line", ["ownerid"] = new EntityReference("team", desk) });

            // powerapps-docs web-service-error-codes.md: CannotDeleteTeamOwningRecords, "Reassign the records and try again".
            var fault = Fails(() => svc.Delete("team", desk)).Detail;
            Assert.Equal(ErrorCodes.CannotDeleteTeamOwningRecords, fault.ErrorCode);
            Assert.Equal(desk, svc.Retrieve("team", desk, new ColumnSet(false)).Id);

            svc.Execute(new AssignRequest { Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", engine.SystemUserId) });
            svc.Delete("team", desk);
        }
    }
}
