using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Moving a deal's sales process is moving the deal: a salesperson may move the flow of their own deals, not a
    /// colleague's, even though their role may write every flow row.
    /// </summary>
    public class FlowRightsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal, _flow;

        public FlowRightsScenarios()
        {
            Guid lena, fiona;
            (lena, fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _flow = _org.System.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityDevelopStageId),
            });
        }

        private int Stage() => _org.System.Retrieve("opportunity", _deal, new ColumnSet("salesstage")).GetAttributeValue<OptionSetValue>("salesstage").Value;

        private void MoveFlow(Guid asUser, Guid stage) => _org.As(asUser).Update(new Entity("opportunitysalesprocess", _flow)
        {
            ["activestageid"] = new EntityReference("processstage", stage),
        });

        [Fact]
        public void A_colleague_cannot_move_someone_elses_deal_through_its_flow()
        {
            Guid sam = _org.User("Sam Sales", "CrmCollab Salesperson");
            // Sam may not edit the deal itself ...
            Assert.NotNull(Record.Exception(() => _org.As(sam).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Qualify) })));

            // ... so neither through its flow, back or forward.
            string back = CrmCollabOrg.Refusal(() => MoveFlow(sam, WellKnownProcesses.OpportunityQualifyStageId));
            string forward = CrmCollabOrg.Refusal(() => MoveFlow(sam, WellKnownProcesses.OpportunityProposeStageId));

            // Nor by starting another flow on the deal at another stage (switching process): the platform itself refuses
            // him the link to a deal outside his reach (Append To), and nothing is written.
            int flows = _org.System.RetrieveMultiple(new QueryExpression("opportunitysalesprocess")).Entities.Count;
            Exception switched = Record.Exception(() => _org.As(sam).Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sam's flow", ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityQualifyStageId),
            }));

            Assert.Equal(RefusalCodes.FlowMoveDenied, Refusal.CodeOf(back));
            Assert.Equal(RefusalCodes.FlowMoveDenied, Refusal.CodeOf(forward));
            Assert.NotNull(switched);
            Assert.Equal(flows, _org.System.RetrieveMultiple(new QueryExpression("opportunitysalesprocess")).Entities.Count);
            Assert.Equal(SalesStage.Develop, Stage());
            Assert.Equal(WellKnownProcesses.OpportunityDevelopStageId,
                _org.System.Retrieve("opportunitysalesprocess", _flow, new ColumnSet("activestageid")).GetAttributeValue<EntityReference>("activestageid").Id);
        }

        [Fact]
        public void The_deals_owner_moves_it_through_its_flow()
        {
            MoveFlow(_org.Rep, WellKnownProcesses.OpportunityProposeStageId);

            Assert.Equal(SalesStage.Propose, Stage());
        }
    }
}
