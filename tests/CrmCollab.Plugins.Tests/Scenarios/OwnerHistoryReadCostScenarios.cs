using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// What the Owner History costs where reviews are decided and deals move on: a deal handed from one salesperson to
    /// another (its history names users only) is decided and moved past the gate with the reads of a deal never handed on;
    /// team membership is asked only when the history names a team.
    /// </summary>
    public class OwnerHistoryReadCostScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _carl;

        public OwnerHistoryReadCostScenarios()
        {
            (_lena, _fiona, _account, _) = _org.CustomDealInQualify();
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
        }

        /// <summary>Both reviews approved by their reviewers and the deal moved to Propose: the queries CrmCollab's steps made.</summary>
        private int QueriesToDecideAndMoveOn(Guid deal)
        {
            _org.MoveTo(deal, SalesStage.Develop);
            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.Decide(_lena, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
                _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
                _org.MoveTo(deal, SalesStage.Propose);
                Assert.Equal(SalesStage.Propose, _org.DealState(deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
                return scope.PluginCallsFor("RetrieveMultiple");
            }
        }

        [Fact]
        public void A_deal_handed_to_a_colleague_and_back_is_decided_and_moved_on_with_the_reads_of_a_deal_never_handed_on()
        {
            Guid kept = _org.CustomDeal(_account), handedOn = _org.CustomDeal(_account);
            foreach (Guid owner in new[] { _carl, _org.Rep })
                _org.System.Execute(new AssignRequest { Target = new EntityReference("opportunity", handedOn), Assignee = new EntityReference("systemuser", owner) });
            Assert.Equal(2, DealOwnerHistory.Parse(_org.System.Retrieve("opportunity", handedOn, new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_ownerhistory"))
                .GetAttributeValue<string>("crmc_ownerhistory")).Count);

            Assert.Equal(QueriesToDecideAndMoveOn(kept), QueriesToDecideAndMoveOn(handedOn));
        }
    }
}
