using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal reopened by an administrator keeps the terms it was won on locked (crmc_wonon stays), and an amendment
    /// changes a deal's terms only while it is won. So on the reopened deal neither path is open now: each refusal says
    /// so, and what to do (win it again, then raise the amendment), instead of sending the person to the other one.
    /// </summary>
    public class ReopenedDealTermsScenarios
    {
        private static readonly string[] Touched = { "opportunity", "crmc_amendment" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _deal;

        public ReopenedDealTermsScenarios()
        {
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _deal = _org.Deal(_org.Account("Contoso"));
            _org.Win(_deal);
            _org.HandToAndReopen(_deal, _manager);
        }

        [Fact]
        public void A_reopened_deals_discount_is_refused_with_a_sentence_saying_to_win_it_again_before_an_amendment()
        {
            string refusal = _org.Refused(RefusalCodes.TermsLocked,
                () => _org.As(_manager).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 15m }), Touched);

            Assert.Contains("reopened", refusal);
            Assert.Contains("win it again", refusal);
        }

        [Fact]
        public void An_amendment_of_a_reopened_deal_is_refused_without_sending_the_person_to_edit_the_locked_terms()
        {
            string refusal = _org.Refused(RefusalCodes.AmendmentDealNotWon, () => _org.Amendment(_deal, discount: 15m, asUser: _manager), Touched);

            Assert.DoesNotContain("edit its terms directly", refusal);
            Assert.Contains("reopened", refusal);
            Assert.Contains("won again", refusal);
        }

        [Fact]
        public void A_reopened_deal_won_again_takes_its_amendment()
        {
            _org.Win(_deal, _manager);
            Guid amendment = _org.Amendment(_deal, discount: 15m, asUser: _manager);
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Assert.Equal(15m, _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void A_never_won_lost_deal_is_still_told_to_edit_its_terms_directly()
        {
            Guid lost = _org.Deal(_org.Account("Fabrikam"), "Spare parts");
            _org.Lose(lost);

            string refusal = _org.Refused(RefusalCodes.AmendmentDealNotWon, () => _org.Amendment(lost), Touched);

            Assert.Equal(AmendmentRules.DealNotWon + " [CRMC-AMENDMENT-DEAL-NOT-WON]", refusal);
        }
    }
}
