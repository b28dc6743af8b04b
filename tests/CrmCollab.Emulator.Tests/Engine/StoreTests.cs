using System;
using System.Diagnostics;
using CrmCollab.Emulator.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Engine
{
    public class StoreTests
    {
        [Fact]
        public void Boot_creates_the_well_known_rows()
        {
            var engine = new TestOrg().Boot();
            var system = engine.SystemService.Retrieve("systemuser", WellKnownIds.SystemUserId, new ColumnSet("fullname", "businessunitid"));
            Assert.Equal("SYSTEM", system["fullname"]);
            Assert.Equal(WellKnownIds.RootBusinessUnitId, system.GetAttributeValue<EntityReference>("businessunitid").Id);
            var who = (WhoAmIResponse)engine.SystemService.Execute(new WhoAmIRequest());
            Assert.Equal(WellKnownIds.SystemUserId, who.UserId);
            Assert.Equal(WellKnownIds.RootBusinessUnitId, who.BusinessUnitId);
            Assert.Equal(WellKnownIds.OrganizationId, who.OrganizationId);
        }

        [Fact]
        public void Create_sets_platform_columns_and_defaults()
        {
            var engine = new TestOrg().Boot();
            var user = TestOrg.AddUser(engine, "ann");
            var id = engine.CreateService(user).Create(new Entity("crmc_widget") { ["crmc_name"] = "w1" });
            var row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.Equal(id, row["crmc_widgetid"]);
            Assert.Equal(user, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(user, row.GetAttributeValue<EntityReference>("owninguser").Id);
            Assert.Equal(user, row.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Equal(engine.RootBusinessUnitId, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(engine.Clock.UtcNow.Date, row.GetAttributeValue<DateTime>("createdon").Date);
            long v1 = row.GetAttributeValue<long>("versionnumber");
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_quantity"] = 3 });
            var after = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("versionnumber", "modifiedby", "crmc_name"));
            Assert.True(after.GetAttributeValue<long>("versionnumber") > v1);
            Assert.Equal(WellKnownIds.SystemUserId, after.GetAttributeValue<EntityReference>("modifiedby").Id);
            Assert.Equal("w1", after["crmc_name"]); // untouched column kept
        }

        [Fact]
        public void Client_supplied_id_is_honoured_and_a_duplicate_is_refused()
        {
            var engine = new TestOrg().Boot();
            var id = Guid.NewGuid();
            Assert.Equal(id, engine.SystemService.Create(new Entity("crmc_widget", id) { ["crmc_name"] = "a" }));
            var fault = Fails(() => engine.SystemService.Create(new Entity("crmc_widget", id) { ["crmc_name"] = "b" }));
            Assert.Equal(ErrorCodes.DuplicateRecord, fault.Detail.ErrorCode);
        }

        [Fact]
        public void A_caller_who_asks_for_it_gets_business_required_columns_enforced_on_create_and_update()
        {
            var org = new TestOrg();
            org.Options.EnforceApplicationRequired = true;
            var svc = org.Boot().SystemService;
            var f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_quantity"] = 3 }), ErrorCodes.InvalidArgument);
            Assert.Contains("crmc_name", f.Message);
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a" });
            Fails(() => svc.Update(new Entity("crmc_widget", id) { ["crmc_name"] = null }), ErrorCodes.InvalidArgument);
            Assert.Equal("a", svc.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"))["crmc_name"]);
        }

        [Fact]
        public void Validation_errors_carry_codes_and_clear_messages()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var f = Fails(() => svc.Create(new Entity("crmc_nothing") { ["x"] = 1 }));
            Assert.Equal(ErrorCodes.QueryBuilderNoEntity, f.Detail.ErrorCode);
            Assert.Contains("crmc_nothing", f.Detail.Message);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_color"] = "red" }));
            Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, f.Detail.ErrorCode);
            Assert.Contains("crmc_color", f.Detail.Message);
            // The same mistake in a query reads the same.
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_color") };
            var fromQuery = Fails(() => svc.RetrieveMultiple(query), ErrorCodes.QueryBuilderNoAttribute);
            Assert.Equal(f.Detail.Message, fromQuery.Message);
            // Both stamped with the organisation's clock (deterministic), never the wall clock.
            Assert.Equal(engine.Clock.UtcNow, f.Detail.Timestamp);
            Assert.Equal(engine.Clock.UtcNow, fromQuery.Timestamp);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_quantity"] = "3" }));
            Assert.Equal(ErrorCodes.InvalidArgument, f.Detail.ErrorCode);
            Assert.Contains("crmc_quantity", f.Detail.Message);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_amount"] = 12m }));
            Assert.Equal(ErrorCodes.InvalidArgument, f.Detail.ErrorCode);


            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = new string('x', 21) }));
            Assert.Equal(ErrorCodes.StringLengthTooLong, f.Detail.ErrorCode);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_category"] = new OptionSetValue(9) }));
            Assert.Equal(ErrorCodes.PicklistValueOutOfRange, f.Detail.ErrorCode);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_quantity"] = 5000 }));
            Assert.Equal(ErrorCodes.InvalidArgument, f.Detail.ErrorCode);

            var missing = Guid.NewGuid();
            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_accountid"] = new EntityReference("account", missing) }));
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, f.Detail.ErrorCode);
            Assert.Equal($"account With Id = {missing} Does Not Exist", f.Detail.Message);

            f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_accountid"] = new EntityReference("contact", missing) }));
            Assert.Equal(ErrorCodes.InvalidArgument, f.Detail.ErrorCode);

            // Business-required (ApplicationRequired) is a form rule: the SDK accepts a row without it, and blanking it.
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_quantity"] = 3 });
            svc.Update(new Entity("crmc_widget", id) { ["crmc_name"] = null });
            Assert.False(svc.Retrieve("crmc_widget", id, new ColumnSet("crmc_name")).Contains("crmc_name"));

            f = Fails(() => svc.Retrieve("crmc_widget", Guid.Empty, new ColumnSet(true)));
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, f.Detail.ErrorCode);
        }

        [Fact]
        public void Status_must_belong_to_state_and_transitions_are_checked()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a" });
            var f = Fails(() => svc.Update(new Entity("crmc_widget", id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(3) }));
            Assert.Equal(ErrorCodes.InvalidStateCodeStatusCode, f.Detail.ErrorCode);
            svc.Update(new Entity("crmc_widget", id) { ["statecode"] = new OptionSetValue(1) });
            var row = svc.Retrieve("crmc_widget", id, new ColumnSet("statuscode"));
            Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value); // the state's default status

            var task = svc.Create(new Entity("task") { ["subject"] = "t" });
            svc.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
            f = Fails(() => svc.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) }));
            Assert.Equal(ErrorCodes.InvalidStateTransition, f.Detail.ErrorCode); // completed → canceled is not a move the platform allows

            // An opportunity is closed only by Win or Lose, never by Update or SetState.
            var opp = svc.Create(new Entity("opportunity") { ["name"] = "o" });
            f = Fails(() => svc.Update(new Entity("opportunity", opp) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) }));
            Assert.Contains("use the WinOpportunityRequest message instead", f.Detail.Message);
        }

        [Fact]
        public void The_store_never_shares_instances_with_callers()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var entity = new Entity("crmc_widget") { ["crmc_name"] = "orig", ["crmc_amount"] = new Money(5m) };
            var id = svc.Create(entity);
            ((Money)entity["crmc_amount"]).Value = 99m;
            entity["crmc_name"] = "changed";
            Assert.Equal(Guid.Empty, entity.Id); // the caller's object is not touched

            var read = svc.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.Equal("orig", read["crmc_name"]);
            Assert.Equal(5m, read.GetAttributeValue<Money>("crmc_amount").Value);
            read.GetAttributeValue<Money>("crmc_amount").Value = 77m;
            read["crmc_name"] = "mutated";
            var again = svc.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.Equal("orig", again["crmc_name"]);
            Assert.Equal(5m, again.GetAttributeValue<Money>("crmc_amount").Value);
        }

        [Fact]
        public void Retrieve_returns_formatted_values()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var account = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            var id = svc.Create(new Entity("crmc_widget")
            {
                ["crmc_name"] = "w", ["crmc_category"] = new OptionSetValue(2), ["crmc_amount"] = new Money(1234m),
                ["crmc_flag"] = true, ["crmc_accountid"] = new EntityReference("account", account),
            });
            var row = svc.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.Equal("Large", row.FormattedValues["crmc_category"]);
            Assert.Equal("1,234.00", row.FormattedValues["crmc_amount"]);
            Assert.Equal("Yes", row.FormattedValues["crmc_flag"]);
            Assert.Equal("Contoso", row.FormattedValues["crmc_accountid"]);
            Assert.Equal("Contoso", row.GetAttributeValue<EntityReference>("crmc_accountid").Name);
            Assert.Equal("Active", row.FormattedValues["statecode"]);

            var list = svc.RetrieveMultiple(new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_category") });
            Assert.Equal("Large", Assert.Single(list.Entities).FormattedValues["crmc_category"]);
        }

        [Fact]
        public void Delete_cascades_per_relationship()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var account = svc.Create(new Entity("account") { ["name"] = "A" });
            var contact = svc.Create(new Entity("contact") { ["lastname"] = "C" });
            var w = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", account) });
            var w2 = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w2", ["crmc_contactid"] = new EntityReference("contact", contact) });
            svc.Delete("contact", contact);
            Assert.Null(svc.Retrieve("crmc_widget", w2, new ColumnSet("crmc_contactid")).GetAttributeValue<EntityReference>("crmc_contactid"));
            var other = svc.Create(new Entity("account") { ["name"] = "B" });
            var kept = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "kept", ["crmc_accountid"] = new EntityReference("account", other) });
            svc.Delete("account", account);
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, Fails(() => svc.Retrieve("crmc_widget", w, new ColumnSet(true))).Detail.ErrorCode);
            Assert.Equal(other, svc.Retrieve("crmc_widget", kept, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid").Id);

            // N:N: a deleted team's membership rows go with it; another team's stay.
            Guid member = TestOrg.AddUser(engine, "member");
            Guid Team(string name) => svc.Create(new Entity("team")
            {
                ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
                ["administratorid"] = new EntityReference("systemuser", engine.SystemUserId),
            });
            Guid gone = Team("Gone"), stays = Team("Stays");
            foreach (Guid team in new[] { gone, stays })
                svc.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = new[] { member } });
            svc.Delete("team", gone);
            var memberships = svc.RetrieveMultiple(new QueryExpression("teammembership") { ColumnSet = new ColumnSet("teamid") }).Entities;
            Assert.DoesNotContain(memberships, l => Equals(l["teamid"], gone));
            Assert.Contains(memberships, l => Equals(l["teamid"], stays));

            // Restrict: a business unit with users cannot go.
            var bu = svc.Create(new Entity("businessunit") { ["name"] = "child", ["parentbusinessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId) });
            svc.Create(new Entity("systemuser") { ["lastname"] = "x", ["domainname"] = "x@t", ["businessunitid"] = new EntityReference("businessunit", bu) });
            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => svc.Delete("businessunit", bu)).Detail.ErrorCode);
        }

        [Fact]
        public void Alternate_keys_are_unique()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_code"] = "K1" });
            var f = Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "b", ["crmc_code"] = "K1" }));
            Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, f.Detail.ErrorCode);
            var other = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "c", ["crmc_code"] = "K2" });
            f = Fails(() => svc.Update(new Entity("crmc_widget", other) { ["crmc_code"] = "K1" }));
            Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, f.Detail.ErrorCode);
        }
    }
}
