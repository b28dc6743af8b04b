using System;
using System.Diagnostics;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    public class SolutionLoaderTests
    {
        private static readonly SolutionDefinition Def = SolutionLoader.Load(SolutionFixture.Path());

        [Fact]
        public void Reads_the_manifest()
        {
            Assert.Equal("CrmCollabMin", Def.UniqueName);
            Assert.Equal("1.0.0.0", Def.Version);
            Assert.Equal("crmc", Def.PublisherPrefix);
        }

        [Fact]
        public void Custom_table_has_its_columns_and_types()
        {
            var widget = Def.Catalog.Table("crmc_widget");
            Assert.NotNull(widget);
            Assert.True(widget.IsCustom);
            Assert.Equal("crmc_Widget", widget.SchemaName);
            Assert.Equal("Widget", widget.DisplayName);
            Assert.Equal("crmc_widgetid", widget.PrimaryIdAttribute);
            Assert.Equal("crmc_name", widget.PrimaryNameAttribute);
            Assert.Equal(OwnershipType.UserOwned, widget.Ownership);
            Assert.True(widget.ObjectTypeCode >= 10000);

            var name = widget.Column("crmc_name");
            Assert.Equal(ColumnType.String, name.Type);
            Assert.Equal(100, name.MaxLength);
            Assert.Equal(RequiredLevel.ApplicationRequired, name.RequiredLevel);
            Assert.True(name.IsCustom);

            var quantity = widget.Column("crmc_quantity");
            Assert.Equal(ColumnType.Integer, quantity.Type);
            Assert.Equal(0m, quantity.MinValue);
            Assert.Equal(10000m, quantity.MaxValue);
            Assert.Equal(RequiredLevel.Recommended, quantity.RequiredLevel);

            var amount = widget.Column("crmc_amount");
            Assert.Equal(ColumnType.Money, amount.Type);
            Assert.Equal(2, amount.Precision);

            var color = widget.Column("crmc_color");
            Assert.Equal(ColumnType.Picklist, color.Type);
            Assert.False(color.OptionSet.IsGlobal);
            Assert.Equal(new[] { 100000000, 100000001 }, color.OptionSet.Options.Select(o => o.Value));
            Assert.Equal("Blue", color.OptionSet.Find(100000001).Label);

            var account = widget.Column("crmc_accountid");
            Assert.Equal(ColumnType.Lookup, account.Type);
            Assert.Equal(new[] { "account" }, account.Targets);

            Assert.False(widget.Column("crmc_widgetid").IsValidForUpdate);
            Assert.Equal(new[] { "systemuser", "team" }, widget.Column("ownerid").Targets);
        }

        [Fact]
        public void Custom_table_gets_state_pairs_and_platform_columns()
        {
            var widget = Def.Catalog.Table("crmc_widget");
            var state = widget.Column("statecode").OptionSet;
            Assert.Equal(2, state.Find(1).DefaultStatus);
            Assert.Equal("Inactive", state.Find(1).Label);
            Assert.Equal(1, widget.Column("statuscode").OptionSet.Find(2).State);
            Assert.False(widget.Column("statecode").IsValidForCreate);

            foreach (var system in new[] { "createdon", "createdby", "modifiedon", "modifiedby", "versionnumber", "owninguser", "owningbusinessunit" })
            {
                Assert.NotNull(widget.Column(system));
                Assert.False(widget.Column(system).IsValidForUpdate);
            }
            Assert.Equal(ColumnType.BigInt, widget.Column("versionnumber").Type);
        }

        [Fact]
        public void Alternate_key_is_read()
        {
            var key = Assert.Single(Def.Catalog.Table("crmc_widget").Keys);
            Assert.Equal("crmc_key_code", key.LogicalName);
            Assert.Equal(new[] { "crmc_code" }, key.Columns);
        }

        [Fact]
        public void Custom_column_is_merged_into_builtin_account()
        {
            var account = Def.Catalog.Table("account");
            Assert.False(account.IsCustom);
            var region = account.Column("crmc_region");
            Assert.NotNull(region);
            Assert.True(region.IsCustom);
            Assert.Same(Def.Catalog.GlobalOptionSets["crmc_region"], region.OptionSet);
            // Standard columns keep their built-in definition.
            Assert.Equal(160, account.Column("name").MaxLength);
            Assert.NotNull(account.Column("industrycode"));
        }

        [Fact]
        public void Global_option_set_values()
        {
            var region = Def.Catalog.GlobalOptionSets["crmc_region"];
            Assert.True(region.IsGlobal);
            Assert.Equal(new[] { "North", "South", "Export" }, region.Options.Select(o => o.Label));
            Assert.Equal(100000002, region.Options[2].Value);
        }

        [Fact]
        public void Relationships_are_read()
        {
            var oneToMany = Def.Catalog.Relationship("crmc_account_crmc_widget_AccountId");
            Assert.False(oneToMany.IsManyToMany);
            Assert.Equal("account", oneToMany.ReferencedEntity);
            Assert.Equal("accountid", oneToMany.ReferencedAttribute);
            Assert.Equal("crmc_widget", oneToMany.ReferencingEntity);
            Assert.Equal("crmc_accountid", oneToMany.ReferencingAttribute);
            Assert.Equal("Restrict", oneToMany.CascadeDelete);

            var manyToMany = Def.Catalog.Relationship("crmc_account_crmc_widget");
            Assert.True(manyToMany.IsManyToMany);
            Assert.Equal("crmc_account_crmc_widget", manyToMany.IntersectEntity);
            Assert.Equal(("account", "accountid"), (manyToMany.Entity1, manyToMany.Entity1IntersectAttribute));
            Assert.Equal(("crmc_widget", "crmc_widgetid"), (manyToMany.Entity2, manyToMany.Entity2IntersectAttribute));
            var intersect = Def.Catalog.Table("crmc_account_crmc_widget");
            Assert.NotNull(intersect.Column("accountid"));
            Assert.NotNull(intersect.Column("crmc_widgetid"));
        }

        [Fact]
        public void Custom_table_with_activities_and_notes_becomes_a_regarding_target()
        {
            Assert.Contains("crmc_widget", Def.Catalog.Table("task").Column("regardingobjectid").Targets);
            Assert.Contains("crmc_widget", Def.Catalog.Table("annotation").Column("objectid").Targets);
        }

        [Fact]
        public void Update_step_is_read()
        {
            var step = Def.Steps.Single(s => s.Id == new Guid("6a4c1f0e-2b7d-4e61-9a3f-1c2d3e4f5a61"));
            Assert.Equal("Update", step.MessageName);
            Assert.Equal("crmc_widget", step.PrimaryEntity);
            Assert.Equal("CrmCollab.Plugins.Widgets.ValidateWidget", step.PluginTypeName);
            Assert.Equal(StepStage.PreOperation, step.Stage);
            Assert.Equal(StepMode.Synchronous, step.Mode);
            Assert.Equal(2, step.Rank);
            Assert.Equal(new[] { "crmc_quantity", "crmc_amount" }, step.FilteringAttributes);
            Assert.Equal("{\"maxQuantity\":500}", step.UnsecureConfiguration);
            Assert.Null(step.SecureConfiguration);
            Assert.Null(step.RunAsUserId);
            var image = Assert.Single(step.Images);
            Assert.Equal(ImageType.PreImage, image.ImageType);
            Assert.Equal("PreImage", image.EntityAlias);
            Assert.Equal("Target", image.MessagePropertyName);
            Assert.Equal(new[] { "crmc_quantity", "crmc_amount", "crmc_accountid" }, image.Attributes);
        }

        [Fact]
        public void Async_create_step_is_read()
        {
            var step = Def.Steps.Single(s => s.Id == new Guid("7b5d2a1f-3c8e-4f72-8b40-2d3e4f5a6b72"));
            Assert.Equal("Create", step.MessageName);
            Assert.Equal("account", step.PrimaryEntity);
            Assert.Equal(StepStage.PostOperation, step.Stage);
            Assert.Equal(StepMode.Asynchronous, step.Mode);
            Assert.Equal(5, step.Rank);
            Assert.True(step.AsyncAutoDelete);
            Assert.Empty(step.FilteringAttributes);
            var image = Assert.Single(step.Images);
            Assert.Equal(ImageType.PostImage, image.ImageType);
            Assert.Equal("Id", image.MessagePropertyName);
            Assert.Equal(new[] { "name", "crmc_region" }, image.Attributes);
        }

        [Fact]
        public void Plugin_and_workflow_activity_types()
        {
            Assert.Equal(new[] { "CrmCollab.Plugins.Widgets.ValidateWidget" }, Def.PluginTypes);
            Assert.Equal(new[] { "CrmCollab.Plugins.Activities.ScoreWidget" }, Def.WorkflowActivityTypes);
        }

        [Fact]
        public void Role_privileges_map_to_depths()
        {
            var role = Assert.Single(Def.Roles);
            Assert.Equal("CrmCollab Sales Rep", role.Name);
            Assert.Equal(new Guid("3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b"), role.Id);
            Assert.Equal(PrivilegeDepth.Basic, role.Privileges[("crmc_widget", AccessRight.Create)]);
            Assert.Equal(PrivilegeDepth.Global, role.Privileges[("crmc_widget", AccessRight.Read)]);
            Assert.Equal(PrivilegeDepth.Local, role.Privileges[("crmc_widget", AccessRight.Write)]);
            Assert.Equal(PrivilegeDepth.Deep, role.Privileges[("crmc_widget", AccessRight.AppendTo)]);
            Assert.Equal(PrivilegeDepth.Basic, role.Privileges[("crmc_widget", AccessRight.Append)]);
            Assert.Equal(PrivilegeDepth.Deep, role.Privileges[("account", AccessRight.Read)]);
            Assert.Equal(PrivilegeDepth.Basic, role.Privileges[("task", AccessRight.Read)]);
            Assert.Equal(PrivilegeDepth.Global, role.Privileges[("systemuser", AccessRight.Read)]);
            // An environment variable's value has no privilege of its own: the definition's reaches it (docs/dataverse-facts.md).
            Assert.Equal(PrivilegeDepth.Global, role.Privileges[("environmentvariabledefinition", AccessRight.Read)]);
            Assert.Equal(PrivilegeDepth.Global, role.Privileges[("environmentvariablevalue", AccessRight.Read)]);
            Assert.False(role.Privileges.ContainsKey(("crmc_widget", AccessRight.Delete)));
            Assert.Equal(new[] { "prvBypassCustomPlugins" }, role.Misc);
        }

        [Fact]
        public void Environment_variable_definition()
        {
            var env = Assert.Single(Def.EnvironmentVariables);
            Assert.Equal("crmc_ApiBaseUrl", env.SchemaName);
            Assert.Equal("API Base URL", env.DisplayName);
            Assert.Equal("String", env.Type);
            Assert.Equal("https://scoring.example.invalid/api", env.DefaultValue);
            Assert.Equal("Base URL of the scoring service", env.Description);
            Assert.Null(env.Value);
        }

        [Fact]
        public void Secure_configuration_comes_from_options()
        {
            var options = new SolutionLoadOptions();
            options.SecureConfigurations[new Guid("6a4c1f0e-2b7d-4e61-9a3f-1c2d3e4f5a61")] = "secret";
            var def = SolutionLoader.Load(SolutionFixture.Path(), options);
            Assert.Equal("secret", def.Steps.Single(s => s.Rank == 2).SecureConfiguration);
        }
    }
}
