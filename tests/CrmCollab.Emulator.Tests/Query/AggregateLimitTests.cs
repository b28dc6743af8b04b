using System;
using System.ServiceModel;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// Microsoft documents that an aggregate query may evaluate at most 50,000 records (error 8004E023,
    /// "AggregateQueryRecordLimit exceeded"), and that a fetch's aggregatelimit sets a lower limit, never a higher one.
    /// </summary>
    public class AggregateLimitTests
    {
        private const string CountAll = "<attribute name='accountid' alias='n' aggregate='count' />";

        private static EntityCollection Fetch(InMemorySource source, string xml) =>
            new QueryEngine(source).Execute(new FetchExpression(xml), TestData.Context());

        private static InMemorySource Accounts(int count)
        {
            var source = new InMemorySource(TestData.Catalog());
            for (int i = 0; i < count; i++)
                source.Add(new Entity("account", Guid.NewGuid()) { ["name"] = "Account " + i, ["numberofemployees"] = i % 10 });
            return source;
        }

        private static int Count(EntityCollection result) => (int)((AliasedValue)result.Entities[0]["n"]).Value;

        private static void AssertRefusedForTheLimit(Action query)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(query);
            Assert.Equal(unchecked((int)0x8004E023), fault.Detail.ErrorCode);
            Assert.Equal("AggregateQueryRecordLimit exceeded. Cannot perform this operation.", fault.Detail.Message);
        }

        [Fact]
        public void A_count_over_50000_records_is_refused_and_one_over_exactly_50000_is_answered()
        {
            var source = Accounts(50_001);
            AssertRefusedForTheLimit(() => Fetch(source, $"<fetch aggregate='true'><entity name='account'>{CountAll}</entity></fetch>"));
            // The limit counts the records the filter keeps: 50,001 accounts, one of them filtered out.
            var kept = Fetch(source, $@"<fetch aggregate='true'><entity name='account'>{CountAll}
                <filter><condition attribute='name' operator='ne' value='Account 0' /></filter></entity></fetch>");
            Assert.Equal(50_000, Count(kept));
            // The same aggregate asked as a QueryExpression meets the same limit.
            var expression = new QueryExpression("account");
            expression.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("accountid", XrmAggregateType.Count, "n"));
            AssertRefusedForTheLimit(() => new QueryEngine(source).Execute(expression, TestData.Context()));
            // A plain read of the same table is not an aggregate: it pages as always.
            var page = Fetch(source, "<fetch><entity name='account'><attribute name='name' /></entity></fetch>");
            Assert.Equal(5000, page.Entities.Count);
            Assert.True(page.MoreRecords);
        }

        [Fact]
        public void A_fetch_aggregatelimit_lowers_the_limit_but_cannot_raise_it()
        {
            var five = Accounts(5);
            AssertRefusedForTheLimit(() => Fetch(five, $"<fetch aggregate='true' aggregatelimit='4'><entity name='account'>{CountAll}</entity></fetch>"));
            Assert.Equal(5, Count(Fetch(five, $"<fetch aggregate='true' aggregatelimit='5'><entity name='account'>{CountAll}</entity></fetch>")));
            // Grouped: the records evaluated count, not the groups returned.
            AssertRefusedForTheLimit(() => Fetch(five, @"<fetch aggregate='true' aggregatelimit='2'><entity name='account'>
                <attribute name='numberofemployees' alias='size' groupby='true' /><attribute name='accountid' alias='n' aggregate='count' /></entity></fetch>"));

            var many = Accounts(50_001);
            AssertRefusedForTheLimit(() => Fetch(many, $"<fetch aggregate='true' aggregatelimit='60000'><entity name='account'>{CountAll}</entity></fetch>"));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-3")]
        [InlineData("many")]
        public void An_aggregatelimit_that_is_not_a_positive_number_is_a_bad_query(string limit)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                Fetch(Accounts(1), $"<fetch aggregate='true' aggregatelimit='{limit}'><entity name='account'>{CountAll}</entity></fetch>"));
            Assert.Equal(QueryFaults.InvalidArgument, fault.Detail.ErrorCode);
            Assert.Contains("aggregatelimit", fault.Detail.Message);
        }
    }
}
