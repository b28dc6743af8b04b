using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// Optimistic concurrency (powerapps-docs optimistic-concurrency.md, org-service/entity-operations-update-delete.md,
    /// the ConcurrencyBehavior enum): two people open the same widget; the second to save from a stale copy is told so
    /// instead of silently overwriting the first one's change, when the save asks IfRowVersionMatches.
    /// </summary>
    public class OptimisticConcurrencyTests
    {
        private static Entity Opened(DataverseEngine engine, Guid id) =>
            engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("crmc_name"));

        private static string NameOf(DataverseEngine engine, Guid id) => (string)Opened(engine, id)["crmc_name"];

        private static UpdateRequest Save(Entity opened, string name, ConcurrencyBehavior behavior) => new UpdateRequest
        {
            Target = new Entity("crmc_widget", opened.Id) { RowVersion = opened.RowVersion, ["crmc_name"] = name },
            ConcurrencyBehavior = behavior,
        };

        private static (DataverseEngine Engine, Guid Id, List<string> Steps) Org(Action<TestOrg> configure = null)
        {
            var org = new TestOrg();
            var steps = new List<string>();
            org.Step("Update", "crmc_widget", StepStage.PreValidation, run => steps.Add("Update"));
            org.Step("Delete", "crmc_widget", StepStage.PreValidation, run => steps.Add("Delete"));
            org.Step("UpdateMultiple", "crmc_widget", StepStage.PreValidation, run => steps.Add("UpdateMultiple"));
            configure?.Invoke(org);
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "first" });
            return (engine, id, steps);
        }

        [Fact]
        public void A_save_from_a_copy_someone_changed_since_is_refused_and_their_change_stays()
        {
            var (engine, id, steps) = Org();
            var mine = Opened(engine, id);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "theirs" });
            steps.Clear();

            var fault = Fails(() => engine.SystemService.Execute(Save(mine, "mine", ConcurrencyBehavior.IfRowVersionMatches)),
                ErrorCodes.ConcurrencyVersionMismatch);

            Assert.Equal("The version of the existing record doesn't match the RowVersion property provided.", fault.Message);
            Assert.Equal("theirs", NameOf(engine, id));
            Assert.Empty(steps); // refused before its first step
        }

        [Fact]
        public void A_save_from_the_current_copy_is_written_and_the_row_gets_a_new_version()
        {
            var (engine, id, _) = Org();
            var mine = Opened(engine, id);

            engine.SystemService.Execute(Save(mine, "mine", ConcurrencyBehavior.IfRowVersionMatches));

            var now = Opened(engine, id);
            Assert.Equal("mine", now["crmc_name"]);
            Assert.NotEqual(mine.RowVersion, now.RowVersion);
            // The copy it was saved from is stale now: saving it again is refused.
            Fails(() => engine.SystemService.Execute(Save(mine, "again", ConcurrencyBehavior.IfRowVersionMatches)),
                ErrorCodes.ConcurrencyVersionMismatch);
        }

        [Fact]
        public void A_save_asking_the_version_check_without_a_version_is_refused()
        {
            var (engine, id, steps) = Org();
            var unversioned = new Entity("crmc_widget", id);

            var fault = Fails(() => engine.SystemService.Execute(Save(unversioned, "mine", ConcurrencyBehavior.IfRowVersionMatches)),
                ErrorCodes.ConcurrencyVersionNotProvided);

            Assert.Equal("The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.", fault.Message);
            Assert.Equal("first", NameOf(engine, id));
            Assert.Empty(steps);
        }

        [Theory]
        [InlineData(ConcurrencyBehavior.Default)]
        [InlineData(ConcurrencyBehavior.AlwaysOverwrite)]
        public void A_save_not_asking_the_check_overwrites_whatever_changed(ConcurrencyBehavior behavior)
        {
            var (engine, id, _) = Org();
            var mine = Opened(engine, id);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "theirs" });

            engine.SystemService.Execute(Save(mine, "mine", behavior));
            Assert.Equal("mine", NameOf(engine, id));

            // A plain Update carrying a stale RowVersion overwrites too.
            engine.SystemService.Update(new Entity("crmc_widget", id) { RowVersion = mine.RowVersion, ["crmc_name"] = "plain" });
            Assert.Equal("plain", NameOf(engine, id));
        }

        [Fact]
        public void A_delete_from_a_stale_copy_is_refused_and_from_the_current_one_deletes()
        {
            var (engine, id, steps) = Org();
            var mine = Opened(engine, id);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "theirs" });
            steps.Clear();

            Fails(() => engine.SystemService.Execute(new DeleteRequest
            {
                Target = new EntityReference("crmc_widget", id) { RowVersion = mine.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }), ErrorCodes.ConcurrencyVersionMismatch);
            Assert.Equal("theirs", NameOf(engine, id));
            Assert.Empty(steps);

            Fails(() => engine.SystemService.Execute(new DeleteRequest
            {
                Target = new EntityReference("crmc_widget", id),
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }), ErrorCodes.ConcurrencyVersionNotProvided);

            engine.SystemService.Execute(new DeleteRequest
            {
                Target = new EntityReference("crmc_widget", id) { RowVersion = Opened(engine, id).RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });
            Assert.Equal(0, TestOrg.Count(engine, "crmc_widget"));
        }

        [Fact]
        public void A_bulk_save_with_one_stale_widget_writes_none_and_runs_no_step()
        {
            var (engine, id, steps) = Org();
            var other = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "other" });
            var mine = Opened(engine, id);
            var otherOpened = Opened(engine, other);
            engine.SystemService.Update(new Entity("crmc_widget", other) { ["crmc_name"] = "theirs" });
            steps.Clear();

            var bulk = new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget", id) { RowVersion = mine.RowVersion, ["crmc_name"] = "mine" },
                    new Entity("crmc_widget", other) { RowVersion = otherOpened.RowVersion, ["crmc_name"] = "mine too" },
                }) { EntityName = "crmc_widget" },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            };
            Fails(() => engine.SystemService.Execute(bulk), ErrorCodes.ConcurrencyVersionMismatch);

            Assert.Equal("first", NameOf(engine, id));
            Assert.Equal("theirs", NameOf(engine, other));
            Assert.Empty(steps);
        }

        /// <summary>A later record naming a row already named is ignored ("Use bulk operation messages"): its version too.</summary>
        [Fact]
        public void A_bulk_save_naming_a_widget_twice_is_judged_on_the_first_copy_alone()
        {
            var (engine, id, _) = Org();
            var stale = Opened(engine, id);
            engine.SystemService.Update(new Entity("crmc_widget", id) { ["crmc_name"] = "theirs" });
            var current = Opened(engine, id);

            engine.SystemService.Execute(new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_widget", id) { RowVersion = current.RowVersion, ["crmc_name"] = "mine" },
                    new Entity("crmc_widget", id) { RowVersion = stale.RowVersion, ["crmc_name"] = "ignored" },
                }) { EntityName = "crmc_widget" },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });

            Assert.Equal("mine", NameOf(engine, id));
        }

        [Fact]
        public void A_stale_save_inside_a_transaction_rolls_back_the_whole_batch()
        {
            var (engine, id, _) = Org();
            var other = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "other" });
            var mine = Opened(engine, id);
            var stale = Opened(engine, other);
            engine.SystemService.Update(new Entity("crmc_widget", other) { ["crmc_name"] = "theirs" });

            var batch = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    Save(mine, "mine", ConcurrencyBehavior.IfRowVersionMatches),
                    new UpdateRequest
                    {
                        Target = new Entity("crmc_widget", other) { RowVersion = stale.RowVersion, ["crmc_name"] = "mine too" },
                        ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
                    },
                },
            };
            var fault = Assert.IsType<ExecuteTransactionFault>(Fails(() => engine.SystemService.Execute(batch)).Detail);

            Assert.Equal(1, fault.FaultedRequestIndex);
            Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, fault.ErrorCode);
            Assert.Equal("first", NameOf(engine, id)); // the first save, which matched, is rolled back with it
            Assert.Equal("theirs", NameOf(engine, other));
        }

        [Fact]
        public void In_a_batch_that_continues_on_error_only_the_stale_save_fails()
        {
            var (engine, id, _) = Org();
            var other = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "other" });
            var mine = Opened(engine, id);
            var stale = Opened(engine, other);
            engine.SystemService.Update(new Entity("crmc_widget", other) { ["crmc_name"] = "theirs" });

            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest
                    {
                        Target = new Entity("crmc_widget", other) { RowVersion = stale.RowVersion, ["crmc_name"] = "mine too" },
                        ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
                    },
                    Save(mine, "mine", ConcurrencyBehavior.IfRowVersionMatches),
                },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            });

            Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, response.Responses.Single(r => r.RequestIndex == 0).Fault.ErrorCode);
            Assert.Equal("theirs", NameOf(engine, other));
            Assert.Equal("mine", NameOf(engine, id));
        }

        [Fact]
        public void A_table_not_enabled_for_optimistic_concurrency_refuses_the_check_and_takes_plain_saves()
        {
            var (engine, id, steps) = Org(org => org.Solution.Catalog.Table("crmc_widget").IsOptimisticConcurrencyEnabled = false);
            var mine = Opened(engine, id);
            steps.Clear();

            var fault = Fails(() => engine.SystemService.Execute(Save(mine, "mine", ConcurrencyBehavior.IfRowVersionMatches)),
                ErrorCodes.OptimisticConcurrencyNotEnabled);

            Assert.Equal("Optimistic concurrency isn't enabled for entity type crmc_widget. The IfVersionMatches value of "
                + "ConcurrencyBehavior can only be used if optimistic concurrency is enabled.", fault.Message);
            Assert.Empty(steps);
            // "If optimistic concurrency is not enabled for the target entity, the AlwaysOverwrite behavior is applied."
            engine.SystemService.Execute(Save(mine, "mine", ConcurrencyBehavior.Default));
            Assert.Equal("mine", NameOf(engine, id));
        }

        [Fact]
        public void A_row_the_organisation_starts_with_carries_its_version_and_can_be_saved_with_the_check()
        {
            var engine = new TestOrg().Boot();
            var unit = engine.SystemService.Retrieve("businessunit", engine.RootBusinessUnitId, new ColumnSet("name", "versionnumber"));

            Assert.False(string.IsNullOrEmpty(unit.RowVersion));
            Assert.Equal(unit.GetAttributeValue<long>("versionnumber").ToString(System.Globalization.CultureInfo.InvariantCulture), unit.RowVersion);
            engine.SystemService.Execute(new UpdateRequest
            {
                Target = new Entity("businessunit", unit.Id) { RowVersion = unit.RowVersion, ["name"] = "Head office" },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });
        }

        [Fact]
        public void Custom_and_built_in_tables_are_enabled_for_optimistic_concurrency()
        {
            var catalog = new TestOrg().Solution.Catalog;
            Assert.True(catalog.Table("crmc_widget").IsOptimisticConcurrencyEnabled);
            Assert.True(catalog.Table("account").IsOptimisticConcurrencyEnabled);
        }
    }
}
