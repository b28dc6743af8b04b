using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// An "in" condition on an indexed column reads the index once per value and keeps each row once, whether the
    /// candidates are few (told apart through the list) or many (through a set): the same rows as the plain scan.
    /// </summary>
    public class IndexedInTests
    {
        [Theory]
        [InlineData(2)]   // a handful of candidates
        [InlineData(12)]  // well past the point where a set takes over
        public void In_through_the_index_returns_the_rows_an_or_of_equalities_returns(int values)
        {
            IOrganizationService service = new TestOrg().Boot().SystemService;
            for (int i = 0; i < 60; i++)
                service.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" + i, ["crmc_quantity"] = i % 20 });

            // The same value twice, as a caller may send it: its rows still come once.
            object[] wanted = Enumerable.Range(0, values).Select(v => (object)(v * 3 % 20)).Append(0).ToArray();
            var indexed = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name", "crmc_quantity") };
            indexed.Criteria.AddCondition("crmc_quantity", ConditionOperator.In, wanted);
            var scanned = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name", "crmc_quantity") };
            scanned.Criteria.FilterOperator = LogicalOperator.Or;
            foreach (object value in wanted) scanned.Criteria.AddCondition("crmc_quantity", ConditionOperator.Equal, value);

            var byIndex = service.RetrieveMultiple(indexed).Entities.Select(e => e.Id).ToList();
            var byScan = service.RetrieveMultiple(scanned).Entities.Select(e => e.Id).ToList();

            Assert.Equal(3 * wanted.Distinct().Count(), byIndex.Count);
            Assert.Equal(byScan, byIndex);
        }
    }
}
