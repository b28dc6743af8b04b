using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal's product lines (opportunityproduct) have no privileges of their own in Dataverse: they are reached through
    /// their deal. The salesperson prices their own deal line by line, the reviewer deciding a review reads the lines of
    /// the deal under review, each with nothing but their CrmCollab role; a colleague who may not edit the deal may not
    /// change its lines either.
    /// </summary>
    public class ProductLineRightsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public ProductLineRightsScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
        }

        private static Entity Line(Guid deal, string what) => new Entity("opportunityproduct")
        {
            ["opportunityid"] = new EntityReference("opportunity", deal), ["isproductoverridden"] = true,
            ["productdescription"] = what, ["quantity"] = 2m, ["priceperunit"] = new Money(1500m),
        };

        private static QueryExpression LinesOf(Guid deal)
        {
            var query = new QueryExpression("opportunityproduct") { ColumnSet = new ColumnSet("productdescription", "quantity") };
            query.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, deal);
            return query;
        }

        [Fact]
        public void The_salesperson_adds_a_line_to_their_deal_and_the_approved_logistics_review_is_asked_again()
        {
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            _org.As(_org.Rep).Create(Line(_deal, "Extra spindle"));

            Assert.Equal((int)ReviewDecision.Pending,
                _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void The_reviewer_reads_the_lines_of_the_deal_under_review()
        {
            _org.System.Create(Line(_deal, "Extra spindle"));

            Entity line = Assert.Single(_org.As(_lena).RetrieveMultiple(LinesOf(_deal)).Entities);

            Assert.Equal("Extra spindle", line.GetAttributeValue<string>("productdescription"));
        }

        [Fact]
        public void A_colleague_who_may_not_edit_the_deal_may_not_add_or_change_its_lines()
        {
            Guid sid = _org.User("Sid Sales", "CrmCollab Salesperson", _org.Sales);
            Guid line = _org.System.Create(Line(_deal, "Extra spindle"));

            Assert.NotNull(Record.Exception(() => _org.As(sid).Create(Line(_deal, "Second spindle"))));
            Assert.NotNull(Record.Exception(() => _org.As(sid).Update(new Entity("opportunityproduct", line) { ["quantity"] = 9m })));
            Assert.NotNull(Record.Exception(() => _org.As(sid).Delete("opportunityproduct", line)));

            Assert.Single(_org.System.RetrieveMultiple(LinesOf(_deal)).Entities);
            Assert.Equal(2m, _org.System.Retrieve("opportunityproduct", line, new ColumnSet("quantity")).GetAttributeValue<decimal>("quantity"));
        }
    }
}
