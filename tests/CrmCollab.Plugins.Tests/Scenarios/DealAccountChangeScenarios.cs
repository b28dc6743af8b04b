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
    /// A deal moved to another customer: its pending reviews go to the new account's reviewers, and an approval is
    /// asked again where the rules say the customer matters.
    /// </summary>
    public class DealAccountChangeScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _frank, _fabrikam;

        public DealAccountChangeScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Finance, user: _frank);
        }

        private void MoveToFabrikam() =>
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });

        [Fact]
        public void The_pending_finance_review_follows_the_deal_to_its_new_accounts_finance_owner()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal(_fiona, finance.GetAttributeValue<EntityReference>("ownerid").Id);

            MoveToFabrikam();

            Entity moved = _org.System.Retrieve("crmc_feasibilityreview", finance.Id, new ColumnSet("ownerid", "crmc_routingpath", "crmc_decision"));
            Assert.Equal(_frank, moved.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.StartsWith("Reassigned", moved.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Contains("moved to another account", moved.GetAttributeValue<string>("crmc_routingpath"));
            // Contoso's finance owner no longer decides for the Fabrikam deal; Fabrikam's does.
            Assert.NotNull(Record.Exception(() => _org.Decide(_fiona, finance, ReviewDecision.Approved)));
            _org.Decide(_frank, finance, ReviewDecision.Approved);
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void A_rule_that_names_the_customer_among_its_relevant_columns_asks_again_when_the_deal_changes_customer()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            var query = new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Logistics);
            Guid rule = _org.System.RetrieveMultiple(query).Entities.Single().Id;
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityrule", rule) { ["crmc_relevantcolumns"] = "crmc_requesteddelivery,products,customerid" });
            _org.Engine.DrainAsync();
            Entity approved = _org.Review(_deal, BusinessFunction.Logistics);
            _org.Decide(_lena, approved, ReviewDecision.Approved); // asked again on the wider basis, approved again

            MoveToFabrikam();

            Assert.Equal((int)ReviewDecision.Invalidated,
                _org.System.Retrieve("crmc_feasibilityreview", approved.Id, new ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }
    }
}
