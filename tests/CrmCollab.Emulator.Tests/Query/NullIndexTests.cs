using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// "Unset or this value" (a rule for any industry or this one): the engine reads the rows without a value and the
    /// value's rows through the column's index, instead of every row, and keeps the rows without a value current
    /// through writes and rollbacks. The answer is always the scan's.
    /// </summary>
    public class NullIndexTests
    {
        /// <summary>3,000 widgets of quantities 1–99; one in 100 has none.</summary>
        private static DataverseEngine Organisation(out List<Guid> ids) =>
            Widgets.Boot(3000, (i, widget) => { if (i % 100 != 0) widget["crmc_quantity"] = 1 + i % 99; }, out ids);

        private static QueryExpression UnsetOr(int quantity, bool throughIndex)
        {
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddCondition("crmc_quantity", ConditionOperator.Null);
            either.AddCondition("crmc_quantity", ConditionOperator.Equal, quantity);
            query.Criteria.AddFilter(either);
            query.AddOrder("crmc_name", OrderType.Ascending);
            return throughIndex ? query : Widgets.Unindexed(query);
        }

        private static List<string> Names(IQueryDataSource source, QueryExpression query) =>
            new QueryEngine(source).Execute(query).Entities.Select(e => e.GetAttributeValue<string>("crmc_name")).ToList();

        [Fact]
        public void Unset_or_a_value_reads_the_rows_without_a_value_and_the_values_rows_only()
        {
            DataverseEngine engine = Organisation(out _);
            var throughIndex = new CountingSource(engine.DataSource, idOrder: true);
            var byScan = new CountingSource(engine.DataSource, idOrder: true);

            List<string> names = Names(throughIndex, UnsetOr(7, throughIndex: true));

            Assert.Equal(Names(byScan, UnsetOr(7, throughIndex: false)), names);
            Assert.Equal(30 + 30, names.Count); // 30 without a quantity, 30 of quantity 7
            Assert.Equal(60, throughIndex.RowsRead);
            Assert.Equal(3000, byScan.RowsRead);
        }

        [Fact]
        public void A_value_that_finds_few_rows_spares_asking_for_the_rows_without_a_value()
        {
            DataverseEngine engine = Organisation(out _);
            var source = new CountingSource(engine.DataSource, idOrder: true);
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            query.Criteria.AddCondition("crmc_quantity", ConditionOperator.Null); // written first: most widgets have a quantity
            query.Criteria.AddCondition("crmc_name", ConditionOperator.Equal, "w200");

            Assert.Equal(new[] { "w200" }, Names(source, query));
            Assert.Equal(0, source.NullLookups);
            Assert.Equal(1, source.RowsRead);
        }

        [Fact]
        public void The_rows_without_a_value_follow_writes_and_rollbacks()
        {
            DataverseEngine engine = Organisation(out List<Guid> ids);
            IOrganizationService service = engine.SystemService;
            Assert.Equal(60, service.RetrieveMultiple(UnsetOr(7, throughIndex: true)).Entities.Count); // keeps the null rows from now on

            service.Update(new Entity("crmc_widget", ids[1]) { ["crmc_quantity"] = null });   // loses its value
            service.Update(new Entity("crmc_widget", ids[100]) { ["crmc_quantity"] = 50 });   // gains one
            service.Create(new Entity("crmc_widget") { ["crmc_name"] = "late" });              // none from the start
            service.Delete("crmc_widget", ids[200]);                                            // one without, gone
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => service.Create(new Entity("crmc_widget") { ["crmc_name"] = "refuse" }));

            foreach (int quantity in new[] { 7, 50 })
                Assert.Equal(Names(engine.DataSource, UnsetOr(quantity, throughIndex: false)), Names(engine.DataSource, UnsetOr(quantity, throughIndex: true)));
            var unset = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            unset.Criteria.AddCondition("crmc_quantity", ConditionOperator.Null);
            var found = service.RetrieveMultiple(unset).Entities.Select(e => e.Id).ToList();
            Assert.Equal(30, found.Count); // 30, + ids[1], + "late", − ids[100], − ids[200]
            Assert.Contains(ids[1], found);
            Assert.DoesNotContain(ids[100], found);
            Assert.DoesNotContain(ids[200], found);
        }
    }
}
