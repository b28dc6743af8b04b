using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// A custom API of the solution (customapis/) runs as Dataverse runs it: refused before any step when the caller or
    /// a parameter does not fit its definition, else PreValidation → PreOperation → its plug-in type as the main operation
    /// (stage 30) → PostOperation → commit → async, its response carrying the response properties the plug-ins set.
    /// The API here mirrors the shipped crmc_RerouteOwnerPeriods, run by a test plug-in.
    /// </summary>
    public class CustomApiTests
    {
        private const string Api = "crmc_RerouteOwnerPeriods";
        private readonly TestOrg _org = new TestOrg();
        private readonly CustomApiDefinition _api;
        private readonly List<string> _ran = new List<string>();

        public CustomApiTests()
        {
            _api = new CustomApiDefinition
            {
                UniqueName = Api, Binding = CustomApiBinding.Global, AllowedProcessingSteps = CustomApiProcessingSteps.SyncAndAsync,
                ExecutePrivilegeName = "prvWritecrmc_Widget", PluginTypeName = typeof(CustomApiMainPlugin).FullName,
            };
            _api.RequestParameters.Add(new CustomApiField { UniqueName = "FromDate", Type = CustomApiFieldType.DateTime, IsOptional = true });
            _api.RequestParameters.Add(new CustomApiField { UniqueName = "AfterRowId", Type = CustomApiFieldType.Guid, IsOptional = true });
            _api.ResponseProperties.Add(new CustomApiField { UniqueName = "RowsApplied", Type = CustomApiFieldType.Integer });
            _api.ResponseProperties.Add(new CustomApiField { UniqueName = "MoreRows", Type = CustomApiFieldType.Boolean });
            _org.Solution.CustomApis.Add(_api);
            CustomApiMainPlugin.Body = run => _ran.Add("main");
        }

        private static OrganizationRequest Reroute(DateTime? from = null) =>
            from == null ? new OrganizationRequest(Api) : new OrganizationRequest(Api) { ["FromDate"] = from.Value };

        [Fact]
        public void A_daily_flow_calling_the_api_gets_the_response_properties_its_plugin_set_and_no_others_in_it()
        {
            IPluginExecutionContext7 seen = null;
            CustomApiMainPlugin.Body = run =>
            {
                seen = run.Context;
                run.Context.OutputParameters["RowsApplied"] = 3;
                run.Context.OutputParameters["MoreRows"] = false;
                run.Context.OutputParameters["Scratch"] = "not a response property";
            };
            var engine = _org.Boot();
            var from = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

            var response = engine.SystemService.Execute(Reroute(from));

            Assert.Equal(Api, response.ResponseName);
            Assert.Equal(new[] { "MoreRows", "RowsApplied" }, response.Results.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(3, response.Results["RowsApplied"]);
            Assert.Equal(Api, seen.MessageName);
            Assert.Equal("none", seen.PrimaryEntityName);
            Assert.Equal(30, seen.Stage);
            Assert.Equal(0, seen.Mode);
            Assert.True(seen.IsInTransaction);
            Assert.Equal(from, seen.InputParameters["FromDate"]);
            Assert.Equal(engine.SystemUserId, seen.UserId);
            Assert.Equal(engine.SystemUserId, seen.InitiatingUserId);
            Assert.Equal(1, seen.Depth);
        }

        [Fact]
        public void The_steps_registered_on_the_api_run_around_its_main_operation_in_the_platforms_order()
        {
            _org.Step(Api, null, StepStage.PostOperation, run => _ran.Add("post: RowsApplied=" + run.Context.OutputParameters["RowsApplied"]));
            _org.Step(Api, null, StepStage.PostOperation, run => _ran.Add("async"), StepMode.Asynchronous);
            _org.Step(Api, null, StepStage.PreOperation, run => _ran.Add("pre-operation"));
            _org.Step(Api, null, StepStage.PreValidation, run => _ran.Add("pre-validation"));
            CustomApiMainPlugin.Body = run =>
            {
                _ran.Add("main");
                run.Context.OutputParameters["RowsApplied"] = 7;
            };
            var engine = _org.Boot();

            engine.SystemService.Execute(Reroute());
            Assert.Equal(new[] { "pre-validation", "pre-operation", "main", "post: RowsApplied=7" }, _ran);
            engine.DrainAsync();
            Assert.Equal("async", _ran.Last());
        }

        [Fact]
        public void The_request_name_is_matched_whatever_its_case_and_the_plugin_sees_the_apis_own_name()
        {
            string message = null;
            CustomApiMainPlugin.Body = run => message = run.Context.MessageName;
            var engine = _org.Boot();

            var response = engine.SystemService.Execute(new OrganizationRequest("CRMC_REROUTEOWNERPERIODS"));

            Assert.Equal(Api, message);
            Assert.Equal(Api, response.ResponseName);
        }

        [Fact]
        public void A_failure_of_the_main_operation_rolls_back_what_the_steps_and_the_plugin_wrote()
        {
            _org.Step(Api, null, StepStage.PreOperation, run => run.Service.Create(new Entity("account") { ["name"] = "written before" }));
            CustomApiMainPlugin.Body = run =>
            {
                run.Service.Create(new Entity("account") { ["name"] = "written by the main operation" });
                throw new InvalidPluginExecutionException("CRMC-TEST: the day cannot be re-routed.");
            };
            var engine = _org.Boot();

            var fault = Fails(() => engine.SystemService.Execute(Reroute()), ErrorCodes.IsvAborted);

            Assert.Equal("CRMC-TEST: the day cannot be re-routed.", fault.Message);
            Assert.Equal(0, TestOrg.Count(engine, "account"));
        }

        [Fact]
        public void A_required_parameter_left_out_is_refused_before_any_step()
        {
            _api.RequestParameters.Add(new CustomApiField { UniqueName = "Function", Type = CustomApiFieldType.Picklist });
            _org.Step(Api, null, StepStage.PreValidation, run => _ran.Add("pre-validation"));
            var engine = _org.Boot();

            var fault = Fails(() => engine.SystemService.Execute(Reroute()), ErrorCodes.InvalidArgument);

            Assert.Equal($"Required field 'Function' is missing: custom API '{Api}' requires it (Picklist).", fault.Message);
            Assert.Empty(_ran);
        }

        [Fact]
        public void A_date_sent_as_text_is_refused_before_any_step()
        {
            _org.Step(Api, null, StepStage.PreValidation, run => _ran.Add("pre-validation"));
            var engine = _org.Boot();

            var fault = Fails(() => engine.SystemService.Execute(new OrganizationRequest(Api) { ["FromDate"] = "2025-03-01" }),
                ErrorCodes.InvalidArgument);

            Assert.Equal($"Parameter 'FromDate' of custom API '{Api}' is declared DateTime (System.DateTime) but was given a System.String.",
                fault.Message);
            Assert.Empty(_ran);
        }

        [Fact]
        public void A_parameter_the_api_does_not_define_is_refused_but_the_platforms_optional_ones_pass()
        {
            var engine = _org.Boot();

            var fault = Fails(() => engine.SystemService.Execute(new OrganizationRequest(Api) { ["fromdate"] = DateTime.UtcNow }),
                ErrorCodes.InvalidArgument);
            engine.SystemService.Execute(new OrganizationRequest(Api) { ["tag"] = "nightly", ["AfterRowId"] = null });

            Assert.Equal($"'fromdate' is not a request parameter of custom API '{Api}', which takes FromDate, AfterRowId: " +
                "remove it or correct its name (parameter names are case-sensitive).", fault.Message);
            Assert.Equal(new[] { "main" }, _ran);
        }

        [Fact]
        public void A_caller_without_the_execute_privilege_is_refused_and_one_holding_it_or_an_administrator_runs_it()
        {
            _org.Options.EnforceSecurity = true;
            var editor = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            editor.Privileges[("crmc_widget", AccessRight.Write)] = PrivilegeDepth.Basic;
            _org.Solution.Roles.Add(editor);
            _org.Solution.Roles.Add(new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget reader" });
            var engine = _org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            var reader = setup.CreateUser("Rita Reader", engine.RootBusinessUnitId, "Widget reader");

            var fault = Fails(() => engine.CreateService(reader).Execute(Reroute()), SecurityFaults.PrivilegeDenied);
            engine.CreateService(setup.CreateUser("Eddie Editor", engine.RootBusinessUnitId, "Widget editor")).Execute(Reroute());
            engine.CreateService(setup.CreateUser("Ada Admin", engine.RootBusinessUnitId, "System Administrator")).Execute(Reroute());

            Assert.StartsWith($"Principal user (Id={reader}, type=8, roleCount=1, privilegeCount=0, accessMode='0 Read-Write', ", fault.Message);
            Assert.Contains($"is missing prvWritecrmc_Widget privilege (Id={PrivilegeNames.IdOf("prvWritecrmc_Widget")})", fault.Message);
            Assert.Equal(new[] { "main", "main" }, _ran);
        }

        [Fact]
        public void The_api_called_inside_ExecuteMultiple_and_ExecuteTransaction_answers_as_alone()
        {
            CustomApiMainPlugin.Body = run => run.Context.OutputParameters["RowsApplied"] = 2;
            var engine = _org.Boot();

            var multiple = (ExecuteMultipleResponse)engine.SystemService.Execute(new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ReturnResponses = true, ContinueOnError = true },
                Requests = new OrganizationRequestCollection { Reroute(), new OrganizationRequest(Api) { ["FromDate"] = "yesterday" } },
            });
            var transaction = (ExecuteTransactionResponse)engine.SystemService.Execute(new ExecuteTransactionRequest
            {
                ReturnResponses = true, Requests = new OrganizationRequestCollection { Reroute() },
            });

            Assert.Equal(2, multiple.Responses[0].Response.Results["RowsApplied"]);
            Assert.Equal(ErrorCodes.InvalidArgument, multiple.Responses[1].Fault.ErrorCode);
            Assert.Equal(2, transaction.Responses[0].Results["RowsApplied"]);
        }

        [Fact]
        public void An_api_without_a_plugin_type_answers_with_what_its_steps_set_and_its_types_defaults()
        {
            _api.PluginTypeName = null;
            _org.Step(Api, null, StepStage.PostOperation, run => run.Context.OutputParameters["MoreRows"] = true);
            var engine = _org.Boot();

            var response = engine.SystemService.Execute(Reroute());

            Assert.Equal(true, response.Results["MoreRows"]);
            Assert.Equal(0, response.Results["RowsApplied"]); // Microsoft: "the default values for the type"
        }

        [Fact]
        public void An_api_bound_to_a_table_runs_on_the_row_given_as_Target_and_refuses_a_call_without_one_or_with_another_tables()
        {
            _api.Binding = CustomApiBinding.Entity;
            _api.BoundEntityLogicalName = "crmc_widget";
            IPluginExecutionContext7 seen = null;
            int runs = 0;
            CustomApiMainPlugin.Body = run =>
            {
                seen = run.Context;
                runs++;
            };
            var engine = _org.Boot();
            Guid widget = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "Gear" });

            engine.SystemService.Execute(new OrganizationRequest(Api) { ["Target"] = new EntityReference("crmc_widget", widget) });
            Fails(() => engine.SystemService.Execute(Reroute()), ErrorCodes.InvalidArgument);
            Fails(() => engine.SystemService.Execute(new OrganizationRequest(Api) { ["Target"] = new EntityReference("account", widget) }), ErrorCodes.InvalidArgument);

            Assert.Equal(("crmc_widget", widget), (seen.PrimaryEntityName, seen.PrimaryEntityId));
            Assert.Equal(widget, ((EntityReference)seen.InputParameters["Target"]).Id);
            Assert.Equal(1, runs); // the refused calls never reached the main operation
        }

        [Fact]
        public void A_response_property_the_plugin_left_unset_answers_its_types_default()
        {
            _api.ResponseProperties.Add(new CustomApiField { UniqueName = "LastRowId", Type = CustomApiFieldType.Guid });
            _api.ResponseProperties.Add(new CustomApiField { UniqueName = "Note", Type = CustomApiFieldType.String });
            CustomApiMainPlugin.Body = run => run.Context.OutputParameters["RowsApplied"] = 1;
            var engine = _org.Boot();

            var results = engine.SystemService.Execute(Reroute()).Results;

            Assert.Equal((1, false, Guid.Empty, (object)null), ((int)results["RowsApplied"], (bool)results["MoreRows"], (Guid)results["LastRowId"], results["Note"]));
        }
    }

    /// <summary>The main operation of the test API: runs <see cref="Body"/>, set by the running test (one class, run in sequence).</summary>
    public sealed class CustomApiMainPlugin : IPlugin
    {
        public static Action<PluginRun> Body { get; set; }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext7)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            Body(new PluginRun { Provider = serviceProvider, Context = context, Service = factory.CreateOrganizationService(context.UserId) });
        }
    }
}
