using System;
using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A backlog figure is one count aggregate; where the platform refuses the aggregate (more records than its limit),
    /// the same figure comes from paging the rows' ids. Both give the number a person counts in the view.
    /// </summary>
    public class RowCountScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        [Fact]
        public void Overdue_and_pending_reviews_are_counted_the_same_by_the_aggregate_and_by_pages()
        {
            Guid rita = _org.User("Rita Reviewer", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            Guid first = _org.Deal(account, "First"), second = _org.Deal(account, "Second");
            _org.FinanceReview(first, rita, CrmCollabOrg.Start.AddHours(-5));
            _org.FinanceReview(first, rita, CrmCollabOrg.Start.AddHours(-1));
            _org.FinanceReview(second, rita, CrmCollabOrg.Start.AddHours(30));
            Guid decided = _org.FinanceReview(second, rita, CrmCollabOrg.Start.AddHours(-9));
            _org.As(rita).Update(new Entity(FeasibilityReviewRow.Table, decided) { [FeasibilityReviewRow.Decision] = new OptionSetValue(100000001) });

            var pending = new ConditionExpression(FeasibilityReviewRow.Decision, ConditionOperator.Equal, 100000000);
            var overdue = new ConditionExpression(FeasibilityReviewRow.DueDate, ConditionOperator.LessThan, CrmCollabOrg.Start);
            var ofFirst = new ConditionExpression(FeasibilityReviewRow.OpportunityId, ConditionOperator.Equal, first);
            var withReason = new ConditionExpression(FeasibilityReviewRow.RejectionReason, ConditionOperator.NotNull);
            foreach (int? limit in new int?[] { null, 1 })
            {
                var count = new RowCount(_org.System, limit);
                Assert.Equal(3, count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pending));
                Assert.Equal(2, count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pending, overdue));
                Assert.Equal(2, count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pending, ofFirst));
                Assert.Equal(0, count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, withReason));
            }
        }

        [Fact]
        public void A_count_is_refused_by_the_platform_above_its_aggregate_limit_and_then_paged()
        {
            Guid account = _org.Account("Contoso");
            for (int i = 0; i < 4; i++) _org.Deal(account, "Deal " + i);
            var open = new ConditionExpression(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateOpen);
            var refused = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _org.System.RetrieveMultiple(new FetchExpression(
                "<fetch aggregate='true' aggregatelimit='3'><entity name='opportunity'><attribute name='opportunityid' alias='n' aggregate='count' /></entity></fetch>")));
            Assert.Equal(RowCount.AggregateLimitRefused, refused.Detail.ErrorCode);
            Assert.Equal(4, new RowCount(_org.System, aggregateLimit: 3).Of(Opportunity.Table, Opportunity.Id, open));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RowCount(_org.System, aggregateLimit: 0));
        }
    }
}
