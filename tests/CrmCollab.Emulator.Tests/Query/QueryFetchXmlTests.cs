using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    public class QueryFetchXmlTests
    {
        private readonly InMemorySource _source;
        private readonly Dictionary<string, Entity> _rows;
        private readonly QueryEngine _engine;

        public QueryFetchXmlTests()
        {
            (_source, _rows) = TestData.Small();
            _engine = new QueryEngine(_source);
        }

        private EntityCollection Fetch(string xml) => _engine.Execute(new FetchExpression(xml), TestData.Context());

        private static string Dump(EntityCollection result) => string.Join("\n", result.Entities.Select(e =>
            e.Id + ":" + string.Join(",", e.Attributes.OrderBy(a => a.Key).Select(a => a.Key + "=" + Show(a.Value)))));

        private static string Show(object value) => value switch
        {
            AliasedValue a => a.EntityLogicalName + "/" + a.AttributeLogicalName + "/" + Show(a.Value),
            EntityReference r => r.LogicalName + ":" + r.Id,
            OptionSetValue o => "o" + o.Value,
            Money m => "m" + m.Value,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };

        [Fact]
        public void FetchXml_GivesSameResultsAsQueryExpression()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "revenue", "industrycode") };
            query.Criteria.FilterOperator = LogicalOperator.Or;
            query.Criteria.AddCondition("industrycode", ConditionOperator.In, 2, 3);
            var and = query.Criteria.AddFilter(LogicalOperator.And);
            and.AddCondition("name", ConditionOperator.Like, "%o%");
            and.AddCondition("revenue", ConditionOperator.GreaterThan, 600m);
            var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            link.EntityAlias = "pc";
            link.Columns = new ColumnSet("fullname");
            query.AddOrder("name", OrderType.Descending);
            var qe = _engine.Execute(query, TestData.Context());

            var fx = Fetch(@"<fetch>
  <entity name='account'>
    <attribute name='name' /><attribute name='revenue' /><attribute name='industrycode' />
    <filter type='or'>
      <condition attribute='industrycode' operator='in'><value>2</value><value>3</value></condition>
      <filter type='and'>
        <condition attribute='name' operator='like' value='%o%' />
        <condition attribute='revenue' operator='gt' value='600' />
      </filter>
    </filter>
    <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='pc'>
      <attribute name='fullname' />
    </link-entity>
    <order attribute='name' descending='true' />
  </entity>
</fetch>");
            Assert.Equal(4, qe.Entities.Count); // Contoso x2 (two contacts), Fabrikam, noname
            Assert.Equal(Dump(qe), Dump(fx));
        }

        [Fact]
        public void FetchXml_ConvertsValuesByColumnType()
        {
            var result = Fetch($@"<fetch><entity name='account'><attribute name='name' />
                <filter>
                  <condition attribute='primarycontactid' operator='eq' value='{{{_rows["alice"].Id.ToString().ToUpperInvariant()}}}' />
                  <condition attribute='industrycode' operator='eq' value='1' />
                  <condition attribute='createdon' operator='on-or-after' value='2024-06-12T00:00:00Z' />
                  <condition attribute='creditonhold' operator='eq' value='1' />
                  <condition attribute='ownerid' operator='eq-userid' />
                </filter></entity></fetch>");
            Assert.Equal(new[] { "Contoso" }, TestData.Names(result));

            var older = Fetch("<fetch><entity name='account'><attribute name='name' /><filter><condition attribute='createdon' operator='olderthan-x-days' value='2' /></filter><order attribute='name' /></entity></fetch>");
            Assert.Equal(new[] { "Adventure Works", "litware_inc" }, TestData.Names(older));
        }

        [Fact]
        public void FetchXml_LinkConditionByEntityName_AndTopAndPaging()
        {
            var result = Fetch(@"<fetch top='1'><entity name='account'><attribute name='name' />
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c' link-type='outer' />
                <filter><condition entityname='c' attribute='contactid' operator='not-null' /></filter>
                <order attribute='name' /></entity></fetch>");
            Assert.Equal(new[] { "Contoso" }, TestData.Names(result));

            var page1 = Fetch("<fetch count='2' page='1'><entity name='account'><attribute name='name' /><order attribute='name' /></entity></fetch>");
            Assert.True(page1.MoreRecords);
            var cookie = System.Security.SecurityElement.Escape(page1.PagingCookie);
            var page2 = Fetch($"<fetch count='2' page='2' paging-cookie='{cookie}'><entity name='account'><attribute name='name' /><order attribute='name' /></entity></fetch>");
            Assert.Equal(new[] { null, "Adventure Works", "Contoso", "Fabrikam" }, TestData.Names(page1).Concat(TestData.Names(page2)));
            Assert.True(page2.MoreRecords);
        }

        [Fact]
        public void Aggregates_WithGroupBy_MatchHandComputedValues()
        {
            // Accounts by owner: user → Contoso(1000, 10 emp), Fabrikam(2500.5, 50), noname(750, 20); other → Adventure(500, -), litware(-, 5)
            var result = Fetch(@"<fetch aggregate='true'><entity name='account'>
                <attribute name='ownerid' alias='owner' groupby='true' />
                <attribute name='accountid' alias='n' aggregate='count' />
                <attribute name='revenue' alias='total' aggregate='sum' />
                <attribute name='revenue' alias='average' aggregate='avg' />
                <attribute name='numberofemployees' alias='people' aggregate='sum' />
                <attribute name='numberofemployees' alias='smallest' aggregate='min' />
                <attribute name='numberofemployees' alias='largest' aggregate='max' />
                <attribute name='revenue' alias='withrevenue' aggregate='countcolumn' />
                <order alias='n' descending='true' />
              </entity></fetch>");
            Assert.Equal(2, result.Entities.Count);
            var mine = result.Entities[0];
            object V(Entity e, string alias) => ((AliasedValue)e[alias]).Value;
            Assert.Equal(TestData.UserId, ((EntityReference)V(mine, "owner")).Id);
            Assert.Equal(3, V(mine, "n"));
            Assert.Equal(new Money(4250.5m), V(mine, "total"));
            Assert.Equal(new Money(4250.5m / 3), V(mine, "average"));
            Assert.Equal(80, V(mine, "people"));
            Assert.Equal(10, V(mine, "smallest"));
            Assert.Equal(50, V(mine, "largest"));
            Assert.Equal(3, V(mine, "withrevenue"));
            var other = result.Entities[1];
            Assert.Equal(2, V(other, "n"));
            Assert.Equal(new Money(500m), V(other, "total"));
            Assert.Equal(1, V(other, "withrevenue"));
            Assert.Equal("account", ((AliasedValue)other["n"]).EntityLogicalName);
            Assert.Equal("revenue", ((AliasedValue)other["total"]).AttributeLogicalName);
        }

        [Fact]
        public void Aggregates_GroupByLinkColumn_CountDistinct_AndNoGroup()
        {
            // Task minutes per account name through task → contact → account.
            var result = Fetch(@"<fetch aggregate='true'><entity name='task'>
                <attribute name='actualdurationminutes' alias='minutes' aggregate='sum' />
                <attribute name='regardingobjectid' alias='contacts' aggregate='countcolumn' distinct='true' />
                <link-entity name='contact' from='contactid' to='regardingobjectid'>
                  <link-entity name='account' from='accountid' to='parentcustomerid' alias='a'>
                    <attribute name='name' alias='account' groupby='true' />
                  </link-entity>
                </link-entity>
                <order alias='account' />
              </entity></fetch>");
            var rows = result.Entities.Select(e => (((AliasedValue)e["account"]).Value, ((AliasedValue)e["minutes"]).Value, ((AliasedValue)e["contacts"]).Value)).ToList();
            Assert.Equal(new (object, object, object)[] { ("Contoso", 45, 1), ("Fabrikam", 45, 1) }, rows);

            var totals = Fetch(@"<fetch aggregate='true'><entity name='account'>
                <attribute name='accountid' alias='n' aggregate='count' />
                <attribute name='industrycode' alias='industries' aggregate='countcolumn' distinct='true' />
                <filter><condition attribute='name' operator='not-null' /></filter>
              </entity></fetch>");
            var single = Assert.Single(totals.Entities);
            Assert.Equal(4, ((AliasedValue)single["n"]).Value);
            Assert.Equal(2, ((AliasedValue)single["industries"]).Value);

            var none = Fetch("<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count' /><filter><condition attribute='name' operator='eq' value='nobody' /></filter></entity></fetch>");
            Assert.Equal(0, ((AliasedValue)Assert.Single(none.Entities)["n"]).Value);
        }

        [Fact]
        public void Aggregates_DateGrouping()
        {
            var result = Fetch(@"<fetch aggregate='true'><entity name='account'>
                <attribute name='createdon' alias='year' groupby='true' dategrouping='year' />
                <attribute name='accountid' alias='n' aggregate='count' />
                <order alias='year' /></entity></fetch>");
            var rows = result.Entities.Select(e => (e.Contains("year") ? ((AliasedValue)e["year"]).Value : null, ((AliasedValue)e["n"]).Value)).ToList();
            Assert.Equal(new (object, object)[] { (null, 1), (2022, 1), (2024, 3) }, rows);
        }

        [Fact]
        public void InvalidFetchXml_FaultsClearly()
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Fetch("<fetch><entity name='account'>"));
            Assert.Contains("not well-formed", fault.Detail.Message);
            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Fetch("<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x' /></filter></entity></fetch>"));
            Assert.Contains("sounds-like", fault.Detail.Message);
            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Fetch("<fetch><entity name='account'><attribut name='name' /></entity></fetch>"));
            Assert.Contains("attribut", fault.Detail.Message);
            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Fetch("<fetch><entity name='account'><attribute name='nope' /></entity></fetch>"));
            Assert.Equal(unchecked((int)0x80041103), fault.Detail.ErrorCode);
            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Fetch("<fetch top='2' page='2' count='1'><entity name='account' /></fetch>"));
            Assert.Contains("top", fault.Detail.Message);
        }

        [Fact]
        public void EntityNameOf_ReadsEveryQueryKind()
        {
            Assert.Equal("contact", QueryEngine.EntityNameOf(new FetchExpression("<fetch><entity name='contact' /></fetch>")));
            Assert.Equal("account", QueryEngine.EntityNameOf(new QueryByAttribute("account")));
            Assert.Null(QueryEngine.EntityNameOf(new FetchExpression("<fetch")));
        }

        [Fact]
        public void FetchXml_LinkWithoutFromTo_UsesTheRelationship()
        {
            var result = Fetch("<fetch><entity name='account'><attribute name='name' /><link-entity name='contact' link-type='exists' /><order attribute='name' /></entity></fetch>");
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, TestData.Names(result));
        }

        [Fact]
        public void AllAttributes_AndAttributeAliases()
        {
            var result = Fetch($@"<fetch><entity name='account'><all-attributes />
                <filter><condition attribute='accountid' operator='eq' value='{_rows["contoso"].Id}' /></filter>
                <link-entity name='contact' from='contactid' to='primarycontactid' alias='pc'>
                  <attribute name='fullname' alias='contactname' /><attribute name='numberofchildren' />
                </link-entity></entity></fetch>");
            var row = Assert.Single(result.Entities);
            Assert.Equal("Contoso", row["name"]);
            Assert.Equal(new Money(1000m), row["revenue"]);
            Assert.Equal(new OptionSetValue(1), row["industrycode"]);
            Assert.Equal("Alice Smith", ((AliasedValue)row["contactname"]).Value);
            Assert.Equal(2, ((AliasedValue)row["pc.numberofchildren"]).Value);
        }

        [Fact]
        public void QueryExpression_AttributeExpressions_AggregateLikeFetch()
        {
            var query = new QueryExpression("account");
            query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("industrycode", XrmAggregateType.None, "industry") { HasGroupBy = true });
            query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("revenue", XrmAggregateType.Max, "top"));
            query.Orders.Add(new OrderExpression(null, OrderType.Descending, "top"));
            var result = _engine.Execute(query, TestData.Context());
            var rows = result.Entities.Select(e => (e.Contains("industry") ? ((OptionSetValue)((AliasedValue)e["industry"]).Value).Value : 0,
                e.Contains("top") ? ((Money)((AliasedValue)e["top"]).Value).Value : 0m)).ToList();
            Assert.Equal(new[] { (2, 2500.5m), (1, 1000m), (3, 750m), (0, 0m) }, rows);
        }
    }
}
