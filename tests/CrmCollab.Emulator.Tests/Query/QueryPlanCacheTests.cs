using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// A query asked again reuses its compiled plan; what the caller, the clock, the rows or the metadata change
    /// between calls must still show in the answer, exactly as if every query were compiled afresh.
    /// </summary>
    public class QueryPlanCacheTests
    {
        private readonly InMemorySource _source;
        private readonly QueryEngine _engine;

        public QueryPlanCacheTests()
        {
            (_source, _) = TestData.Small();
            _engine = new QueryEngine(_source);
        }

        private int Cached => PlanCache.For(_source.Catalog).Count;

        private static QueryExpression ByIndustry(object industry)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("industrycode", ConditionOperator.Equal, industry);
            query.AddOrder("name", OrderType.Ascending);
            return query;
        }

        [Fact]
        public void The_same_question_asked_twice_is_compiled_once_and_answered_alike()
        {
            var first = _engine.Execute(ByIndustry(1), TestData.Context());
            Assert.Equal(1, Cached);
            var second = _engine.Execute(ByIndustry(1), TestData.Context());

            Assert.Equal(1, Cached);
            Assert.Equal(new[] { "Adventure Works", "Contoso" }, TestData.Names(first));
            Assert.Equal(TestData.Names(first), TestData.Names(second));
            Assert.NotSame(first.Entities[0], second.Entities[0]); // rows are projected afresh every time
        }

        [Fact]
        public void A_caller_that_changes_its_query_object_between_calls_gets_the_new_answer()
        {
            var query = ByIndustry(1);
            Assert.Equal(new[] { "Adventure Works", "Contoso" }, TestData.Names(_engine.Execute(query, TestData.Context())));

            query.Criteria.Conditions[0].Values[0] = 2;
            Assert.Equal(new[] { "Fabrikam" }, TestData.Names(_engine.Execute(query, TestData.Context())));

            query.Criteria.Conditions[0].Operator = ConditionOperator.NotEqual;
            Assert.Equal(new[] { null, "Adventure Works", "Contoso" }, TestData.Names(_engine.Execute(query, TestData.Context())));
            Assert.Equal(3, Cached);
        }

        [Fact]
        public void Queries_of_different_shapes_or_value_types_do_not_share_a_plan()
        {
            _engine.Execute(ByIndustry(1), TestData.Context());
            _engine.Execute(ByIndustry(new OptionSetValue(1)), TestData.Context());
            var byEmployees = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            byEmployees.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, 1);
            var none = _engine.Execute(byEmployees, TestData.Context());

            Assert.Empty(none.Entities);
            Assert.Equal(3, Cached);
        }

        [Fact]
        public void A_cached_plan_reads_the_rows_as_they_are_now()
        {
            _engine.Execute(ByIndustry(2), TestData.Context());
            var added = new Entity("account", Guid.NewGuid()) { ["name"] = "Northwind", ["industrycode"] = new OptionSetValue(2) };
            _source.Add(added);

            Assert.Equal(new[] { "Fabrikam", "Northwind" }, TestData.Names(_engine.Execute(ByIndustry(2), TestData.Context())));
        }

        [Fact]
        public void Conditions_on_the_caller_or_the_clock_follow_each_call()
        {
            var mine = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            mine.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);
            var today = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            today.Criteria.AddCondition("createdon", ConditionOperator.Today);

            Assert.Equal(3, _engine.Execute(mine, TestData.Context()).Entities.Count);
            var asOther = TestData.Context();
            asOther.UserId = TestData.OtherUserId;
            Assert.Equal(2, _engine.Execute(mine, asOther).Entities.Count);

            Assert.Equal(new[] { "Contoso" }, TestData.Names(_engine.Execute(today, TestData.Context())));
            var tomorrow = TestData.Context();
            tomorrow.UtcNow = TestData.Now.AddDays(1);
            Assert.Empty(_engine.Execute(today, tomorrow).Entities);
            Assert.Equal(0, Cached);
        }

        [Fact]
        public void A_column_added_after_a_failed_query_is_found_by_the_same_query()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "websiteurl") };
            Assert.ThrowsAny<Exception>(() => _engine.Execute(query, TestData.Context()));

            _source.Catalog.Tables["account"].Columns.Add("websiteurl", new ColumnDefinition { LogicalName = "websiteurl", Type = ColumnType.String });

            Assert.Equal(5, _engine.Execute(query, TestData.Context()).Entities.Count);
        }

        [Fact]
        public void A_column_removed_or_retyped_after_a_query_was_cached_is_resolved_again()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 15);
            Assert.Equal(2, _engine.Execute(query, TestData.Context()).Entities.Count);

            var columns = _source.Catalog.Tables["account"].Columns;
            columns["numberofemployees"].Type = ColumnType.String; // as text, "5" comes after "15" too
            Assert.Equal(3, _engine.Execute(query, TestData.Context()).Entities.Count);

            columns.Remove("numberofemployees");
            var fault = Record.Exception(() => _engine.Execute(query, TestData.Context()));
            Assert.Contains("numberofemployees", fault.Message);
        }

        [Fact]
        public void The_cache_never_holds_more_than_its_capacity()
        {
            for (int i = 0; i <= PlanCache.Capacity; i++)
                _engine.Execute(ByIndustry(1000 + i), TestData.Context());

            Assert.InRange(Cached, 1, PlanCache.Capacity);
        }
    }
}
