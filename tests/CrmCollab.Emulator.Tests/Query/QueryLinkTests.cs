using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    public class QueryLinkTests
    {
        private readonly InMemorySource _source;
        private readonly Dictionary<string, Entity> _rows;
        private readonly QueryEngine _engine;

        public QueryLinkTests()
        {
            (_source, _rows) = TestData.Small();
            _engine = new QueryEngine(_source);
        }

        private static object Aliased(Entity e, string key) =>
            e.Contains(key) ? ((AliasedValue)e[key]).Value : null;

        [Fact]
        public void InnerLink_OneToMany_MultipliesRows_WithDefaultAlias()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "accountid", "parentcustomerid");
            link.Columns = new ColumnSet("fullname", "numberofchildren");
            query.AddOrder("name", OrderType.Ascending);
            link.Orders.Add(new OrderExpression("fullname", OrderType.Ascending));

            var result = _engine.Execute(query, TestData.Context());
            var pairs = result.Entities.Select(e => (e.GetAttributeValue<string>("name"), (string)Aliased(e, "contact1.fullname"))).ToList();
            Assert.Equal(new[] { ("Contoso", "Alice Smith"), ("Contoso", "Bob Jones"), ("Fabrikam", "Carol White") }, pairs);
            var alias = (AliasedValue)result.Entities[0]["contact1.numberofchildren"];
            Assert.Equal("contact", alias.EntityLogicalName);
            Assert.Equal("numberofchildren", alias.AttributeLogicalName);
            Assert.Equal(2, alias.Value);
            Assert.Equal(result.Entities[0].Id, result.Entities[1].Id);
        }

        [Fact]
        public void OuterLink_KeepsUnmatched_AndRootConditionOnLinkAlias_GivesNotExists()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            link.EntityAlias = "c";
            link.Columns = new ColumnSet("fullname");
            var all = _engine.Execute(query, TestData.Context());
            Assert.Equal(6, all.Entities.Count); // 2 for Contoso, 1 Fabrikam, 3 without contacts
            Assert.Equal(3, all.Entities.Count(e => !e.Contains("c.fullname")));

            query.Criteria.AddCondition("c", "contactid", ConditionOperator.Null);
            var without = _engine.Execute(query, TestData.Context());
            Assert.Equal(new[] { "Adventure Works", "litware_inc", null }.OrderBy(n => n), TestData.Names(without).OrderBy(n => n));
        }

        [Fact]
        public void LinkCriteria_FilterTheJoinedSide()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "accountid", "parentcustomerid");
            link.LinkCriteria.AddCondition("numberofchildren", ConditionOperator.GreaterThan, 0);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, TestData.Names(_engine.Execute(query, TestData.Context())).OrderBy(n => n));

            link.LinkCriteria.AddCondition("fullname", ConditionOperator.BeginsWith, "carol");
            Assert.Equal(new[] { "Fabrikam" }, TestData.Names(_engine.Execute(query, TestData.Context())));

            // On an outer link, criteria restrict the joined rows but keep every account.
            link.JoinOperator = JoinOperator.LeftOuter;
            link.Columns = new ColumnSet("fullname");
            link.EntityAlias = "kid";
            var outer = _engine.Execute(query, TestData.Context());
            Assert.Equal(5, outer.Entities.Count);
            Assert.Single(outer.Entities, e => e.Contains("kid.fullname"));
        }

        [Fact]
        public void ManyToOneLink_OnLookup_AndNestedLinks()
        {
            // task → contact (regarding) → account (parent customer)
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject") };
            var contact = query.AddLink("contact", "regardingobjectid", "contactid");
            contact.EntityAlias = "c";
            contact.Columns = new ColumnSet("fullname");
            var account = contact.AddLink("account", "parentcustomerid", "accountid");
            account.Columns = new ColumnSet("name", "revenue");
            query.Criteria.AddCondition("account1", "name", ConditionOperator.Equal, "contoso");
            query.AddOrder("subject", OrderType.Ascending);

            var result = _engine.Execute(query, TestData.Context());
            Assert.Equal(new[] { "Call Alice", "Email Alice" }, TestData.Names(result, "subject"));
            Assert.Equal("Contoso", Aliased(result.Entities[0], "account1.name"));
            Assert.Equal(1000m, ((Money)Aliased(result.Entities[0], "account1.revenue")).Value);
            Assert.Equal("Alice Smith", Aliased(result.Entities[1], "c.fullname"));
        }

        [Fact]
        public void ExistsAndNotAny_AreSemiJoins()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Exists);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, TestData.Names(_engine.Execute(query, TestData.Context())).OrderBy(n => n));

            // Nested: accounts with a contact that has a task longer than 40 minutes.
            var task = link.AddLink("task", "contactid", "regardingobjectid");
            task.LinkCriteria.AddCondition("actualdurationminutes", ConditionOperator.GreaterThan, 40);
            Assert.Equal(new[] { "Fabrikam" }, TestData.Names(_engine.Execute(query, TestData.Context())));

            link.JoinOperator = JoinOperator.NotAny;
            link.LinkEntities.Clear();
            Assert.Equal(3, _engine.Execute(query, TestData.Context()).Entities.Count);
        }

        [Fact]
        public void LinkRows_RespectCanRead()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.AddLink("contact", "accountid", "parentcustomerid");
            var bobHidden = TestData.Context((table, row) => !(table == "contact" && row.Id == _rows["bob"].Id));
            Assert.Equal(2, _engine.Execute(query, bobHidden).Entities.Count);
        }

        [Fact]
        public void UnknownLinkColumn_Faults()
        {
            var query = new QueryExpression("account");
            query.AddLink("contact", "accountid", "nosuch");
            var fault = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _engine.Execute(query, TestData.Context()));
            Assert.StartsWith("'contact' entity doesn't contain attribute with Name = 'nosuch'", fault.Detail.Message);
        }

        [Fact]
        public void Join_over_10k_contacts_returns_exactly_those_of_the_filtered_account()
        {
            var source = new InMemorySource(TestData.Catalog());
            var accounts = new List<Entity>();
            for (int i = 0; i < 1000; i++)
                accounts.Add(source.Add(new Entity("account") { ["name"] = "A" + i }));
            for (int i = 0; i < 10000; i++)
                source.Add(new Entity("contact") { ["fullname"] = "C" + i, ["parentcustomerid"] = accounts[i % 1000].ToEntityReference() });
            var engine = new QueryEngine(source);
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            var link = query.AddLink("account", "parentcustomerid", "accountid");
            link.Columns = new ColumnSet("name");
            link.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "A7");
            var result = engine.Execute(query, TestData.Context());
            Assert.Equal(10, result.Entities.Count);
            Assert.All(result.Entities, e => Assert.Equal("A7", Aliased(e, "account1.name")));
        }
    }
}
