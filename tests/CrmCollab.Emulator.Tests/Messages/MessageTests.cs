using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Messages
{
    public class MessageTests
    {
        private static OrganizationRequest Create(string table, string name) =>
            new CreateRequest { Target = new Entity(table) { [table == "account" ? "name" : "crmc_name"] = name } };

        [Fact]
        public void ExecuteTransaction_is_all_or_nothing_with_the_faulted_index()
        {
            var engine = new TestOrg().Boot();
            var request = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection { Create("account", "a"), Create("crmc_widget", new string('x', 50)), Create("account", "c") },
                ReturnResponses = true,
            };
            var fault = Fails(() => engine.SystemService.Execute(request));
            var detail = Assert.IsType<ExecuteTransactionFault>(fault.Detail);
            Assert.Equal(1, detail.FaultedRequestIndex);
            Assert.Equal(ErrorCodes.StringLengthTooLong, detail.ErrorCode);
            Assert.Equal(0, Count(engine, "account"));

            request.Requests[1] = Create("crmc_widget", "ok");
            var response = engine.SystemService.Execute(request);
            Assert.Equal(3, ((DataCollection<OrganizationResponse>)response.Results["Responses"]).Count);
            Assert.Equal(2, Count(engine, "account"));
        }

        [Fact]
        public void ExecuteMultiple_continues_on_error_and_reports_faults_per_item()
        {
            var engine = new TestOrg().Boot();
            var request = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { Create("account", "a"), Create("nosuchtable", "b"), Create("account", "c") },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(request);
            Assert.True(response.IsFaulted);
            Assert.Equal(3, response.Responses.Count);
            Assert.Equal(ErrorCodes.QueryBuilderNoEntity, response.Responses.Single(r => r.RequestIndex == 1).Fault.ErrorCode);
            Assert.IsType<CreateResponse>(response.Responses.Single(r => r.RequestIndex == 2).Response);
            Assert.Equal(2, Count(engine, "account"));

            request.Settings.ContinueOnError = false;
            response = (ExecuteMultipleResponse)engine.SystemService.Execute(request);
            Assert.Equal(2, response.Responses.Count);
            Assert.Equal(3, Count(engine, "account"));

            // A missing item is that item's fault, not an exception that ends the batch.
            request.Requests[1] = null;
            request.Settings.ContinueOnError = true;
            response = (ExecuteMultipleResponse)engine.SystemService.Execute(request);
            Assert.Equal(ErrorCodes.InvalidArgument, response.Responses.Single(r => r.RequestIndex == 1).Fault.ErrorCode);
            Assert.Equal(5, Count(engine, "account"));
        }

        [Fact]
        public void WinOpportunity_creates_the_close_activity_sets_state_and_is_refused_twice()
        {
            var org = new TestOrg();
            var fired = new List<string>();
            org.Step("Win", "opportunity", StepStage.PreOperation, run => // the sdkmessage of WinOpportunityRequest is "Win"
            {
                Assert.IsType<Entity>(run.Context.InputParameters["OpportunityClose"]);
                fired.Add("Win");
            });
            var update = org.Step("Update", "opportunity", StepStage.PostOperation, run => fired.Add("Update:" + run.Context.ParentContext?.MessageName));
            update.FilteringAttributes.Add("statecode");
            var engine = org.Boot();
            var svc = engine.SystemService;
            var opp = svc.Create(new Entity("opportunity") { ["name"] = "Big deal" });
            var win = new OrganizationRequest("WinOpportunity")
            {
                ["OpportunityClose"] = new Entity("opportunityclose")
                {
                    ["opportunityid"] = new EntityReference("opportunity", opp), ["actualrevenue"] = new Money(5000m), ["subject"] = "won",
                },
                ["Status"] = new OptionSetValue(3),
            };
            Assert.IsType<WinOpportunityResponse>(svc.Execute(win));
            var row = svc.Retrieve("opportunity", opp, new ColumnSet("statecode", "statuscode", "actualvalue", "actualclosedate"));
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(3, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(5000m, row.GetAttributeValue<Money>("actualvalue").Value);
            Assert.NotNull(row.GetAttributeValue<DateTime?>("actualclosedate"));
            var close = Assert.Single(svc.RetrieveMultiple(new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet(true) }).Entities);
            Assert.Equal(1, close.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(opp, close.GetAttributeValue<EntityReference>("opportunityid").Id);
            Assert.Equal(new[] { "Win", "Update:Win" }, fired);

            var again = Fails(() => svc.Execute(win));
            Assert.Equal(ErrorCodes.OpportunityIsAlreadyClosed, again.Detail.ErrorCode);
        }

        [Fact]
        public void LoseOpportunity_defaults_to_canceled()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var opp = svc.Create(new Entity("opportunity") { ["name"] = "Lost deal" });
            svc.Execute(new LoseOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opp) },
                Status = new OptionSetValue(-1),
            });
            var row = svc.Retrieve("opportunity", opp, new ColumnSet("statecode", "statuscode"));
            Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(4, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        }

        [Fact]
        public void Assign_and_SetState_also_fire_Update_steps()
        {
            var org = new TestOrg();
            var fired = new List<string>();
            org.Step("Assign", "crmc_widget", StepStage.PostOperation, run => fired.Add("Assign"));
            org.Step("SetState", "crmc_widget", StepStage.PostOperation, run => fired.Add("SetState"));
            org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
                fired.Add("Update[" + string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k)) + "]"));
            var engine = org.Boot();
            var svc = engine.SystemService;
            var user = TestOrg.AddUser(engine, "new-owner");
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            svc.Execute(new AssignRequest { Target = new EntityReference("crmc_widget", id), Assignee = new EntityReference("systemuser", user) });
            Assert.Equal(new[] { "Update[ownerid]", "Assign" }, fired);
            Assert.Equal(user, svc.Retrieve("crmc_widget", id, new ColumnSet("owninguser")).GetAttributeValue<EntityReference>("owninguser").Id);

            fired.Clear();
            svc.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_widget", id), State = new OptionSetValue(1), Status = new OptionSetValue(3) });
            Assert.Equal(new[] { "Update[statecode,statuscode]", "SetState" }, fired);
            Assert.Equal(3, svc.Retrieve("crmc_widget", id, new ColumnSet("statuscode")).GetAttributeValue<OptionSetValue>("statuscode").Value);
        }

        [Fact]
        public void An_owner_sent_empty_or_as_a_bare_id_is_refused_with_the_platforms_InvalidOwnerID_fault()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });

            var empty = FaultAssert.Fails(() => svc.Update(new Entity("crmc_widget", id) { ["ownerid"] = null }), ErrorCodes.InvalidOwnerID);
            FaultAssert.Fails(() => svc.Update(new Entity("crmc_widget", id) { ["ownerid"] = engine.SystemUserId }), ErrorCodes.InvalidOwnerID);
            FaultAssert.Fails(() => svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "x", ["ownerid"] = "SYSTEM" }), ErrorCodes.InvalidOwnerID);

            Assert.Equal("The owner ID is invalid or missing.", empty.Message);
            Assert.Equal(engine.SystemUserId, svc.Retrieve("crmc_widget", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Single(svc.RetrieveMultiple(new QueryExpression("crmc_widget")).Entities);
        }

        [Fact]
        public void Update_with_state_and_other_columns_runs_the_update_pipeline_twice()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Update", "crmc_widget", StepStage.PreOperation, run => seen.Add(string.Join(",", run.Target.Attributes.Keys.OrderBy(k => k))));
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_notes"] = "n", ["statecode"] = new OptionSetValue(1) });
            Assert.Equal(new[] { "crmc_notes", "statecode" }, seen);

            // An Upsert's Update is a caller's Update too (only the state change a Win or Lose makes is the platform's own).
            seen.Clear();
            engine.SystemService.Execute(new UpsertRequest { Target = new Entity("crmc_widget", id) { ["crmc_notes"] = "m", ["statecode"] = new OptionSetValue(0) } });
            Assert.Equal(new[] { "crmc_notes", "statecode" }, seen);
        }

        [Fact]
        public void Upsert_creates_then_updates_by_alternate_key()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var target = new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "first" };
            var created = (UpsertResponse)svc.Execute(new UpsertRequest { Target = target });
            Assert.True(created.RecordCreated);
            var updated = (UpsertResponse)svc.Execute(new UpsertRequest { Target = new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "second" } });
            Assert.False(updated.RecordCreated);
            Assert.Equal(created.Target.Id, updated.Target.Id);
            var row = svc.Retrieve("crmc_widget", created.Target.Id, new ColumnSet("crmc_name", "crmc_code"));
            Assert.Equal("second", row["crmc_name"]);
            Assert.Equal("W-1", row["crmc_code"]);
        }

        [Fact]
        public void CreateMultiple_fires_its_own_steps_once_and_Create_steps_per_row()
        {
            var org = new TestOrg();
            int multiple = 0, single = 0;
            org.Step("CreateMultiple", "crmc_widget", StepStage.PostOperation, run =>
            {
                multiple++;
                Assert.Equal(2, ((EntityCollection)run.Context.InputParameters["Targets"]).Entities.Count);
            });
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => single++);
            var engine = org.Boot();
            var response = (CreateMultipleResponse)engine.SystemService.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget") { ["crmc_name"] = "a" }, new Entity("crmc_widget") { ["crmc_name"] = "b" },
                }) { EntityName = "crmc_widget" },
            });
            Assert.Equal(2, response.Ids.Length);
            Assert.Equal(1, multiple);
            Assert.Equal(2, single);
            Assert.Equal(2, Count(engine, "crmc_widget"));
        }

        [Fact]
        public void Generic_requests_dispatch_by_name_and_get_typed_responses()
        {
            var engine = new TestOrg().Boot();
            var response = engine.SystemService.Execute(new OrganizationRequest("Create") { ["Target"] = new Entity("account") { ["name"] = "g" } });
            var id = Assert.IsType<CreateResponse>(response).id;
            var retrieved = (RetrieveResponse)engine.SystemService.Execute(new OrganizationRequest("Retrieve")
            {
                ["Target"] = new EntityReference("account", id), ["ColumnSet"] = new ColumnSet("name"),
            });
            Assert.Equal("g", retrieved.Entity["name"]);
            var unknown = Fails(() => engine.SystemService.Execute(new OrganizationRequest("crmc_DoesNotExist")));
            Assert.Equal(ErrorCodes.SdkMessageNotImplemented, unknown.Detail.ErrorCode);
        }

        [Fact]
        public void Custom_api_messages_run_their_steps_and_return_output_parameters()
        {
            var org = new TestOrg();
            org.Step("crmc_Ping", null, StepStage.PostOperation, run => run.Context.OutputParameters["Reply"] = "pong:" + run.Context.InputParameters["Text"]);
            var engine = org.Boot();
            var response = engine.SystemService.Execute(new OrganizationRequest("crmc_Ping") { ["Text"] = "hi" });
            Assert.Equal("pong:hi", response.Results["Reply"]);
        }

        [Fact]
        public void Associate_writes_intersect_rows_and_lookups_and_AddMembersTeam_adds_members()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var user = TestOrg.AddUser(engine, "member");
            var team = svc.Create(new Entity("team")
            {
                ["name"] = "T", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
                ["administratorid"] = new EntityReference("systemuser", engine.SystemUserId),
            });
            svc.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = new[] { user } });
            var links = svc.RetrieveMultiple(new QueryExpression("teammembership") { ColumnSet = new ColumnSet(true) }).Entities;
            var link = Assert.Single(links, l => Equals(l["teamid"], team));
            Assert.Equal(user, link["systemuserid"]);
            svc.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = new[] { user } }); // already a member: no second row
            Assert.Single(svc.RetrieveMultiple(new QueryExpression("teammembership") { ColumnSet = new ColumnSet(true) }).Entities,
                l => Equals(l["teamid"], team));
            svc.Execute(new OrganizationRequest("RemoveMembersTeam") { ["TeamId"] = team, ["MemberIds"] = new[] { user } });
            Assert.DoesNotContain(svc.RetrieveMultiple(new QueryExpression("teammembership") { ColumnSet = new ColumnSet(true) }).Entities,
                l => Equals(l["teamid"], team));

            var account = svc.Create(new Entity("account") { ["name"] = "A" });
            var widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            svc.Associate("account", account, new Relationship("crmc_account_widgets"),
                new EntityReferenceCollection { new EntityReference("crmc_widget", widget) });
            Assert.Equal(account, svc.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid").Id);
            svc.Disassociate("account", account, new Relationship("crmc_account_widgets"),
                new EntityReferenceCollection { new EntityReference("crmc_widget", widget) });
            Assert.Null(svc.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid"));

            var role = svc.Create(new Entity("role") { ["name"] = "R", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId) });
            svc.Associate("systemuser", user, new Relationship("systemuserroles_association"),
                new EntityReferenceCollection { new EntityReference("role", role) });
            Assert.Equal(1, Count(engine, "systemuserroles"));
            Fails(() => svc.Associate("systemuser", user, new Relationship("systemuserroles_association"),
                new EntityReferenceCollection { new EntityReference("role", role) }), ErrorCodes.DuplicateRecord);
            Assert.Equal(1, Count(engine, "systemuserroles"));
        }
    }
}
