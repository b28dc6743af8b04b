using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A function may have two current reviews of one deal: CrmCollab's, and one an administrator made by hand. Its newest
    /// word is the one that counts — at the gate, in the deal's status and when CrmCollab decides whether to ask again (two
    /// made at the same instant: NewestReviewsTests).
    /// </summary>
    public class SeveralCurrentReviewsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _deal;

        /// <summary>Finance reviews a custom deal above 50k from Develop (its amount); a second finance rule looks at the
        /// discount from Propose, before Close. The deal has reached Develop: Finance is asked about the amount.</summary>
        public SeveralCurrentReviewsScenarios()
        {
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: _fiona);
            _org.FeasibilityRule("Finance above 50k", BusinessFunction.Finance, "estimatedvalue");
            Guid discount = _org.FeasibilityRule("Finance discount before close", BusinessFunction.Finance, "crmc_discountpercent");
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", discount)
                { ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Propose), ["crmc_gatestage"] = new OptionSetValue(SalesStage.Close) });
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(account);
            _org.MoveTo(_deal, SalesStage.Develop);
        }

        private Guid FinanceReviewByHand() => _org.As(_org.Admin).Create(new Entity("crmc_feasibilityreview")
        {
            ["crmc_name"] = "Finance: amount and discount",
            ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
            ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
            ["ownerid"] = new EntityReference("systemuser", _fiona),
        });

        private Entity[] FinanceReviews() => _org.Reviews(_deal).Entities
            .Where(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance).ToArray();

        [Fact]
        public void A_deal_whose_newest_finance_approval_covers_the_discount_is_not_asked_finance_again_at_close_and_is_won()
        {
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved); // the amount only
            Guid byHand = FinanceReviewByHand(); // recorded as watching what both finance rules watch
            _org.Decide(_fiona, new Entity("crmc_feasibilityreview", byHand), ReviewDecision.Approved);

            _org.MoveTo(_deal, SalesStage.Close);

            Assert.Equal(2, FinanceReviews().Length); // Finance's newest word covers the discount: nothing to ask again
            Assert.All(FinanceReviews(), r => Assert.Equal((int)ReviewDecision.Approved, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
            _org.Win(_deal);
            Assert.Equal(1, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
