using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Store;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// Right after a solution import an alternate key's index is still being built in the background (Microsoft Learn
    /// "Work with alternate keys", Monitor index creation: Pending, In Progress, Active, Failed); the index is what
    /// enforces uniqueness, so nothing stops two rows sharing the key until it is Active.
    /// </summary>
    public class AlternateKeyIndexTests
    {
        private static TestOrg PendingOrg()
        {
            var org = new TestOrg();
            org.Options.AlternateKeysPendingAtBoot = true;
            return org;
        }

        [Fact]
        public void Two_widgets_saved_with_one_code_before_the_key_is_built_both_stay_and_the_key_then_fails()
        {
            var engine = PendingOrg().Boot();
            Assert.Equal(KeyIndexState.Pending, engine.AlternateKeyState("crmc_widget", "crmc_widget_code"));

            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "a", ["crmc_code"] = "W-1" });
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "b", ["crmc_code"] = "W-1" });
            engine.BuildAlternateKeyIndexes();

            Assert.Equal(2, TestOrg.Count(engine, "crmc_widget"));
            Assert.Equal(KeyIndexState.Failed, engine.AlternateKeyState("crmc_widget", "crmc_widget_code"));
        }

        [Fact]
        public void An_import_upserting_by_code_before_the_key_is_built_is_refused_and_works_once_it_is_active()
        {
            var engine = PendingOrg().Boot();
            var upsert = new UpsertRequest { Target = new Entity("crmc_widget", "crmc_code", "W-1") { ["crmc_name"] = "w" } };

            Fails(() => engine.SystemService.Execute(upsert));
            Assert.Equal(0, TestOrg.Count(engine, "crmc_widget"));

            engine.BuildAlternateKeyIndexes();
            Assert.Equal(KeyIndexState.Active, engine.AlternateKeyState("crmc_widget", "crmc_widget_code"));
            engine.SystemService.Execute(upsert);
            Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "x", ["crmc_code"] = "w-1" }),
                ErrorCodes.DuplicateRecordEntityKey);
            Assert.Equal(1, TestOrg.Count(engine, "crmc_widget"));
        }

        [Fact]
        public void By_default_the_organisation_boots_with_its_keys_active()
        {
            var engine = new TestOrg().Boot();

            Assert.Equal(KeyIndexState.Active, engine.AlternateKeyState("crmc_widget", "crmc_widget_code"));
        }
    }
}
