using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Settings as administrators type or paste them: a comma left after the last entry, an invisible byte-order mark or
    /// zero-width space carried in from a file or a web page. The refusal says what to change in the text they see, and
    /// what they cannot see is not read as part of a name.
    /// </summary>
    public class SettingTypingScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sysadmin;

        public SettingTypingScenarios()
        {
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
        }

        [Fact]
        public void A_comma_left_after_the_last_stage_or_column_is_refused_saying_to_remove_it()
        {
            string[] settings = { "environmentvariablevalue" };
            string afterStage = _org.Refused(RefusalCodes.SettingInvalid,
                () => _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"customerneed\"],\n \"2\":[\"budgetamount\"],\n}", _sysadmin), settings);
            string afterColumn = _org.Refused(RefusalCodes.SettingInvalid,
                () => _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"customerneed\", ]}", _sysadmin), settings);

            Assert.Equal("Stage Requirements: The stage requirements are not valid JSON (a comma after the last entry, before the '}' at " +
                "character 47: remove that comma). Expected a form like {\"1\":[\"customerneed\"],\"2\":[\"decisionmaker\",\"budgetamount\"]}. " +
                "[CRMC-SETTING-INVALID]", afterStage);
            Assert.Contains("a comma after the last entry, before the ']' at character 23: remove that comma", afterColumn);
        }

        [Fact]
        public void Settings_pasted_with_an_invisible_mark_are_read_as_the_text_the_administrator_sees()
        {
            _org.SetVariable("crmc_StageRequirements", "\uFEFF{\"1\":[\"description\u200B\"]}", _sysadmin);
            _org.SetVariable("crmc_LockedTermsColumns", "\uFEFFestimatedclosedate, \u200Bdescription", _sysadmin);

            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", _org.Account("Contoso")),
            });
            Assert.Equal("Before moving to Develop, fill in: Description. [CRMC-STAGE-DATA-MISSING]", CrmCollabOrg.Refusal(() =>
                _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(1) })));
        }

        /// <summary>Stages keyed by name, as the form shows them: the refusal listed bare numbers, not which stage each is.</summary>
        [Fact]
        public void A_stage_named_instead_of_numbered_is_refused_naming_each_stages_number()
        {
            string refusal = _org.Refused(RefusalCodes.SettingInvalid,
                () => _org.SetVariable("crmc_StageRequirements", "{\"Develop\":[\"customerneed\"]}", _sysadmin), "environmentvariablevalue");

            Assert.Equal("Stage Requirements: Unknown sales stage \"Develop\": key each stage by its number, 0 (Qualify), 1 (Develop), " +
                "2 (Propose) or 3 (Close). [CRMC-SETTING-INVALID]", refusal);
        }
    }
}
