using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Query
{
    public class QuerySerializationTests
    {
        private static QueryExpression BuildQuery()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname", "emailaddress1"), TopCount = 10, Distinct = true };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var or = query.Criteria.AddFilter(LogicalOperator.Or);
            or.AddCondition("lastname", ConditionOperator.Like, "Sm%");
            or.AddCondition("firstname", ConditionOperator.In, "Ann", "Bob");
            var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
            link.EntityAlias = "acc";
            link.Columns.AddColumn("name");
            link.LinkCriteria.AddCondition("revenue", ConditionOperator.GreaterThan, 1000);
            query.AddOrder("fullname", OrderType.Ascending);
            query.PageInfo.Count = 50;
            query.PageInfo.PageNumber = 2;
            return query;
        }

        [Fact]
        public void QueryExpression_round_trips_with_filter_and_link()
        {
            var copy = Contract.RoundTrip(BuildQuery(), out var xml);

            Assert.Contains("http://schemas.microsoft.com/xrm/2011/Contracts", xml);
            Assert.StartsWith("<QueryExpression", xml);
            Assert.Equal("contact", copy.EntityName);
            Assert.True(copy.Distinct);
            Assert.Equal(10, copy.TopCount);
            Assert.Equal(new[] { "fullname", "emailaddress1" }, copy.ColumnSet.Columns);
            Assert.Equal(ConditionOperator.Equal, copy.Criteria.Conditions[0].Operator);
            Assert.Equal(0, copy.Criteria.Conditions[0].Values[0]);
            var or = Assert.Single(copy.Criteria.Filters);
            Assert.Equal(LogicalOperator.Or, or.FilterOperator);
            Assert.Equal(new object[] { "Ann", "Bob" }, or.Conditions[1].Values);
            var link = Assert.Single(copy.LinkEntities);
            Assert.Equal("contact", link.LinkFromEntityName);
            Assert.Equal("account", link.LinkToEntityName);
            Assert.Equal(JoinOperator.LeftOuter, link.JoinOperator);
            Assert.Equal("acc", link.EntityAlias);
            Assert.Equal("name", Assert.Single(link.Columns.Columns));
            Assert.Equal(1000, link.LinkCriteria.Conditions[0].Values[0]);
            Assert.Equal("fullname", Assert.Single(copy.Orders).AttributeName);
            Assert.Equal(50, copy.PageInfo.Count);
            Assert.Equal(2, copy.PageInfo.PageNumber);
        }

        [Fact]
        public void QueryBase_serializes_derived_queries_by_contract_name()
        {
            var copy = Contract.RoundTrip<QueryBase>(BuildQuery(), out var xml);
            Assert.Contains("QueryExpression", xml);
            Assert.Equal("contact", Assert.IsType<QueryExpression>(copy).EntityName);

            var fetch = Contract.RoundTrip<QueryBase>(new FetchExpression("<fetch/>"), out _);
            Assert.Equal("<fetch/>", Assert.IsType<FetchExpression>(fetch).Query);

            var byAttribute = new QueryByAttribute("account");
            byAttribute.AddAttributeValue("name", "Contoso");
            var byCopy = Assert.IsType<QueryByAttribute>(Contract.RoundTrip<QueryBase>(byAttribute, out _));
            Assert.Equal("name", Assert.Single(byCopy.Attributes));
            Assert.Equal("Contoso", Assert.Single(byCopy.Values));
        }

        [Fact]
        public void Deserialized_query_has_non_null_collections()
        {
            var copy = Contract.RoundTrip(new QueryExpression("account"), out _);
            Assert.NotNull(copy.LinkEntities);
            Assert.NotNull(copy.Orders);
            Assert.NotNull(copy.Criteria.Conditions);
            Assert.NotNull(copy.Criteria.Filters);
        }
    }
}
