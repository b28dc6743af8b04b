using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Engine.WellKnownProcesses;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Processes
{
    /// <summary>Business process flows: the out-of-box sales processes, their instance tables, an admin's own flow.</summary>
    public class BusinessProcessFlowTests
    {
        private static EntityReference Stage(Guid id) => new EntityReference("processstage", id);

        private static Guid[] ActivePath(IOrganizationService service, Guid instance) =>
            ((RetrieveActivePathResponse)service.Execute(new RetrieveActivePathRequest { ProcessInstanceId = instance }))
                .ProcessStages.Entities.Select(s => s.Id).ToArray();

        [Fact]
        public void Every_organisation_starts_with_both_sales_process_flows_activated()
        {
            var svc = new TestOrg().Boot().SystemService;
            var columns = new ColumnSet("uniquename", "category", "primaryentity", "statecode");
            var opportunityFlow = svc.Retrieve("workflow", OpportunitySalesProcessId, columns);
            Assert.Equal("opportunitysalesprocess", opportunityFlow["uniquename"]);
            Assert.Equal(4, opportunityFlow.GetAttributeValue<OptionSetValue>("category").Value); // Business Process Flow
            Assert.Equal("opportunity", opportunityFlow["primaryentity"]);
            Assert.Equal(1, opportunityFlow.GetAttributeValue<OptionSetValue>("statecode").Value); // Activated
            var leadFlow = svc.Retrieve("workflow", LeadToOpportunitySalesProcessId, columns);
            Assert.Equal("leadtoopportunitysalesprocess", leadFlow["uniquename"]);
            Assert.Equal("lead", leadFlow["primaryentity"]);

            // Microsoft's stage ids; the lead flow qualifies on the lead and develops, proposes and closes on the deal.
            var stages = svc.RetrieveMultiple(new QueryExpression("processstage")
            {
                ColumnSet = new ColumnSet("stagename", "stagecategory", "primaryentitytypecode"),
                Criteria = { Conditions = { new ConditionExpression("processid", ConditionOperator.Equal, LeadToOpportunitySalesProcessId) } },
            }).Entities.ToDictionary(s => s.Id);
            Assert.Equal(new[] { LeadQualifyStageId, LeadDevelopStageId, LeadProposeStageId, LeadCloseStageId }.OrderBy(i => i), stages.Keys.OrderBy(i => i));
            Assert.Equal("lead", stages[LeadQualifyStageId]["primaryentitytypecode"]);
            Assert.Equal("opportunity", stages[LeadCloseStageId]["primaryentitytypecode"]);
            Assert.Equal(Close, stages[LeadCloseStageId].GetAttributeValue<OptionSetValue>("stagecategory").Value);
            Assert.Equal("Develop", svc.Retrieve("processstage", OpportunityDevelopStageId, new ColumnSet("stagename"))["stagename"]);
        }

        [Fact]
        public void The_active_path_of_a_deal_lists_Qualify_Develop_Propose_Close_with_their_categories()
        {
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Press line" });
            var instance = svc.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Opportunity Sales Process", ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", OpportunitySalesProcessId),
                ["activestageid"] = Stage(OpportunityDevelopStageId),
                ["traversedpath"] = OpportunityQualifyStageId + "," + OpportunityDevelopStageId,
            });

            var path = ((RetrieveActivePathResponse)svc.Execute(new RetrieveActivePathRequest { ProcessInstanceId = instance })).ProcessStages;
            Assert.Equal(new[] { OpportunityQualifyStageId, OpportunityDevelopStageId, OpportunityProposeStageId, OpportunityCloseStageId },
                path.Entities.Select(s => s.Id));
            Assert.Equal(new[] { "Qualify", "Develop", "Propose", "Close" }, path.Entities.Select(s => s.GetAttributeValue<string>("stagename")));
            Assert.Equal(new[] { Qualify, Develop, Propose, Close },
                path.Entities.Select(s => s.GetAttributeValue<OptionSetValue>("stagecategory").Value));
            Assert.All(path.Entities, s =>
            {
                Assert.Equal("processstage", s.LogicalName);
                Assert.Equal(s.Id, s["processstageid"]);
                Assert.Equal(OpportunitySalesProcessId, s.GetAttributeValue<EntityReference>("processid").Id);
                Assert.Equal("opportunity", s["primaryentitytypecode"]);
            });
        }

        [Fact]
        public void A_deal_qualified_from_a_lead_follows_the_lead_to_opportunity_path()
        {
            var svc = new TestOrg().Boot().SystemService;
            var lead = svc.Create(new Entity("lead") { ["lastname"] = "Moreau", ["subject"] = "Press line" });
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Press line", ["originatingleadid"] = new EntityReference("lead", lead) });
            var instance = svc.Create(new Entity("leadtoopportunitysalesprocess")
            {
                ["name"] = "Lead to Opportunity Sales Process", ["leadid"] = new EntityReference("lead", lead),
                ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", LeadToOpportunitySalesProcessId),
                ["activestageid"] = Stage(LeadDevelopStageId),
            });
            Assert.Equal(new[] { LeadQualifyStageId, LeadDevelopStageId, LeadProposeStageId, LeadCloseStageId }, ActivePath(svc, instance));
        }

        [Fact]
        public void An_admins_own_flow_works_like_the_out_of_box_ones_and_keeps_its_order_when_a_stage_is_renamed()
        {
            var org = new TestOrg();
            var table = BusinessProcessFlowTables.AddCustom(org.Solution.Catalog, "new_bpf_xyz", "opportunity");
            var engine = org.Boot();
            var svc = engine.SystemService;
            var process = BusinessProcessFlows.CreateProcess(svc, "new_bpf_xyz", "Deal review", "opportunity");
            var screen = BusinessProcessFlows.AddStage(svc, process, "Screen", null, "opportunity"); // a custom stage, no category
            var review = BusinessProcessFlows.AddStage(svc, process, "Review", Develop, "opportunity");
            var decide = BusinessProcessFlows.AddStage(svc, process, "Decide", Close, "opportunity");
            svc.Update(new Entity("processstage", screen) { ["stagename"] = "First look" }); // admins rename stages

            Assert.True(table.IsBusinessProcessFlow);
            Assert.Equal(OwnershipType.OrganizationOwned, table.Ownership);
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Retrofit" });
            // No processid on the instance: the flow is found by its table's name, as the platform names BPF tables.
            var instance = svc.Create(new Entity("new_bpf_xyz")
            {
                ["bpf_name"] = "Deal review", ["bpf_opportunityid"] = new EntityReference("opportunity", deal), ["activestageid"] = Stage(review),
            });
            var path = ((RetrieveActivePathResponse)svc.Execute(new RetrieveActivePathRequest { ProcessInstanceId = instance })).ProcessStages.Entities;
            Assert.Equal(new[] { screen, review, decide }, path.Select(s => s.Id));
            Assert.Equal("First look", path[0]["stagename"]);
            Assert.False(path[0].Contains("stagecategory"));
        }

        [Fact]
        public void A_table_shaped_like_a_process_flow_is_one_even_without_the_metadata_flag()
        {
            var catalog = BuiltInTables.CreateCatalog();
            var table = BusinessProcessFlowTables.AddCustom(catalog, "new_bpf_imported", "account", "contact");
            table.IsBusinessProcessFlow = false; // as read from solution XML that does not carry IsBPFEntity
            Assert.True(BusinessProcessFlowTables.IsBusinessProcessFlow(table));
            Assert.Equal(new[] { "account" }, table.Column("bpf_accountid").Targets);
            Assert.Equal(new[] { "contact" }, table.Column("bpf_contactid").Targets);
            Assert.False(BusinessProcessFlowTables.IsBusinessProcessFlow(catalog.Table("opportunity")));
            Assert.Equal(new[] { "leadtoopportunitysalesprocess", "new_bpf_imported", "opportunitysalesprocess" },
                BusinessProcessFlowTables.In(catalog).Select(t => t.LogicalName).OrderBy(n => n));
        }

        [Fact]
        public void Asking_the_path_of_something_that_is_not_a_process_instance_is_a_not_found_fault()
        {
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Not an instance" });
            Fails(() => svc.Execute(new RetrieveActivePathRequest { ProcessInstanceId = deal }), ErrorCodes.ObjectDoesNotExist);
            Fails(() => svc.Execute(new RetrieveActivePathRequest { ProcessInstanceId = Guid.NewGuid() }), ErrorCodes.ObjectDoesNotExist);
            Fails(() => svc.Execute(new RetrieveActivePathRequest()), ErrorCodes.InvalidArgument);
        }

        [Fact]
        public void Starting_and_moving_a_lead_to_opportunity_flow_runs_the_steps_of_its_own_table()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            org.Step("Create", "leadtoopportunitysalesprocess", StepStage.PreOperation, run =>
                seen.Add("Create at " + run.Target.GetAttributeValue<EntityReference>("activestageid").Id));
            var move = org.Step("Update", "leadtoopportunitysalesprocess", StepStage.PreOperation, run =>
            {
                var to = run.Target.GetAttributeValue<EntityReference>("activestageid").Id;
                if (to == LeadCloseStageId) throw new InvalidPluginExecutionException("Close needs approved reviews.");
                seen.Add("Move to " + to);
            });
            move.FilteringAttributes.Add("activestageid");
            var engine = org.Boot();
            var svc = engine.SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Press line" });
            // A flow may be created at any stage (switching process, API), not only at the first.
            var instance = svc.Create(new Entity("leadtoopportunitysalesprocess")
            {
                ["name"] = "Lead to Opportunity Sales Process", ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", LeadToOpportunitySalesProcessId), ["activestageid"] = Stage(LeadDevelopStageId),
                ["traversedpath"] = LeadQualifyStageId + "," + LeadDevelopStageId,
            });
            svc.Update(new Entity("leadtoopportunitysalesprocess", instance) { ["activestageid"] = Stage(LeadProposeStageId) });
            Assert.Equal(new[] { "Create at " + LeadDevelopStageId, "Move to " + LeadProposeStageId }, seen);

            // A refusal on the flow's table surfaces to the user and the move does not happen.
            var refused = Fails(() => svc.Update(new Entity("leadtoopportunitysalesprocess", instance) { ["activestageid"] = Stage(LeadCloseStageId) }),
                ErrorCodes.IsvAborted);
            Assert.Equal("Close needs approved reviews.", refused.Message);
            Assert.Equal(LeadProposeStageId, svc.Retrieve("leadtoopportunitysalesprocess", instance, new ColumnSet("activestageid"))
                .GetAttributeValue<EntityReference>("activestageid").Id);
        }

        [Fact]
        public void Deleting_a_lead_removes_its_flow_while_deleting_the_deal_only_unlinks_it()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var lead = svc.Create(new Entity("lead") { ["lastname"] = "Moreau" });
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Press line" });
            var instance = svc.Create(new Entity("leadtoopportunitysalesprocess")
            {
                ["name"] = "Lead to Opportunity Sales Process", ["leadid"] = new EntityReference("lead", lead),
                ["opportunityid"] = new EntityReference("opportunity", deal), ["activestageid"] = Stage(LeadQualifyStageId),
            });
            svc.Delete("opportunity", deal); // lk_leadtoopportunitysalesprocess_opportunityid: NoCascade
            Assert.Null(svc.Retrieve("leadtoopportunitysalesprocess", instance, new ColumnSet("opportunityid")).GetAttributeValue<EntityReference>("opportunityid"));
            svc.Delete("lead", lead); // lk_leadtoopportunitysalesprocess_leadid: Cascade
            Assert.Equal(0, TestOrg.Count(engine, "leadtoopportunitysalesprocess"));
        }
    }
}
