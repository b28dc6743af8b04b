using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A setting or rule that would silently switch a rule off is refused at save, naming the bad part.</summary>
    public class SettingShortcutScenarios
    {
        private static readonly string[] Settings = { "environmentvariablevalue", "environmentvariabledefinition" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sysadmin;

        public SettingShortcutScenarios()
        {
            // Environment variables are the system administrator's to set.
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
        }

        private Guid Definition(string schemaName) => _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
        {
            ColumnSet = new ColumnSet("schemaname"), Attributes = { "schemaname" }, Values = { schemaName },
        }).Entities.Single().Id;

        [Fact]
        public void Locked_terms_columns_the_opportunity_does_not_have_are_refused()
        {
            string refusal = _org.Refused(RefusalCodes.SettingUnknownColumn,
                () => _org.SetVariable("crmc_LockedTermsColumns", "description, crmc_discont", _sysadmin), Settings);

            Assert.Equal("Locked Terms Columns: the opportunity has no column crmc_discont. Use the columns' logical names (e.g. customerneed, budgetamount). " +
                "[CRMC-SETTING-UNKNOWN-COLUMN]", refusal);
            _org.SetVariable("crmc_LockedTermsColumns", "description, estimatedclosedate", _sysadmin);
        }

        [Fact]
        public void Locking_a_column_the_terms_guard_does_not_watch_is_refused_it_would_change_unnoticed()
        {
            string refusal = _org.Refused(RefusalCodes.SettingNotLockable,
                () => _org.SetVariable("crmc_LockedTermsColumns", "description, ownerid", _sysadmin), Settings);

            Assert.StartsWith("Locked Terms Columns: CrmCollab cannot lock ownerid after the win: its guard watches only name, customerid,", refusal);
            Assert.Contains("Remove the other columns from the setting", refusal);
            CrmCollabOrg.ReadsAsASentence(refusal);
            // Inside a batch the same: the rule needs no probe of the table.
            _org.Refused(RefusalCodes.SettingNotLockable, () => CrmCollabOrg.InExecuteMultiple(_org.As(_sysadmin), new UpdateRequest
            {
                Target = new Entity("environmentvariabledefinition", Definition("crmc_LockedTermsColumns")) { ["defaultvalue"] = "ownerid" },
            }), Settings);
        }

        [Fact]
        public void An_unrouted_queue_that_does_not_exist_is_refused()
        {
            string refusal = _org.Refused(RefusalCodes.SettingUnknownQueue, () => _org.SetVariable("crmc_UnroutedQueue", "Nobodys queue", _sysadmin), Settings);
            _org.Refused(RefusalCodes.SettingUnknownQueue, () => _org.As(_sysadmin).Update(new Entity("environmentvariabledefinition", Definition("crmc_UnroutedQueue"))
            {
                ["defaultvalue"] = Guid.NewGuid().ToString(),
            }), Settings);

            Assert.StartsWith("Unrouted Handoffs Queue: no queue or team is named (or has the id) 'Nobodys queue'.", refusal);
            _org.System.Create(new Entity("queue") { ["name"] = "Field desk" });
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);
        }

        /// <summary>
        /// A new "Unrouted desk" team (with a role) is named as the Unrouted Handoffs Queue, or the queue it owns is, before
        /// anyone joins it: every review and handoff nobody else was found for would be owned by it and seen by nobody.
        /// </summary>
        [Fact]
        public void An_unrouted_team_or_queue_nobody_works_in_is_refused_until_someone_joins_it()
        {
            Guid desk = _org.Setup.CreateTeam("Unrouted desk", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Administrator");
            _org.System.Create(new Entity("queue") { ["name"] = "Unrouted work", ["ownerid"] = new EntityReference("team", desk) });

            string team = _org.Refused(RefusalCodes.SettingUnknownQueue, () => _org.SetVariable("crmc_UnroutedQueue", "Unrouted desk", _sysadmin), Settings);
            string queue = _org.Refused(RefusalCodes.SettingUnknownQueue, () => _org.SetVariable("crmc_UnroutedQueue", "Unrouted work", _sysadmin), Settings);

            Assert.Equal("Unrouted Handoffs Queue: the team Unrouted desk has no active member, so nobody would see the reviews and handoffs " +
                "no one else was found for. Add the people who pick them up to the team first, or name another queue or team. [CRMC-SETTING-UNKNOWN-QUEUE]", team);
            Assert.Equal(team, queue);
            _org.Setup.AddMembers(desk, _org.User("Ulla Unrouted", "CrmCollab Administrator"));
            _org.SetVariable("crmc_UnroutedQueue", "Unrouted work", _sysadmin);
        }

        [Fact]
        public void A_stage_requirements_value_saved_under_another_schema_name_is_refused()
        {
            var value = new Entity("environmentvariablevalue")
            {
                ["schemaname"] = "crmc_StageRequirementsOld",
                ["value"] = "{\"2\":[\"customerneed\"]}",
                ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", Definition("crmc_StageRequirements")),
            };

            string refusal = _org.Refused(RefusalCodes.SettingSchemaMismatch, () => _org.As(_sysadmin).Create(value), Settings);
            _org.Refused(RefusalCodes.SettingSchemaMismatch, () => CrmCollabOrg.InExecuteMultiple(_org.As(_sysadmin), new CreateRequest { Target = value }), Settings);

            Assert.StartsWith("This value is saved as 'crmc_StageRequirementsOld' but belongs to 'crmc_StageRequirements' (Stage Requirements), " +
                "so it would not be read as that setting.", refusal);
        }

        [Fact]
        public void A_feasibility_rule_with_a_negative_minimum_amount_is_refused_however_it_is_saved()
        {
            Guid rule = _org.FeasibilityRule("Finance above 50k", BusinessFunction.Finance, "estimatedvalue");
            IOrganizationService admin = _org.As(_org.Admin);
            var negative = new Entity("crmc_feasibilityrule", rule) { ["crmc_minamount"] = new Money(-1000m) };
            string[] touched = { "crmc_feasibilityrule" };

            string refusal = _org.Refused(RefusalCodes.RuleInvalid, () => admin.Update(negative), touched);
            _org.Refused(RefusalCodes.RuleInvalid, () => CrmCollabOrg.InUpdateMultiple(admin, negative), touched);
            _org.Refused(RefusalCodes.RuleInvalid, () => CrmCollabOrg.InUpsert(admin, negative), touched);
            _org.Refused(RefusalCodes.RuleInvalid, () => CrmCollabOrg.InExecuteTransaction(admin, new UpdateRequest { Target = negative }), touched);

            Assert.Equal("The minimum amount cannot be negative (-1000). [CRMC-RULE-INVALID]", refusal);
        }
    }
}
