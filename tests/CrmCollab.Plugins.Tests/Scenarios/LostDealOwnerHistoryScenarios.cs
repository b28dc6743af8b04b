using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The rep, who is also Fabrikam's logistics contact, loses a deal; Fabrikam is then reassigned to Carl and the
    /// platform cascades the lost deal to him. The account's step records the owners of its open deals only, and no page
    /// says the cascade runs the deal's own steps (modelled here by leaving the deal's owner steps out), so the rep was
    /// nowhere in the deal's Owner History: Carl (any salesperson may reopen a lost deal) reopened it, its reviews were
    /// asked again, the Logistics one of the rep, who approved it, and Carl moved the deal on. CrmCollab now records the
    /// deal's owner when it is lost, inside the Lose.
    /// </summary>
    public class LostDealOwnerHistoryScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
            s.PluginTypeName.EndsWith(".DealOwnerRecord", StringComparison.Ordinal) && s.PrimaryEntity == "opportunity"
            && (s.MessageName == "Assign" || s.MessageName == "Update")));
        private readonly Guid _fiona, _carl, _account, _deal;

        public LostDealOwnerHistoryScenarios()
        {
            (_, _fiona, _, _) = _org.CustomDealInQualify();
            _account = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep);
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _deal = _org.CustomDeal(_account);
        }

        private Entity Logistics => _org.Review(_deal, BusinessFunction.Logistics);

        [Fact]
        public void A_lost_deal_that_moved_with_its_account_and_was_reopened_by_the_colleague_is_not_approved_by_its_former_owner()
        {
            _org.MoveTo(_deal, SalesStage.Develop); // the rep's deal: its reviews are asked (routing passes the rep over for Logistics)
            _org.Lose(_deal); // the pending reviews are withdrawn
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", _carl) });
            Assert.Equal(_carl, _org.System.Retrieve("opportunity", _deal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);

            _org.As(_carl).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });
            Entity logistics = Logistics;
            Assert.Equal((int)ReviewDecision.Pending, logistics.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            // The owner recorded at the loss keeps routing from giving the rep the review asked at the reopen...
            Assert.NotEqual(_org.Rep, logistics.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("user Sam Sales owns or has owned this deal", _org.System.Retrieve("crmc_feasibilityreview", logistics.Id,
                new ColumnSet("crmc_routingpath")).GetAttributeValue<string>("crmc_routingpath"));
            // ...and from deciding it when it is passed on to them by hand.
            _org.System.Execute(new AssignRequest { Target = logistics.ToEntityReference(), Assignee = new EntityReference("systemuser", _org.Rep) });
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);

            _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, logistics, ReviewDecision.Approved), Touched);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl))));
            Assert.Contains(_org.Rep, DealOwnerHistory.Parse(_org.System.Retrieve("opportunity", _deal, new ColumnSet("crmc_ownerhistory"))
                .GetAttributeValue<string>("crmc_ownerhistory")));
        }
    }
}
