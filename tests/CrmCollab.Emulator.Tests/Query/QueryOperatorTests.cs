using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    public class QueryOperatorTests
    {
        private readonly InMemorySource _source;
        private readonly System.Collections.Generic.Dictionary<string, Entity> _rows;
        private readonly QueryEngine _engine;

        public QueryOperatorTests()
        {
            (_source, _rows) = TestData.Small();
            _engine = new QueryEngine(_source);
        }

        private string[] Run(string column, ConditionOperator op, params object[] values)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition(column, op, values);
            return _engine.Execute(query, TestData.Context()).Entities
                .Select(e => _rows.First(r => r.Value.Id == e.Id).Key).OrderBy(k => k).ToArray();
        }

        [Fact]
        public void Equality_IsCaseInsensitive_AndNullsNeverMatchNotEqual()
        {
            Assert.Equal(new[] { "contoso" }, Run("name", ConditionOperator.Equal, "CONTOSO"));
            Assert.Equal(new[] { "adventure", "fabrikam", "litware" }, Run("name", ConditionOperator.NotEqual, "contoso"));
        }

        [Fact]
        public void Comparisons_UseUnderlyingValues_OfMoneyChoiceAndLookup()
        {
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("revenue", ConditionOperator.GreaterEqual, 1000m));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("revenue", ConditionOperator.GreaterEqual, new Money(1000m)));
            Assert.Equal(new[] { "adventure" }, Run("revenue", ConditionOperator.LessThan, 750));
            Assert.Equal(new[] { "litware", "contoso" }.OrderBy(x => x), Run("numberofemployees", ConditionOperator.LessEqual, 10));
            Assert.Equal(new[] { "fabrikam", "noname" }, Run("numberofemployees", ConditionOperator.GreaterThan, 10));
            Assert.Equal(new[] { "adventure", "contoso" }, Run("industrycode", ConditionOperator.Equal, 1));
            Assert.Equal(new[] { "adventure", "contoso" }, Run("industrycode", ConditionOperator.Equal, new OptionSetValue(1)));
            Assert.Equal(new[] { "contoso" }, Run("primarycontactid", ConditionOperator.Equal, _rows["alice"].Id));
            Assert.Equal(new[] { "contoso" }, Run("primarycontactid", ConditionOperator.Equal, new EntityReference("contact", _rows["alice"].Id)));
            Assert.Equal(new[] { "fabrikam" }, Run("accountid", ConditionOperator.Equal, _rows["fabrikam"].Id));
            Assert.Equal(new[] { "contoso" }, Run("creditonhold", ConditionOperator.Equal, true));
            Assert.Equal(new[] { "contoso" }, Run("rating", ConditionOperator.GreaterThan, 4));
        }

        [Fact]
        public void NullInAndBetween()
        {
            Assert.Equal(new[] { "litware" }, Run("revenue", ConditionOperator.Null));
            Assert.Equal(new[] { "adventure", "contoso", "fabrikam", "noname" }, Run("revenue", ConditionOperator.NotNull));
            Assert.Equal(new[] { "contoso", "fabrikam", "noname" }, Run("industrycode", ConditionOperator.In, 2, 3, 1).Where(k => k != "adventure").ToArray());
            Assert.Equal(new[] { "fabrikam", "noname" }, Run("industrycode", ConditionOperator.In, new[] { 2, 3 }));
            Assert.Equal(new[] { "adventure", "contoso" }, Run("industrycode", ConditionOperator.NotIn, 2, 3));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("ownerid", ConditionOperator.In, TestData.UserId, Guid.NewGuid()).Where(k => k != "noname").ToArray());
            Assert.Equal(new[] { "contoso", "noname" }, Run("revenue", ConditionOperator.Between, 750m, 1000m));
            Assert.Equal(new[] { "adventure", "fabrikam" }, Run("revenue", ConditionOperator.NotBetween, 750m, 1000m));
        }

        [Fact]
        public void LikeFamily_WildcardsSetsAndCase()
        {
            Assert.Equal(new[] { "contoso" }, Run("name", ConditionOperator.Like, "c%"));
            Assert.Equal(new[] { "adventure", "contoso" }, Run("name", ConditionOperator.Like, "%o%").Where(k => k != "litware").ToArray());
            Assert.Equal(new[] { "contoso" }, Run("name", ConditionOperator.Like, "C_ntoso"));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("name", ConditionOperator.Like, "[cf]%"));
            Assert.Equal(new[] { "adventure", "litware" }, Run("name", ConditionOperator.Like, "[^cf]%"));
            Assert.Equal(new[] { "litware" }, Run("name", ConditionOperator.Like, "%[_]inc"));
            Assert.Equal(new[] { "adventure", "fabrikam", "litware" }, Run("name", ConditionOperator.NotLike, "c%"));
            Assert.Equal(new[] { "fabrikam" }, Run("name", ConditionOperator.BeginsWith, "FAB"));
            Assert.Equal(new[] { "adventure", "contoso", "litware" }, Run("name", ConditionOperator.DoesNotBeginWith, "fab"));
            Assert.Equal(new[] { "adventure" }, Run("name", ConditionOperator.EndsWith, "works"));
            Assert.Equal(new[] { "contoso", "fabrikam", "litware" }, Run("name", ConditionOperator.DoesNotEndWith, "works"));
            Assert.Equal(new[] { "adventure" }, Run("name", ConditionOperator.Contains, "ture w"));
        }

        [Fact]
        public void DateOperators_RelativeToTheClock()
        {
            Assert.Equal(new[] { "contoso" }, Run("createdon", ConditionOperator.Today));
            Assert.Equal(new[] { "fabrikam" }, Run("createdon", ConditionOperator.Yesterday));
            Assert.Empty(Run("createdon", ConditionOperator.Tomorrow));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("createdon", ConditionOperator.LastXDays, 1));
            Assert.Equal(new[] { "adventure", "contoso", "fabrikam" }, Run("createdon", ConditionOperator.LastXDays, 10));
            Assert.Equal(new[] { "contoso" }, Run("createdon", ConditionOperator.LastXHours, 3));
            Assert.Equal(new[] { "adventure", "litware" }, Run("createdon", ConditionOperator.OlderThanXDays, 2));
            Assert.Equal(new[] { "litware" }, Run("createdon", ConditionOperator.OlderThanXMonths, 6));
            Assert.Equal(new[] { "litware" }, Run("createdon", ConditionOperator.OlderThanXYears, 1));
            Assert.Equal(new[] { "contoso" }, Run("createdon", ConditionOperator.On, TestData.Now.Date));
            Assert.Equal(new[] { "adventure", "fabrikam", "litware" }, Run("createdon", ConditionOperator.OnOrBefore, TestData.Now.Date.AddDays(-1)));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("createdon", ConditionOperator.OnOrAfter, "2024-06-11"));
            Assert.Equal(new[] { "adventure", "contoso", "fabrikam" }, Run("createdon", ConditionOperator.ThisYear));
            Assert.Equal(new[] { "contoso", "fabrikam" }, Run("createdon", ConditionOperator.ThisWeek));
            Assert.Equal(new[] { "litware" }, Run("createdon", ConditionOperator.Between, "2022-01-01", "2022-12-31"));
        }

        [Fact]
        public void UserAndBusinessOperators()
        {
            Assert.Equal(new[] { "contoso", "fabrikam", "noname" }, Run("ownerid", ConditionOperator.EqualUserId));
            Assert.Equal(new[] { "adventure", "litware" }, Run("ownerid", ConditionOperator.NotEqualUserId));
            Assert.Equal(5, Run("owningbusinessunit", ConditionOperator.EqualBusinessId).Length);
            Assert.Equal(new[] { "contoso", "fabrikam", "noname" }, Run("ownerid", ConditionOperator.EqualUserOrUserTeams));
        }

        [Fact]
        public void MultiSelectChoice_ContainValues()
        {
            Assert.Equal(new[] { "contoso" }, Run("categories", ConditionOperator.ContainValues, 2, 7));
            Assert.Equal(4, Run("categories", ConditionOperator.DoesNotContainValues, 1).Length);
        }

        [Fact]
        public void NestedFilters_AndOr()
        {
            // (industry = Retail AND revenue >= 1000) OR (employees > 10 AND name like '%ikam')
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.FilterOperator = LogicalOperator.Or;
            var a = query.Criteria.AddFilter(LogicalOperator.And);
            a.AddCondition("industrycode", ConditionOperator.Equal, 1);
            a.AddCondition("revenue", ConditionOperator.GreaterEqual, 1000m);
            var b = query.Criteria.AddFilter(LogicalOperator.And);
            b.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 10);
            b.AddCondition("name", ConditionOperator.Like, "%ikam");
            var names = TestData.Names(_engine.Execute(query, TestData.Context())).OrderBy(n => n);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, names);
        }

        [Fact]
        public void CompareColumns_SameRow()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.GreaterThan, true, "sequence");
            _rows["contoso"]["sequence"] = 3;
            _rows["fabrikam"]["sequence"] = 99;
            Assert.Equal(new[] { "Contoso" }, TestData.Names(_engine.Execute(query, TestData.Context())));
        }

        [Fact]
        public void UnknownColumn_FaultsWithServerCodeAndMessage()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("nosuchcolumn", ConditionOperator.Equal, 1);
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.Execute(query, TestData.Context()));
            Assert.Equal(unchecked((int)0x80041103), fault.Detail.ErrorCode);
            Assert.StartsWith("'account' entity doesn't contain attribute with Name = 'nosuchcolumn' and NameMapping = 'Logical'.", fault.Detail.Message);

            var columns = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "bogus") };
            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.Execute(columns, TestData.Context()));
            Assert.Contains("Name = 'bogus'", fault.Detail.Message);

            fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.Execute(new QueryExpression("nosuchtable"), TestData.Context()));
            Assert.Equal(unchecked((int)0x80041102), fault.Detail.ErrorCode);
        }

        [Fact]
        public void WrongValueType_Faults()
        {
            var query = new QueryExpression("account");
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, "not a number");
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _engine.Execute(query, TestData.Context()));
            Assert.Contains("numberofemployees", fault.Detail.Message);
        }

        [Fact]
        public void ColumnSet_ReturnsOnlyNonNullRequestedColumnsAndId_AsCopies()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "revenue", "primarycontactid") };
            query.Criteria.AddCondition("accountid", ConditionOperator.Equal, _rows["litware"].Id);
            var row = Assert.Single(_engine.Execute(query, TestData.Context()).Entities);
            Assert.Equal(_rows["litware"].Id, row.Id);
            Assert.Equal(new[] { "accountid", "name" }, row.Attributes.Select(a => a.Key).OrderBy(k => k));

            query.Criteria = new FilterExpression();
            query.Criteria.AddCondition("accountid", ConditionOperator.Equal, _rows["contoso"].Id);
            var contoso = Assert.Single(_engine.Execute(query, TestData.Context()).Entities);
            var reference = contoso.GetAttributeValue<EntityReference>("primarycontactid");
            Assert.NotSame(_rows["contoso"]["primarycontactid"], reference);
            reference.Id = Guid.Empty;
            contoso.GetAttributeValue<Money>("revenue").Value = 0;
            Assert.Equal(_rows["alice"].Id, ((EntityReference)_rows["contoso"]["primarycontactid"]).Id);
            Assert.Equal(1000m, ((Money)_rows["contoso"]["revenue"]).Value);
            Assert.NotSame(_rows["contoso"], contoso);
        }

        [Fact]
        public void CanRead_HidesRows()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var result = _engine.Execute(query, TestData.Context((table, row) => row.GetAttributeValue<EntityReference>("ownerid").Id == TestData.UserId));
            Assert.Equal(3, result.Entities.Count);
        }

        [Fact]
        public void QueryByAttribute_EqualsAndOrders()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
            query.AddAttributeValue("ownerid", TestData.UserId);
            query.AddOrder("name", OrderType.Descending);
            var result = _engine.Execute(query, TestData.Context());
            Assert.Equal(new[] { "Fabrikam", "Contoso", null }, TestData.Names(result));
        }
    }
}
