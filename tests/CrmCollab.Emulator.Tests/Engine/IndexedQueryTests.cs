using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>Equality lookups go through indexes; they must see every write, update and rollback exactly.</summary>
    public class IndexedQueryTests
    {
        private static string[] NamesWithParent(DataverseEngine engine, Guid parent)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, parent);
            return engine.SystemService.RetrieveMultiple(query).Entities.Select(e => (string)e["name"]).OrderBy(n => n).ToArray();
        }

        [Fact]
        public void An_indexed_lookup_follows_creates_updates_deletes_and_rollbacks()
        {
            var org = new TestOrg();
            org.Step("Update", "account", Metadata.StepStage.PostOperation, run =>
            {
                if (run.Target.GetAttributeValue<string>("name") == "refuse") throw new InvalidPluginExecutionException("No.");
            });
            DataverseEngine engine = org.Boot();
            IOrganizationService service = engine.SystemService;
            Guid group = service.Create(new Entity("account") { ["name"] = "Group" });
            Guid other = service.Create(new Entity("account") { ["name"] = "Other" });
            Guid a = service.Create(new Entity("account") { ["name"] = "a", ["parentaccountid"] = new EntityReference("account", group) });
            Assert.Equal(new[] { "a" }, NamesWithParent(engine, group)); // builds the index

            Guid b = service.Create(new Entity("account") { ["name"] = "b", ["parentaccountid"] = new EntityReference("account", group) });
            service.Update(new Entity("account", a) { ["parentaccountid"] = new EntityReference("account", other) });
            Assert.Equal(new[] { "b" }, NamesWithParent(engine, group));
            Assert.Equal(new[] { "a" }, NamesWithParent(engine, other));

            Fails(() => service.Update(new Entity("account", b)
            {
                ["name"] = "refuse", ["parentaccountid"] = new EntityReference("account", other),
            }), ErrorCodes.IsvAborted);
            Assert.Equal(new[] { "b" }, NamesWithParent(engine, group)); // rolled back: still under the group

            service.Delete("account", b);
            Assert.Empty(NamesWithParent(engine, group));
        }

        [Fact]
        public void Text_equality_through_the_index_stays_case_insensitive()
        {
            DataverseEngine engine = new TestOrg().Boot();
            engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "AB-12" });
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "ab-12");

            Assert.Single(engine.SystemService.RetrieveMultiple(query).Entities);
        }
    }
}
