using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal moved on by its pipeline phase (stepname "2-Develop", as a flow or an integration sets it) while its sales
    /// stage column still reads Qualify is in Develop for the gate and the review request. A feasibility rule switched off
    /// or added afterwards re-evaluates it like a deal whose sales stage says Develop: its pending review no rule asks
    /// for is withdrawn at once, and a new rule's review is asked for at once.
    /// </summary>
    public class RuleChangeByPipelinePhaseScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _lena, _account, _deal, _financeRule;

        public RuleChangeByPipelinePhaseScenarios()
        {
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _lena = _org.User("Lena Logistics", "CrmCollab Reviewer");
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _financeRule = _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(_account);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["stepname"] = "2-Develop" });
            _org.Engine.DrainAsync();
        }

        private int Decision(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void A_finance_rule_switched_off_withdraws_the_pending_review_of_a_deal_in_develop_by_its_pipeline_phase()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, Decision(finance.Id));

            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", _financeRule) { ["crmc_isactive"] = false });
            _org.Engine.DrainAsync();

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(finance.Id));
        }

        [Fact]
        public void A_new_logistics_rule_asks_for_its_review_of_a_deal_in_develop_by_its_pipeline_phase()
        {
            _org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery");
            _org.Engine.DrainAsync();

            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            Assert.NotNull(logistics);
            Assert.Equal((int)ReviewDecision.Pending, Decision(logistics.Id));
        }
    }
}
