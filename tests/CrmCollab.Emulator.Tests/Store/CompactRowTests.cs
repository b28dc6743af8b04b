using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// Rows are kept compactly (shared references and choices, attributes by column number) and still behave as
    /// private copies: nothing a caller or a plugin holds is the store's, and a rolled-back write leaves no trace.
    /// </summary>
    public class CompactRowTests
    {
        private static Entity Stored(DataverseEngine engine, Guid id) =>
            engine.Store.Rows.TryGet("crmc_widget", id, out var row) ? row : throw new InvalidOperationException("no row");

        private static Guid Widget(DataverseEngine engine, string name, Guid account) =>
            engine.SystemService.Create(new Entity("crmc_widget")
            {
                ["crmc_name"] = name, ["crmc_accountid"] = new EntityReference("account", account),
                ["crmc_category"] = new OptionSetValue(2), ["crmc_flag"] = true,
            });

        [Fact]
        public void Widgets_of_one_account_share_the_stored_reference_but_every_reader_gets_its_own()
        {
            var engine = new TestOrg().Boot();
            Guid account = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
            Guid first = Widget(engine, "w1", account), second = Widget(engine, "w2", account);

            Assert.Same(Stored(engine, first)["crmc_accountid"], Stored(engine, second)["crmc_accountid"]);
            Assert.Same(Stored(engine, first)["crmc_category"], Stored(engine, second)["crmc_category"]);

            var read = engine.SystemService.Retrieve("crmc_widget", first, new ColumnSet(true));
            var reference = read.GetAttributeValue<EntityReference>("crmc_accountid");
            Assert.NotSame(Stored(engine, first)["crmc_accountid"], reference);
            reference.Id = Guid.NewGuid();
            read.GetAttributeValue<OptionSetValue>("crmc_category").Value = 1;

            var again = engine.SystemService.Retrieve("crmc_widget", second, new ColumnSet("crmc_accountid", "crmc_category"));
            Assert.Equal(account, again.GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Assert.Equal(2, again.GetAttributeValue<OptionSetValue>("crmc_category").Value);
            Assert.Equal(account, engine.SystemService.Retrieve("crmc_widget", first, new ColumnSet("crmc_accountid"))
                .GetAttributeValue<EntityReference>("crmc_accountid").Id);
        }

        [Fact]
        public void What_the_caller_changes_after_a_write_does_not_reach_the_store_and_its_entity_is_left_as_it_was()
        {
            var engine = new TestOrg().Boot();
            Guid account = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
            var reference = new EntityReference("account", account);
            var category = new OptionSetValue(2);
            var target = new Entity("crmc_widget") { ["crmc_name"] = "w1", ["crmc_accountid"] = reference, ["crmc_category"] = category };
            Guid id = engine.SystemService.Create(target);
            Assert.Equal(Guid.Empty, target.Id); // no step observes it: the request was the caller's own, and stays so
            reference.Id = Guid.NewGuid();
            category.Value = 1;
            target["crmc_name"] = "changed";

            var update = new Entity("crmc_widget", id) { ["crmc_category"] = new OptionSetValue(1) };
            engine.SystemService.Update(update);
            ((OptionSetValue)update["crmc_category"]).Value = 2;

            var row = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet(true));
            Assert.Equal("w1", row["crmc_name"]);
            Assert.Equal(account, row.GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("crmc_category").Value);
        }

        [Fact]
        public void A_step_after_the_create_still_reads_the_new_id_on_its_target_and_the_caller_keeps_its_entity()
        {
            var org = new TestOrg();
            Guid seen = Guid.Empty;
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => seen = run.Target.Id);
            var engine = org.Boot();
            var target = new Entity("crmc_widget") { ["crmc_name"] = "w1" };
            Guid id = engine.SystemService.Create(target);
            Assert.Equal(id, seen);
            Assert.Equal(Guid.Empty, target.Id);
        }

        [Fact]
        public void A_stored_row_refuses_to_be_changed_in_place()
        {
            var engine = new TestOrg().Boot();
            Guid id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "w1" });
            var row = Stored(engine, id);
            Assert.Throws<InvalidOperationException>(() => row["crmc_name"] = "changed");
            Assert.Throws<InvalidOperationException>(() => row.Attributes.Remove("crmc_name"));
            Assert.Equal("w1", row["crmc_name"]);
        }

        [Fact]
        public void A_rolled_back_update_puts_back_every_value_and_the_lookup_index()
        {
            var org = new TestOrg();
            org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
            {
                if (run.Target.Contains("crmc_notes")) throw new InvalidPluginExecutionException("Notes are frozen.");
            });
            var engine = org.Boot();
            Guid contoso = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
            Guid fabrikam = engine.SystemService.Create(new Entity("account") { ["name"] = "Fabrikam" });
            Guid id = Widget(engine, "w1", contoso);
            var before = Stored(engine, id).Attributes.ToList();

            Fails(() => engine.SystemService.Update(new Entity("crmc_widget", id)
            {
                ["crmc_accountid"] = new EntityReference("account", fabrikam), ["crmc_category"] = new OptionSetValue(1),
                ["crmc_flag"] = false, ["crmc_notes"] = "late",
            }));

            var after = Stored(engine, id).Attributes.ToList();
            Assert.Equal(before.Select(p => p.Key), after.Select(p => p.Key));
            for (int i = 0; i < before.Count; i++) Assert.Same(before[i].Value, after[i].Value);
            Assert.Equal(new[] { id }, WidgetsOf(engine, contoso));
            Assert.Empty(WidgetsOf(engine, fabrikam));
        }

        private static Guid[] WidgetsOf(DataverseEngine engine, Guid account)
        {
            var query = new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, account);
            return engine.SystemService.RetrieveMultiple(query).Entities.Select(e => e.Id).ToArray();
        }
    }
}
