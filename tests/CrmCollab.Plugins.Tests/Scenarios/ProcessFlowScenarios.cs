using System;
using System.IO;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Tooling.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Business process flows: every flow on the opportunity — both out-of-box ones and an administrator's own — is
    /// gated like the deal, whether its instance is moved or created at a later stage, and whatever its stages are called.
    /// </summary>
    public class ProcessFlowScenarios
    {
        private static Guid Instance(CrmCollabOrg org, string table, Guid process, Guid stage, Guid deal, string dealLookup = "opportunityid",
            Guid? asUser = null) =>
            (asUser.HasValue ? org.As(asUser.Value) : org.System).Create(new Entity(table)
            {
                [table.StartsWith("new_", StringComparison.Ordinal) ? "bpf_name" : "name"] = "Sales flow",
                [dealLookup] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", process),
                ["activestageid"] = new EntityReference("processstage", stage),
            });

        private static void Move(CrmCollabOrg org, string table, Guid instance, Guid stage, Guid? asUser) =>
            (asUser.HasValue ? org.As(asUser.Value) : org.System).Update(new Entity(table, instance) { ["activestageid"] = new EntityReference("processstage", stage) });

        private static string Refused(CrmCollabOrg org, Action attempt, string code)
        {
            var before = TableSnapshot.Take(org.System, TableSnapshot.DealTables.Concat(new[] { "leadtoopportunitysalesprocess" }).ToArray());
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(code, Refusal.CodeOf(message));
            before.AssertUnchanged(org.System);
            return message;
        }

        [Fact]
        public void A_deal_qualified_from_a_lead_gets_its_reviews_on_the_lead_to_opportunity_flow_and_is_gated_there()
        {
            var org = new CrmCollabOrg();
            var (_, _, account, _) = org.CustomDealAwaitingReviews();
            Guid deal = org.CustomDeal(account);
            Guid flow = Instance(org, "leadtoopportunitysalesprocess", WellKnownProcesses.LeadToOpportunitySalesProcessId,
                WellKnownProcesses.LeadQualifyStageId, deal, asUser: org.Rep);

            Move(org, "leadtoopportunitysalesprocess", flow, WellKnownProcesses.LeadDevelopStageId, org.Rep);

            Assert.Equal(SalesStage.Develop, org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
            Assert.Equal(2, org.Reviews(deal).Entities.Count); // requested by the flow's move
            string message = Refused(org, () => Move(org, "leadtoopportunitysalesprocess", flow, WellKnownProcesses.LeadProposeStageId, org.Rep),
                RefusalCodes.GateNotCleared);
            Assert.Contains("cannot enter Propose", message);
            Assert.Contains("Logistics pending (Lena Logistics", message);
        }

        [Fact]
        public void A_flow_instance_created_directly_at_a_later_stage_is_refused_like_a_move()
        {
            var org = new CrmCollabOrg();
            var (_, _, _, deal) = org.CustomDealAwaitingReviews();

            string message = Refused(org, () => Instance(org, "opportunitysalesprocess", WellKnownProcesses.OpportunitySalesProcessId,
                WellKnownProcesses.OpportunityProposeStageId, deal, asUser: org.Rep), RefusalCodes.GateNotCleared);

            Assert.Contains("Finance pending (Fiona Finance", message);
        }

        [Fact]
        public void An_administrators_own_flow_added_with_bpf_add_is_gated_even_at_a_stage_without_a_category()
        {
            using var custom = new CustomSalesFlow();
            CrmCollabOrg org = custom.Org;
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            custom.CreateFlow();
            Guid process = custom.Process, qualify = custom.Discover, develop = custom.Shape, legal = custom.Legal, propose = custom.Offer;
            Guid flow = Instance(org, "new_customsalesprocess", process, develop, deal, "bpf_opportunityid");

            // "Legal check" has no category but sits past the trigger stage: held like Propose.
            Assert.Contains("Logistics pending", Refused(org, () => Move(org, "new_customsalesprocess", flow, legal, null), RefusalCodes.GateNotCleared));
            Refused(org, () => Move(org, "new_customsalesprocess", flow, propose, null), RefusalCodes.GateNotCleared);

            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Move(org, "new_customsalesprocess", flow, legal, null);
            Assert.Equal(SalesStage.Propose, org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
            Assert.NotEqual(Guid.Empty, qualify);
        }

        [Fact]
        public void A_cleared_deal_moves_through_both_out_of_box_flows_and_is_won()
        {
            var org = new CrmCollabOrg();
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Guid sales = Instance(org, "opportunitysalesprocess", WellKnownProcesses.OpportunitySalesProcessId,
                WellKnownProcesses.OpportunityDevelopStageId, deal, asUser: org.Rep);
            Guid fromLead = Instance(org, "leadtoopportunitysalesprocess", WellKnownProcesses.LeadToOpportunitySalesProcessId,
                WellKnownProcesses.LeadDevelopStageId, deal, asUser: org.Rep);

            Move(org, "opportunitysalesprocess", sales, WellKnownProcesses.OpportunityProposeStageId, org.Rep);
            Move(org, "leadtoopportunitysalesprocess", fromLead, WellKnownProcesses.LeadCloseStageId, org.Rep);
            org.Win(deal, drain: false);

            Assert.Equal(1, org.System.Retrieve("opportunity", deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
