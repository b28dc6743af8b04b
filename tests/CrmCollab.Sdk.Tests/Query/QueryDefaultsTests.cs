using System;
using System.Collections.Generic;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Query
{
    /// <summary>What the query classes start with, and what they do with nulls, as Microsoft's SDK does.</summary>
    public class QueryDefaultsTests
    {
        private const string Contracts = "xmlns=\"http://schemas.microsoft.com/xrm/2011/Contracts\"";

        [Fact]
        public void A_query_reads_back_a_null_column_set_criteria_or_paging_but_never_null_links_or_orders()
        {
            var query = new QueryExpression("account") { ColumnSet = null, Criteria = null, PageInfo = null };

            Assert.Null(query.ColumnSet);
            Assert.Null(query.Criteria);
            Assert.Null(query.PageInfo);
            Assert.Empty(query.LinkEntities);
            Assert.Empty(query.Orders);
            Assert.NotNull(new QueryExpression().Criteria);
            Assert.NotNull(new QueryExpression(null).ColumnSet);
        }

        [Fact]
        public void A_query_read_from_the_wire_without_columns_criteria_or_paging_has_none()
        {
            QueryExpression query = Contract.Read<QueryExpression>($"<QueryExpression {Contracts}><EntityName>account</EntityName></QueryExpression>");

            Assert.Equal("account", query.EntityName);
            Assert.Null(query.ColumnSet);
            Assert.Null(query.Criteria);
            Assert.Null(query.PageInfo);
            Assert.Empty(query.LinkEntities);
            Assert.Empty(query.Orders);
        }

        [Fact]
        public void A_link_starts_as_an_inner_join_with_empty_criteria_and_columns()
        {
            var link = new LinkEntity();

            Assert.Equal(JoinOperator.Inner, link.JoinOperator);
            Assert.Null(link.LinkFromEntityName);
            Assert.Null(link.EntityAlias);
            Assert.Empty(link.LinkCriteria.Conditions);
            Assert.False(link.Columns.AllColumns);
            Assert.Empty(link.Columns.Columns);
            Assert.Empty(link.LinkEntities);
            Assert.Empty(link.Orders);
        }

        [Fact]
        public void A_link_keeps_null_criteria_but_makes_new_columns_when_set_to_null()
        {
            var link = new LinkEntity("contact", "account", "parentcustomerid", "accountid", JoinOperator.LeftOuter) { LinkCriteria = null, Columns = null };

            Assert.Null(link.LinkCriteria);
            Assert.NotNull(link.Columns);
            Assert.Null(Contract.Read<LinkEntity>($"<LinkEntity {Contracts}/>").LinkCriteria);
        }

        [Fact]
        public void Only_the_parameterless_query_by_attribute_starts_with_columns_and_paging()
        {
            var blank = new QueryByAttribute();
            var named = new QueryByAttribute("account");

            Assert.NotNull(blank.ColumnSet);
            Assert.NotNull(blank.PageInfo);
            Assert.Null(named.ColumnSet);
            Assert.Null(named.PageInfo);
            Assert.Null(named.TopCount);
            Assert.Empty(named.Attributes);
            Assert.Empty(named.Values);
            Assert.Empty(named.Orders);
        }

        [Fact]
        public void Column_sets_add_what_they_are_given_and_refuse_a_null_array_to_AddColumns()
        {
            var all = new ColumnSet(true);
            all.AddColumn("name");
            var named = new ColumnSet("name");
            named.AddColumn("name");
            named.AddColumn(null);

            Assert.True(all.AllColumns);
            Assert.Equal(new[] { "name" }, all.Columns);
            Assert.Equal(new[] { "name", "name", null }, named.Columns);
            Assert.Empty(new ColumnSet((string[])null).Columns);
            Assert.Throws<NullReferenceException>(() => named.AddColumns(null));
            Assert.NotNull(new ColumnSet { Columns = null, AttributeExpressions = null }.Columns);
        }

        [Fact]
        public void A_condition_spreads_a_collection_of_values_but_an_entity_named_one_keeps_an_array_whole()
        {
            var ids = new[] { 1, 2 };

            Assert.Equal(new object[] { 1, 2 }, new ConditionExpression("statuscode", ConditionOperator.In, ids).Values);
            Assert.Equal(new object[] { ids }, new ConditionExpression("a", "statuscode", ConditionOperator.In, ids).Values);
            Assert.Equal(new object[] { 1, 2 }, new ConditionExpression("statuscode", ConditionOperator.In, new List<int> { 1, 2 }).Values);
            Assert.Equal(new object[] { null }, new ConditionExpression("parentaccountid", ConditionOperator.Equal, (object)null).Values);
            Assert.Empty(new ConditionExpression("parentaccountid", ConditionOperator.Equal, (object[])null).Values);

            var filter = new FilterExpression();
            filter.AddCondition("statuscode", ConditionOperator.In, ids);
            filter.AddCondition("statuscode", ConditionOperator.In, new List<int> { 1, 2 });
            Assert.Equal(new object[] { ids }, filter.Conditions[0].Values);
            Assert.Single(filter.Conditions[1].Values);
        }

        [Fact]
        public void A_filter_ignores_a_null_child_filter_but_keeps_a_null_condition()
        {
            var filter = new FilterExpression();

            filter.AddFilter((FilterExpression)null);
            filter.AddCondition((ConditionExpression)null);

            Assert.Empty(filter.Filters);
            Assert.Single(filter.Conditions);
            Assert.Equal(LogicalOperator.And, filter.FilterOperator);
            Assert.False(filter.IsQuickFindFilter);
            Assert.Null(filter.AnyAllFilterLinkEntity);
        }

        [Fact]
        public void Paging_orders_and_conditions_start_empty()
        {
            var paging = new PagingInfo();
            var order = new OrderExpression();
            var condition = new ConditionExpression();

            Assert.Equal(0, paging.PageNumber);
            Assert.Equal(0, paging.Count);
            Assert.Null(paging.PagingCookie);
            Assert.False(paging.ReturnTotalRecordCount);
            Assert.Equal(OrderType.Ascending, order.OrderType);
            Assert.Null(order.AttributeName);
            Assert.Equal(ConditionOperator.Equal, condition.Operator);
            Assert.Empty(condition.Values);
            Assert.Null(new OrderExpression("fullname", OrderType.Descending, "owner").EntityName);
        }

        [Fact]
        public void Accept_needs_a_visitor()
        {
            Assert.Throws<NullReferenceException>(() => new QueryExpression("account").Accept(null));
        }
    }
}
