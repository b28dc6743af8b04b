using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The finance department's approval system writes feasibility reviews into CrmCollab naming the deal by its ERP
    /// reference (an alternate key the organisation defined on the opportunity): it creates the review it wants on a deal,
    /// and writes Fiona's decision back with the row as it holds it. Before, the review guard read the reference's empty id
    /// as the deal: the new review failed with CRMC-PLATFORM-FAULT, and the decision was refused as moving the review to
    /// another deal. Another deal named by key is still refused as by id.
    /// </summary>
    public class KeyedReviewLookupScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
        });
        private readonly Guid _fiona, _account, _deal;

        public KeyedReviewLookupScenarios()
        {
            (_, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
            _org.System.Update(new Entity("opportunity", _deal) { ["name"] = "ERP-77" });
        }

        private static EntityReference ByKey(string reference) => new EntityReference("opportunity", "name", reference);

        [Fact]
        public void A_review_created_by_the_approval_system_for_a_deal_named_by_its_reference_is_recorded_on_that_deal()
        {
            Guid review = _org.As(_org.Admin).Create(new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Finance second opinion", ["crmc_opportunityid"] = ByKey("ERP-77"),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance), ["ownerid"] = new EntityReference("systemuser", _fiona),
            });

            Entity saved = _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_opportunityid", "crmc_relevantcolumns", "crmc_routingpath"));
            Assert.Equal(_deal, saved.GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
            Assert.Equal("crmc_discountpercent,estimatedvalue", saved.GetAttributeValue<string>("crmc_relevantcolumns"));
            Assert.Equal(HandMadeReviewPath, saved.GetAttributeValue<string>("crmc_routingpath"));
        }

        private const string HandMadeReviewPath = "Created by hand: not routed by CrmCollab.";

        [Fact]
        public void A_decision_written_back_with_the_deal_named_by_its_reference_is_recorded()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);

            _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", finance.Id)
            {
                ["crmc_opportunityid"] = ByKey("ERP-77"), ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved),
            });

            Entity decided = _org.System.Retrieve("crmc_feasibilityreview", finance.Id, new ColumnSet("crmc_decision", "crmc_decidedby"));
            Assert.Equal((int)ReviewDecision.Approved, decided.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_fiona, decided.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
        }

        [Fact]
        public void A_review_written_back_naming_another_deal_by_its_reference_is_still_refused()
        {
            Guid other = _org.CustomDeal(_account);
            _org.System.Update(new Entity("opportunity", other) { ["name"] = "ERP-78" });
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);

            _org.Refused(RefusalCodes.ReviewServerColumn, () => _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", finance.Id)
            {
                ["crmc_opportunityid"] = ByKey("ERP-78"), ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved),
            }), Touched);
        }
    }
}
