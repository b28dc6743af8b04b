using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Query
{
    public class QueryBuilderTests
    {
        [Fact]
        public void QueryExpression_defaults_are_non_null_and_empty()
        {
            var query = new QueryExpression("account");

            Assert.Equal("account", query.EntityName);
            Assert.NotNull(query.Criteria);
            Assert.Equal(LogicalOperator.And, query.Criteria.FilterOperator);
            Assert.Empty(query.Criteria.Conditions);
            Assert.NotNull(query.ColumnSet);
            Assert.False(query.ColumnSet.AllColumns);
            Assert.Empty(query.ColumnSet.Columns);
            Assert.NotNull(query.PageInfo);
            Assert.Empty(query.LinkEntities);
            Assert.Empty(query.Orders);
            Assert.Null(query.TopCount);
            Assert.Null(new QueryExpression().EntityName);
        }

        [Fact]
        public void ColumnSet_constructors_and_adders()
        {
            Assert.True(new ColumnSet(true).AllColumns);
            var columns = new ColumnSet("name", "revenue");
            Assert.Equal(new[] { "name", "revenue" }, columns.Columns);
            columns.AddColumn("telephone1");
            columns.AddColumns("fax", "emailaddress1");
            Assert.Equal(new[] { "name", "revenue", "telephone1", "fax", "emailaddress1" }, columns.Columns);
            Assert.False(columns.AllColumns);
            Assert.Empty(columns.AttributeExpressions);
        }

        [Fact]
        public void ConditionExpression_constructors_fill_values()
        {
            var single = new ConditionExpression("statecode", ConditionOperator.Equal, 0);
            Assert.Equal("statecode", single.AttributeName);
            Assert.Equal(ConditionOperator.Equal, single.Operator);
            Assert.Equal(new object[] { 0 }, single.Values);
            Assert.Null(single.EntityName);
            Assert.False(single.CompareColumns);

            var many = new ConditionExpression("statuscode", ConditionOperator.In, 1, 2, 3);
            Assert.Equal(new object[] { 1, 2, 3 }, many.Values);

            var fromArray = new ConditionExpression("name", ConditionOperator.In, new[] { "a", "b" });
            Assert.Equal(new object[] { "a", "b" }, fromArray.Values);

            var fromCollection = new ConditionExpression("revenue", ConditionOperator.Between, new List<int> { 10, 20 });
            Assert.Equal(new object[] { 10, 20 }, fromCollection.Values);

            var noValue = new ConditionExpression("parentaccountid", ConditionOperator.Null);
            Assert.Empty(noValue.Values);

            var aliased = new ConditionExpression("c", "lastname", ConditionOperator.Like, "Sm%");
            Assert.Equal("c", aliased.EntityName);
            Assert.Equal(new object[] { "Sm%" }, aliased.Values);

            var columns = new ConditionExpression("createdon", ConditionOperator.GreaterThan, true, "modifiedon");
            Assert.True(columns.CompareColumns);
            Assert.Equal(new object[] { "modifiedon" }, columns.Values);
        }

        [Fact]
        public void FilterExpression_builds_nested_conditions()
        {
            var filter = new FilterExpression(LogicalOperator.And);
            filter.AddCondition("statecode", ConditionOperator.Equal, 0);
            filter.AddCondition("a", "name", ConditionOperator.BeginsWith, "Con");
            filter.AddCondition(new ConditionExpression("revenue", ConditionOperator.GreaterThan, 100m));
            var or = filter.AddFilter(LogicalOperator.Or);
            or.AddCondition("city", ConditionOperator.Equal, "Paris");
            or.AddCondition("city", ConditionOperator.Equal, "Lyon");
            filter.AddFilter(new FilterExpression());
            filter.AddFilter((FilterExpression)null);

            Assert.Equal(3, filter.Conditions.Count);
            Assert.Equal("a", filter.Conditions[1].EntityName);
            Assert.Equal(2, filter.Filters.Count);
            Assert.Same(or, filter.Filters[0]);
            Assert.Equal(LogicalOperator.Or, or.FilterOperator);
            Assert.Equal("Lyon", or.Conditions[1].Values[0]);
        }

        [Fact]
        public void AddLink_joins_from_the_query_table_and_a_nested_AddLink_names_the_parent_links_own_from_table()
        {
            var query = new QueryExpression("contact");
            var account = query.AddLink("account", "parentcustomerid", "accountid");
            account.EntityAlias = "a";
            account.Columns = new ColumnSet("name");
            account.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var owner = account.AddLink("systemuser", "ownerid", "systemuserid", JoinOperator.LeftOuter);

            Assert.Same(account, Assert.Single(query.LinkEntities));
            Assert.Equal("contact", account.LinkFromEntityName);
            Assert.Equal("account", account.LinkToEntityName);
            Assert.Equal("parentcustomerid", account.LinkFromAttributeName);
            Assert.Equal("accountid", account.LinkToAttributeName);
            Assert.Equal(JoinOperator.Inner, account.JoinOperator);
            // The SDK fills a nested link's LinkFromEntityName with the parent link's LinkFromEntityName (here the
            // query's table), not the parent's LinkToEntityName; the service joins on the parent link regardless.
            Assert.Equal("contact", owner.LinkFromEntityName);
            Assert.Equal("systemuser", owner.LinkToEntityName);
            Assert.Equal(JoinOperator.LeftOuter, owner.JoinOperator);
            Assert.Same(owner, Assert.Single(account.LinkEntities));
            Assert.NotNull(owner.LinkCriteria);
            Assert.NotNull(owner.Columns);
            Assert.Empty(owner.Orders);
        }

        [Fact]
        public void AddOrder_appends_order_expressions()
        {
            var query = new QueryExpression("account");
            query.AddOrder("name", OrderType.Ascending);
            query.AddOrder("fullname", OrderType.Descending, "o", "systemuser");

            Assert.Equal(2, query.Orders.Count);
            Assert.Equal("name", query.Orders[0].AttributeName);
            Assert.Equal(OrderType.Descending, query.Orders[1].OrderType);
            Assert.Equal("o", query.Orders[1].Alias);
            Assert.Equal("systemuser", query.Orders[1].EntityName);
        }

        [Fact]
        public void QueryByAttribute_pairs_attributes_and_values()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), TopCount = 5 };
            query.AddAttributeValue("name", "Contoso");
            query.AddAttributeValue("statecode", 0);
            query.AddOrder("createdon", OrderType.Descending);

            Assert.Equal("account", query.EntityName);
            Assert.Equal(new[] { "name", "statecode" }, query.Attributes);
            Assert.Equal(new object[] { "Contoso", 0 }, query.Values);
            Assert.Equal("createdon", Assert.Single(query.Orders).AttributeName);
        }

        [Fact]
        public void FetchExpression_keeps_its_xml()
        {
            const string fetch = "<fetch><entity name='account'/></fetch>";
            Assert.Equal(fetch, new FetchExpression(fetch).Query);
            Assert.Null(new FetchExpression().Query);
        }

        [Fact]
        public void Accept_runs_the_visitor_over_the_query()
        {
            var query = new QueryExpression("account");
            query.Criteria.AddCondition("name", ConditionOperator.Equal, "x");
            query.AddLink("contact", "accountid", "parentcustomerid").LinkCriteria.AddCondition("lastname", ConditionOperator.Equal, "y");

            var visitor = new RenamingVisitor();
            var result = query.Accept(visitor);

            Assert.Same(query, result);
            Assert.Equal(new[] { "name", "lastname" }, visitor.Seen);
        }

        private sealed class RenamingVisitor : QueryExpressionVisitorBase
        {
            public List<string> Seen { get; } = new List<string>();

            protected override ConditionExpression VisitConditionExpression(ConditionExpression condition)
            {
                Seen.Add(condition.AttributeName);
                return condition;
            }
        }
    }
}
