using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// CrmCollab reads one current value per setting (the definition with its value joined, one row): a second value
    /// row for the same definition — an import or integration adding one instead of changing the existing one, or an
    /// unrelated value pointed at the definition — left it undefined which of the two the guards read, so the columns
    /// an administrator meant to lock after the win could stay open. No Microsoft page found says whether the platform
    /// keeps a definition to one value; the guard relies on neither.
    /// </summary>
    public class SettingValueCountScenarios
    {
        private static readonly string[] Settings = { "environmentvariablevalue", "environmentvariabledefinition" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sysadmin;

        public SettingValueCountScenarios()
        {
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
        }

        private Guid Definition(string schemaName) => _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
        {
            ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { schemaName },
        }).Entities.Single().Id;

        private Entity SecondValue(string value) => new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "crmc_LockedTermsColumns",
            ["value"] = value,
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", Definition("crmc_LockedTermsColumns")),
        };

        [Fact]
        public void A_second_value_for_a_setting_that_has_one_is_refused_on_every_path_the_existing_value_is_changed_instead()
        {
            _org.SetVariable("crmc_LockedTermsColumns", "description", _sysadmin);
            IOrganizationService sysadmin = _org.As(_sysadmin);

            string refusal = _org.Refused(RefusalCodes.SettingValueExists,
                () => sysadmin.Create(SecondValue("description, estimatedclosedate")), Settings);
            _org.Refused(RefusalCodes.SettingValueExists,
                () => CrmCollabOrg.InExecuteMultiple(sysadmin, new CreateRequest { Target = SecondValue("estimatedclosedate") }), Settings);

            Assert.Equal("Locked Terms Columns already has a value: change that value instead of adding another. CrmCollab reads one value per setting, " +
                "and which of two it would read is not defined. [CRMC-SETTING-VALUE-EXISTS]", refusal);

            // The existing value is changed instead, and that is what the terms guard locks.
            _org.SetVariable("crmc_LockedTermsColumns", "description, estimatedclosedate", _sysadmin);
            Guid deal = _org.Deal(_org.Account("Contoso"));
            _org.Win(deal);
            Assert.Contains("locked", CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", deal)
            {
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(40),
            })));
        }

        [Fact]
        public void A_value_of_another_setting_pointed_at_a_crmcollab_setting_that_has_one_is_refused()
        {
            _org.SetVariable("crmc_LockedTermsColumns", "description", _sysadmin);
            Guid other = _org.System.Create(new Entity("environmentvariabledefinition")
            {
                ["schemaname"] = "new_Unrelated", ["displayname"] = "Unrelated", ["type"] = new OptionSetValue(100000000),
            });
            Guid stray = _org.As(_sysadmin).Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = "new_Unrelated", ["value"] = "estimatedclosedate",
                ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", other),
            });

            _org.Refused(RefusalCodes.SettingValueExists, () => _org.As(_sysadmin).Update(new Entity("environmentvariablevalue", stray)
            {
                ["schemaname"] = "crmc_LockedTermsColumns",
                ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", Definition("crmc_LockedTermsColumns")),
            }), Settings);
        }
    }
}
