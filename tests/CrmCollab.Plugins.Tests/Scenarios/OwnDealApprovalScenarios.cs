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
    /// A salesperson who is also the logistics contact of a small account is routed that account's Logistics reviews.
    /// As the deal's owner they may not decide them; handing the deal to a colleague for a moment (the Salesperson role
    /// assigns its own deals) made them "not the owner" while they approved it, and the colleague handed it back.
    /// </summary>
    public class OwnDealApprovalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _carl, _deal;

        public OwnDealApprovalScenarios()
        {
            Guid lena;
            (lena, _fiona, _, _) = _org.CustomDealInQualify();
            Guid account = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _org.Rep);
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: _fiona);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _deal = _org.CustomDeal(account);
            _org.MoveTo(_deal, SalesStage.Develop);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Assert.NotEqual(Guid.Empty, lena);
        }

        private void Assign(Guid from, Guid to) =>
            _org.As(from).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", to) });

        [Fact]
        public void A_salesperson_who_approved_their_own_deals_review_while_a_colleague_held_it_cannot_move_it_on_nor_win_it_once_it_is_back()
        {
            Assign(_org.Rep, _carl);
            _org.Decide(_org.Rep, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved); // not the owner for the moment
            Assign(_carl, _org.Rep);
            var before = TableSnapshot.Take(_org.System);

            string move = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose));
            string win = CrmCollabOrg.Refusal(() => _org.Win(_deal, drain: false));

            foreach (string message in new[] { move, win })
            {
                Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
                Assert.Contains("Logistics was approved by someone who owns this deal now", message);
                Assert.DoesNotContain("Finance", message);
            }
            before.AssertUnchanged(_org.System);
        }
    }
}
