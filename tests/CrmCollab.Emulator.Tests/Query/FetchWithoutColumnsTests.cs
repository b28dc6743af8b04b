using System.Linq;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// FetchXML: "If you do not specify columns, or you use the all-attributes element, data for all columns is returned"
    /// (powerapps-docs fetchxml/select-columns.md). QueryExpression is the opposite: "If you set no columns, only the primary
    /// key value for the record is returned" (org-service/queryexpression/select-columns.md).
    /// </summary>
    public class FetchWithoutColumnsTests
    {
        [Fact]
        public void An_admins_fetch_naming_no_column_lists_the_accounts_with_their_columns_and_a_query_expression_only_their_ids()
        {
            var svc = new TestOrg().Boot().SystemService;
            var id = svc.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });

            var fetched = svc.RetrieveMultiple(new FetchExpression(
                "<fetch><entity name='account'><filter><condition attribute='accountnumber' operator='eq' value='C-1' /></filter></entity></fetch>"))
                .Entities.Single();
            Assert.Equal(id, fetched.Id);
            Assert.Equal("Contoso", fetched.GetAttributeValue<string>("name"));
            Assert.Equal("C-1", fetched.GetAttributeValue<string>("accountnumber"));

            var queried = svc.RetrieveMultiple(new QueryExpression("account")).Entities.Single();
            Assert.Equal(id, queried.Id);
            Assert.False(queried.Contains("name"));
        }

        [Fact]
        public void A_fetch_naming_columns_or_counting_returns_only_what_it_names()
        {
            var svc = new TestOrg().Boot().SystemService;
            svc.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });

            var named = svc.RetrieveMultiple(new FetchExpression("<fetch><entity name='account'><attribute name='name' /></entity></fetch>")).Entities.Single();
            Assert.Equal("Contoso", named.GetAttributeValue<string>("name"));
            Assert.False(named.Contains("accountnumber"));

            var count = svc.RetrieveMultiple(new FetchExpression(
                "<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count' /></entity></fetch>")).Entities.Single();
            Assert.Equal(new[] { "n" }, count.Attributes.Keys.ToArray());
        }
    }
}
