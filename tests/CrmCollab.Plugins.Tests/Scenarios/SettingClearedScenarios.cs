using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator "goes back to the default" by emptying a setting's value instead of deleting it: the value saved
    /// blank (nothing, or a few spaces typed over the old text). A blank value is no value: the setting reads its default,
    /// and the checks a deleted value meets are met by a value emptied.
    /// </summary>
    public class SettingClearedScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sysadmin;

        public SettingClearedScenarios()
        {
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
        }

        private Guid ValueOf(string schemaName) => _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariablevalue")
        {
            ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { schemaName },
        }).Entities[0].Id;

        /// <summary>
        /// The value names the field desk; the shipped default names "CrmCollab Unrouted", a queue this organisation never
        /// made. Deleting the value is refused; emptying it was not, and the setting then named no desk at all.
        /// </summary>
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void Emptying_the_unrouted_settings_value_is_refused_while_the_default_it_falls_back_to_names_no_desk(string blank)
        {
            _org.System.Create(new Entity("queue") { ["name"] = "Field desk" });
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);
            Guid value = ValueOf("crmc_UnroutedQueue");
            IOrganizationService sysadmin = _org.As(_sysadmin);
            string[] settings = { "environmentvariablevalue", "environmentvariabledefinition" };
            Entity emptied = new Entity("environmentvariablevalue", value) { ["value"] = blank };

            string refusal = _org.Refused(RefusalCodes.SettingUnknownQueue, () => sysadmin.Update(emptied), settings);
            _org.Refused(RefusalCodes.SettingUnknownQueue,
                () => CrmCollabOrg.InExecuteMultiple(sysadmin, new UpdateRequest { Target = emptied }), settings);
            var many = new EntityCollection { EntityName = "environmentvariablevalue" };
            many.Entities.Add(emptied);
            _org.Refused(RefusalCodes.SettingUnknownQueue, () => sysadmin.Execute(new UpdateMultipleRequest { Targets = many }), settings);
            _org.Refused(RefusalCodes.SettingUnknownQueue, () => sysadmin.Execute(new UpsertRequest { Target = emptied }), settings);
            _org.Refused(RefusalCodes.SettingUnknownQueue, () => sysadmin.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection { new UpdateRequest { Target = emptied } },
            }), settings);

            Assert.Equal("Without this value the Unrouted Handoffs Queue setting falls back to its default 'CrmCollab Unrouted', and no queue or team " +
                "is named (or has the id) 'CrmCollab Unrouted', so the reviews and handoffs no one else is found for would reach no desk. " +
                "Keep the value, or set it to the queue or team that should take them. [CRMC-SETTING-UNKNOWN-QUEUE]", refusal);

            // Once the default's desk exists, the value is emptied and the default takes the work nobody is found for.
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted" });
            sysadmin.Update(emptied);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid deal = _org.Deal(_org.Account("Northwind"));
            _org.Win(deal);
            Assert.EndsWith("→ unrouted, queue CrmCollab Unrouted", _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<string>("crmc_routingpath"));
        }

        /// <summary>
        /// Stage Requirements' value saved as a few spaces: it was read as a value asking for nothing, so every deal entered
        /// Develop without the customer need the default asks for, where an empty value reads the default.
        /// </summary>
        [Fact]
        public void A_stage_requirements_value_of_only_spaces_reads_the_default_as_an_empty_one_does()
        {
            _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"description\"]}", _sysadmin);
            _org.SetVariable("crmc_StageRequirements", "  \r\n ", _sysadmin);
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", _org.Account("Contoso")),
            });

            string refusal = CrmCollabOrg.Refusal(() =>
                _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(1) }));

            Assert.Equal("Before moving to Develop, fill in: Customer need. [CRMC-STAGE-DATA-MISSING]", refusal);
        }

        /// <summary>
        /// A misspelt desk was refused with the advice to "leave the setting empty to keep unrouted handoffs with the deal's
        /// owner"; but an empty value reads the default ("CrmCollab Unrouted"), not the deal's owner, and emptying it is
        /// refused while that default names no desk. The advice holds only where the default is empty.
        /// </summary>
        [Fact]
        public void A_misspelt_unrouted_desk_is_refused_without_advising_an_empty_value_that_reads_the_default()
        {
            _org.System.Create(new Entity("queue") { ["name"] = "Field desk" });
            _org.SetVariable("crmc_UnroutedQueue", "Field desk", _sysadmin);

            string refusal = _org.Refused(RefusalCodes.SettingUnknownQueue,
                () => _org.SetVariable("crmc_UnroutedQueue", "Feild desk", _sysadmin), "environmentvariablevalue");
            Assert.Equal("Unrouted Handoffs Queue: no queue or team is named (or has the id) 'Feild desk'. Name an existing queue or team " +
                "(an empty value reads the default 'CrmCollab Unrouted'). [CRMC-SETTING-UNKNOWN-QUEUE]", refusal);

            // With an empty default, an empty value keeps the work with the deal's owner, and the refusal says so.
            Guid definition = _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
            { ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities[0].Id;
            _org.As(_sysadmin).Update(new Entity("environmentvariabledefinition", definition) { ["defaultvalue"] = null });
            Assert.EndsWith("Name an existing queue or team, or leave it empty to keep unrouted handoffs with the deal's owner. " +
                "[CRMC-SETTING-UNKNOWN-QUEUE]", CrmCollabOrg.Refusal(() => _org.SetVariable("crmc_UnroutedQueue", "Feild desk", _sysadmin)));
        }

        /// <summary>
        /// An empty value row (an integration's, saved while the shipped default names a queue this organisation never made)
        /// already reads the default: deleting it changes nothing, and was refused as if the setting were losing its desk.
        /// </summary>
        [Fact]
        public void An_empty_unrouted_value_is_deleted_freely_the_setting_read_its_default_already()
        {
            Guid definition = _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
            { ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities[0].Id;
            IOrganizationService sysadmin = _org.As(_sysadmin);
            Guid empty = sysadmin.Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = "crmc_UnroutedQueue", ["value"] = " ",
                ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition),
            });

            sysadmin.Delete("environmentvariablevalue", empty);

            Assert.Empty(_org.System.RetrieveMultiple(new QueryByAttribute("environmentvariablevalue")
            { ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities);
        }
    }
}
