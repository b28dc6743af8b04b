using System;
using System.IO;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// customapis/ in the layout Microsoft documents ("Create a custom API with solution files"): the loader gives the
    /// engine each API, and refuses, naming the file and what to change, a definition Dataverse's import would refuse.
    /// Each test adds crmc_ScoreWidgets (run by the fixture's ValidateWidget plug-in type) to a copy of the fixture.
    /// </summary>
    public class CustomApiLoaderTests
    {
        private const string ValidateWidgetId = "8c9d0e1f-2a3b-4c5d-9e6f-7a8b9c0d1e2f";
        private const string ScoreWidgetActivityId = "0f1e2d3c-4b5a-4697-8877-665544332211";
        private const string ApiFile = "customapis/crmc_ScoreWidgets/customapi.xml";
        private const string SinceFile = "customapis/crmc_ScoreWidgets/customapirequestparameters/Since/customapirequestparameter.xml";
        private const string ScoredFile = "customapis/crmc_ScoreWidgets/customapiresponseproperties/Scored/customapiresponseproperty.xml";

        private static string ApiXml(string uniqueName = "crmc_ScoreWidgets", string typeId = ValidateWidgetId) => $@"<?xml version=""1.0"" encoding=""utf-8""?>
<customapi uniquename=""{uniqueName}"">
  <allowedcustomprocessingsteptype>1</allowedcustomprocessingsteptype>
  <bindingtype>1</bindingtype>
  <boundentitylogicalname>crmc_widget</boundentitylogicalname>
  <description default=""Scores the widgets changed since a day."" />
  <displayname default=""Score Widgets"" />
  <executeprivilegename>prvWritecrmc_Widget</executeprivilegename>
  <iscustomizable>0</iscustomizable>
  <isfunction>0</isfunction>
  <isprivate>1</isprivate>
  <name>{uniqueName}</name>
  <plugintypeid>
    <plugintypeid>{typeId}</plugintypeid>
  </plugintypeid>
  <workflowsdkstepenabled>0</workflowsdkstepenabled>
</customapi>";

        private static string FieldXml(string kind, string uniqueName, string name, int type, string optional) => $@"<?xml version=""1.0"" encoding=""utf-8""?>
<{kind} uniquename=""{uniqueName}"">
  <displayname default=""{uniqueName}"" />
  <iscustomizable>0</iscustomizable>{optional}
  <logicalentityname />
  <name>{name}</name>
  <type>{type}</type>
</{kind}>";

        private static string SinceXml(int type = 1, string name = "crmc_ScoreWidgets.Since") =>
            FieldXml("customapirequestparameter", "Since", name, type, "\n  <isoptional>0</isoptional>");

        private static string ScoredXml(string optional = "") =>
            FieldXml("customapiresponseproperty", "Scored", "crmc_ScoreWidgets.Scored", 7, optional);

        /// <summary>Loads a copy of the fixture holding the API's three files, as given.</summary>
        private static SolutionDefinition Load(string api = null, string since = null, string scored = null, string apiFile = ApiFile)
        {
            var folder = SolutionFixture.Copy();
            try
            {
                Write(folder, apiFile, api ?? ApiXml());
                Write(folder, SinceFile, since ?? SinceXml());
                Write(folder, ScoredFile, scored ?? ScoredXml());
                return SolutionLoader.Load(folder);
            }
            finally { SolutionFixture.Delete(folder); }
        }

        private static void Write(string folder, string file, string text)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text);
        }

        private static SolutionLoadException Refused(string api = null, string since = null, string scored = null, string apiFile = ApiFile) =>
            Assert.Throws<SolutionLoadException>(() => Load(api, since, scored, apiFile));

        [Fact]
        public void The_engine_gets_the_api_with_its_plugin_type_parameters_and_response_properties()
        {
            var api = Assert.Single(Load().CustomApis);

            Assert.Equal("crmc_ScoreWidgets", api.UniqueName);
            Assert.Equal(CustomApiBinding.Entity, api.Binding);
            Assert.Equal("crmc_widget", api.BoundEntityLogicalName);
            Assert.Equal(CustomApiProcessingSteps.AsyncOnly, api.AllowedProcessingSteps);
            Assert.False(api.IsFunction);
            Assert.True(api.IsPrivate);
            Assert.Equal("prvWritecrmc_Widget", api.ExecutePrivilegeName);
            Assert.Equal("CrmCollab.Plugins.Widgets.ValidateWidget", api.PluginTypeName);
            Assert.Equal("Score Widgets", api.DisplayName);
            var since = Assert.Single(api.RequestParameters);
            Assert.Equal(("Since", CustomApiFieldType.DateTime, false), (since.UniqueName, since.Type, since.IsOptional));
            var scored = Assert.Single(api.ResponseProperties);
            Assert.Equal(("Scored", CustomApiFieldType.Integer), (scored.UniqueName, scored.Type));
        }

        [Fact]
        public void The_shipped_solution_defines_the_daily_re_routing_of_dedicated_owner_periods_and_the_answers_for_flows()
        {
            var apis = SolutionLoader.Load(Path.Combine(SolutionFixture.RepoRoot, "solution")).CustomApis;
            Assert.Equal(new[] { "crmc_GetFeasibilityStatus", "crmc_GetHandoffStatus", "crmc_RerouteOwnerPeriods", "crmc_ResolveDedicatedOwner" },
                apis.Select(a => a.UniqueName).OrderBy(n => n, StringComparer.Ordinal));
            var owner = apis.Single(a => a.UniqueName == "crmc_ResolveDedicatedOwner");
            Assert.Equal(("account", "CrmCollab.Plugins.Routing.OwnerApi"), (owner.BoundEntityLogicalName, owner.PluginTypeName));
            Assert.False(Assert.Single(owner.RequestParameters).IsOptional);

            var status = apis.Single(a => a.UniqueName == "crmc_GetFeasibilityStatus");
            Assert.Equal(CustomApiBinding.Entity, status.Binding);
            Assert.Equal("opportunity", status.BoundEntityLogicalName);
            Assert.Equal("CrmCollab.Plugins.Feasibility.FeasibilityStatusApi", status.PluginTypeName);
            Assert.Null(status.ExecutePrivilegeName);
            Assert.Equal(new[] { "ActualRevenue" }, status.RequestParameters.Select(p => p.UniqueName));
            Assert.Equal(8, status.ResponseProperties.Count);

            var api = apis.Single(a => a.UniqueName == "crmc_RerouteOwnerPeriods");

            Assert.Equal("crmc_RerouteOwnerPeriods", api.UniqueName);
            Assert.Equal(CustomApiBinding.Global, api.Binding);
            Assert.Equal("CrmCollab.Plugins.Routing.OwnerPeriodRerouting", api.PluginTypeName);
            Assert.Equal("prvWritecrmc_DedicatedOwner", api.ExecutePrivilegeName);
            Assert.Equal(new[] { "AfterRowId", "FromDate" }, api.RequestParameters.Select(p => p.UniqueName));
            Assert.All(api.RequestParameters, p => Assert.True(p.IsOptional));
            Assert.Equal(new[] { "BackgroundRuns", "LastRowId", "MoreRows", "RowsApplied" }, api.ResponseProperties.Select(p => p.UniqueName));
        }

        [Fact]
        public void A_folder_named_otherwise_than_its_api_is_refused()
        {
            var e = Refused(apiFile: "customapis/crmc_ScoreWidget/customapi.xml");

            Assert.Equal("customapis/crmc_ScoreWidget/customapi.xml", e.File);
            Assert.Contains("uniquename 'crmc_ScoreWidgets' differs from its folder 'crmc_ScoreWidget': name the folder after the custom API's unique name", e.Message);
        }

        [Fact]
        public void A_unique_name_without_the_publishers_prefix_is_refused()
        {
            var folder = SolutionFixture.Copy();
            try
            {
                Write(folder, "customapis/ScoreWidgets/customapi.xml", ApiXml("ScoreWidgets"));
                var e = Assert.Throws<SolutionLoadException>(() => SolutionLoader.Load(folder));
                Assert.Equal("customapis/ScoreWidgets/customapi.xml", e.File);
                Assert.Contains("uniquename 'ScoreWidgets' does not begin with the publisher's customization prefix 'crmc_' (Other/Solution.xml)", e.Message);
            }
            finally { SolutionFixture.Delete(folder); }
        }

        [Fact]
        public void An_unknown_type_code_is_refused_with_the_codes_there_are()
        {
            var e = Refused(since: SinceXml(type: 13));

            Assert.Equal(SinceFile, e.File);
            Assert.Contains("'Since' has unknown type 13: use 0 Boolean, 1 DateTime", e.Message);
        }

        [Fact]
        public void A_response_property_marked_optional_is_refused_as_the_import_would()
        {
            var e = Refused(scored: ScoredXml("\n  <isoptional>0</isoptional>"));

            Assert.Equal(ScoredFile, e.File);
            Assert.Contains("response property 'Scored' has <isoptional>, which only request parameters have", e.Message);
        }

        [Fact]
        public void A_plugin_type_id_no_assembly_registers_is_refused()
        {
            var e = Refused(api: ApiXml(typeId: "11111111-2222-3333-4444-555555555555"));

            Assert.Equal(ApiFile, e.File);
            Assert.Contains("plugintypeid 11111111-2222-3333-4444-555555555555 is not the PluginTypeId of any PluginType in PluginAssemblies/*.dll.data.xml", e.Message);
        }

        [Fact]
        public void A_workflow_activity_cannot_be_the_main_operation()
        {
            var e = Refused(api: ApiXml(typeId: ScoreWidgetActivityId));

            Assert.Contains("is 'CrmCollab.Plugins.Activities.ScoreWidget', a custom workflow activity", e.Message);
        }

        [Fact]
        public void A_parameter_name_that_is_not_the_api_dot_the_parameter_is_refused()
        {
            var e = Refused(since: SinceXml(name: "Since"));

            Assert.Equal(SinceFile, e.File);
            Assert.Contains("<name> is 'Since', expected 'crmc_ScoreWidgets.Since'", e.Message);
        }
    }
}
