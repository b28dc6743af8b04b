using System;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Query
{
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class QueryDepthLimitCollection
    {
        public const string Name = "Query depth limits (process-wide settings)";
    }

    /// <summary>
    /// A host may cap how deeply queries, filters and link-entities nest when queries are (de)serialised; the SDK's
    /// default of 0 means no cap. The limits are process-wide, so these tests run alone.
    /// </summary>
    [Collection(QueryDepthLimitCollection.Name)]
    public sealed class QueryDepthLimitTests : IDisposable
    {
        public void Dispose()
        {
            QueryExpression.SerializationDepthLimit = 0;
            QueryExpression.DeserializationDepthLimit = 0;
            QueryExpression.InternalResetSerializationCounters();
        }

        private static QueryExpression NestedFilters(int depth)
        {
            var query = new QueryExpression("account");
            FilterExpression filter = query.Criteria;
            for (int i = 0; i < depth; i++) filter = filter.AddFilter(LogicalOperator.Or);
            return query;
        }

        private static QueryExpression NestedLinks(int depth)
        {
            var query = new QueryExpression("account");
            LinkEntity link = query.AddLink("contact", "accountid", "parentcustomerid");
            for (int i = 1; i < depth; i++) link = link.AddLink("contact", "contactid", "parentcontactid");
            return query;
        }

        [Fact]
        public void By_default_there_is_no_limit()
        {
            Assert.Equal(0, QueryExpression.SerializationDepthLimit);
            Assert.Equal(0, QueryExpression.DeserializationDepthLimit);
            Assert.Equal("account", Contract.RoundTrip(NestedFilters(60)).EntityName);
        }

        [Fact]
        public void Writing_counts_the_query_and_each_nested_filter_or_link()
        {
            QueryExpression.SerializationDepthLimit = 3;

            Contract.Write(NestedFilters(1));  // query, criteria, one filter
            Contract.Write(NestedLinks(1));    // query, link, its criteria
            Assert.Throws<InvalidOperationException>(() => Contract.Write(NestedFilters(2)));
            Assert.Throws<InvalidOperationException>(() => Contract.Write(NestedLinks(2)));
            Assert.Throws<InvalidOperationException>(() => Contract.Write(new QueryExpression("a") { SubQueryExpression = NestedFilters(1) }));
        }

        [Fact]
        public void Reading_counts_each_nested_filter_or_link_but_not_the_query()
        {
            string filters = Contract.Write(NestedFilters(2));
            string deeper = Contract.Write(NestedFilters(3));
            string links = Contract.Write(NestedLinks(2));
            QueryExpression.DeserializationDepthLimit = 3;

            Contract.Read<QueryExpression>(filters);
            Contract.Read<QueryExpression>(links);
            Assert.Throws<InvalidOperationException>(() => Contract.Read<QueryExpression>(deeper));
        }

        [Fact]
        public void A_refused_query_does_not_count_against_the_next_one()
        {
            QueryExpression.SerializationDepthLimit = 3;

            Assert.Throws<InvalidOperationException>(() => Contract.Write(NestedFilters(5)));

            Contract.Write(NestedFilters(1));
        }
    }
}
