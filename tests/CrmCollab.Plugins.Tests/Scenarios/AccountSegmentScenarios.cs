using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An account's industry decides which rules apply to its deals: when it changes (by a CrmCollab Administrator while
    /// the account has open deals, AccountSegmentLockScenarios), its open deals are re-evaluated at once, without waiting
    /// for a save of the deal.
    /// </summary>
    public class AccountSegmentScenarios
    {
        private const int Retail = 27;
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Roles.Add(AccountSegmentLockScenarios.AccountEditorRole()));
        private readonly Guid _fiona, _account, _deal, _ada;

        public AccountSegmentScenarios()
        {
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _ada = _org.Setup.CreateUser("Ada Accounts", _org.Operations, "CrmCollab Administrator", AccountSegmentLockScenarios.AccountEditor);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _org.FeasibilityRule("Discounted custom deals: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Retail: finance", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_industrycode"] = new OptionSetValue(Retail), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 48,
                ["crmc_relevantcolumns"] = "crmc_paymentterms", ["crmc_isactive"] = true,
            });
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(_account);
            _org.MoveTo(_deal, SalesStage.Develop);
        }

        private void Industry(int? code)
        {
            _org.As(_ada).Update(new Entity("account", _account) { ["industrycode"] = code == null ? null : new OptionSetValue(code.Value) });
            _org.Engine.DrainAsync();
        }

        /// <summary>A standard deal of Fabrikam, a retail account, at Develop: only the retail rule asks Finance.</summary>
        private Guid StandardRetailDeal(out Guid account)
        {
            account = _org.Account("Fabrikam");
            _org.As(_org.Rep).Update(new Entity("account", account) { ["industrycode"] = new OptionSetValue(Retail) });
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: _fiona);
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Standard retail deal", ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(20000m),
                ["salesstage"] = new OptionSetValue(SalesStage.Qualify), ["customerneed"] = "Shelving", ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60), ["budgetamount"] = new Money(20000m),
            });
            _org.MoveTo(deal, SalesStage.Develop);
            return deal;
        }

        private int Decision(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void A_customer_that_becomes_retail_has_its_finance_approval_asked_again_at_once()
        {
            Entity approved = _org.Review(_deal, BusinessFunction.Finance);
            _org.Decide(_fiona, approved, ReviewDecision.Approved);

            Industry(Retail);

            Entity again = _org.Review(_deal, BusinessFunction.Finance);
            Assert.NotEqual(approved.Id, again.Id);
            Assert.Equal((int)ReviewDecision.Pending, Decision(again.Id));
            Assert.Equal(again.Id, _org.System.Retrieve("crmc_feasibilityreview", approved.Id, new ColumnSet("crmc_supersededby"))
                .GetAttributeValue<EntityReference>("crmc_supersededby").Id);
            _org.Decide(_fiona, again, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
        }

        [Fact]
        public void A_review_only_the_old_industry_asked_for_is_withdrawn_when_the_industry_changes()
        {
            Guid standard = StandardRetailDeal(out Guid other);
            Entity retailReview = _org.Review(standard, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, Decision(retailReview.Id));

            _org.As(_ada).Update(new Entity("account", other) { ["industrycode"] = null });
            _org.Engine.DrainAsync();

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(retailReview.Id));
            _org.MoveTo(standard, SalesStage.Propose);
        }

        [Fact]
        public void A_review_only_the_old_industry_asked_for_does_not_stay_pending_for_ever_on_a_deal_won_before_the_change_was_applied()
        {
            // The industry's background re-evaluation is queued when the salesperson wins the deal (the win's gate, reading
            // the new industry, no longer asks Finance). Before, it read open deals only, and a won deal's reviews are final:
            // the review stayed pending for ever in Fiona's queue, nobody able to decide or withdraw it.
            Guid standard = StandardRetailDeal(out Guid other);
            Entity retailReview = _org.Review(standard, BusinessFunction.Finance);

            _org.As(_ada).Update(new Entity("account", other) { ["industrycode"] = null });
            _org.Win(standard); // the industry's background re-evaluation runs after the win

            Entity review = _org.System.Retrieve("crmc_feasibilityreview", retailReview.Id, new ColumnSet("crmc_decision", "crmc_withdrawalreason"));
            Assert.Equal((int)ReviewDecision.Withdrawn, review.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Contains("no longer meets any Finance feasibility rule", review.GetAttributeValue<string>("crmc_withdrawalreason"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
