using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Sam raises and submits an amendment of his won deal, then hands the deal to his colleague Cleo: the deal's
    /// amendments follow it (Assign cascades), so Cleo owns Sam's submitted amendment and, as a salesperson, may delete
    /// what she owns. Taking a submitted amendment out of Amendments awaiting approval without a decision is its author's
    /// (or a CrmCollab Administrator's) alone, as moving it back to Draft is: her delete is refused; a draft stays free.
    /// </summary>
    public class HandedDealAmendmentDeleteScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _cleo, _deal;

        public HandedDealAmendmentDeleteScenarios()
        {
            _cleo = _org.Setup.CreateUser("Cleo Colleague", _org.Sales, "CrmCollab Salesperson");
            _deal = _org.Deal(_org.Account("Contoso"));
            _org.Win(_deal);
        }

        private void HandToCleo() => _org.As(_org.Rep).Execute(new AssignRequest
        {
            Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", _cleo),
        });

        [Theory]
        [InlineData("Delete")]
        [InlineData("ExecuteMultiple")]
        public void A_colleague_handed_the_deal_cannot_delete_its_submitted_amendment(string channel)
        {
            Guid amendment = _org.Amendment(_deal, discount: 7m);
            HandToCleo();
            IOrganizationService cleo = _org.As(_cleo);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentAuthorOnly, () =>
            {
                if (channel == "Delete") cleo.Delete("crmc_amendment", amendment);
                else CrmCollabOrg.InExecuteMultiple(cleo, new DeleteRequest { Target = new EntityReference("crmc_amendment", amendment) });
            }, Touched);

            Assert.Contains("waiting for approval", refusal);
            // It waits for its approver, who decides it.
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);
            Assert.Equal(7m, _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void A_colleague_handed_the_deal_deletes_a_draft_and_an_administrator_a_submitted_one()
        {
            Guid draft = _org.Amendment(_deal, discount: 6m, submit: false);
            Guid submitted = _org.Amendment(_deal, discount: 7m);
            HandToCleo();

            _org.As(_cleo).Delete("crmc_amendment", draft);
            _org.As(_org.Admin).Delete("crmc_amendment", submitted);
        }

        [Fact]
        public void Its_author_deletes_his_own_submitted_amendment()
        {
            Guid submitted = _org.Amendment(_deal, discount: 7m);
            _org.As(_org.Rep).Delete("crmc_amendment", submitted);
        }
    }
}
