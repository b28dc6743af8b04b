using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// The documented bypass parameters (Microsoft Learn, "Bypass custom Dataverse logic"): what each one skips, and
    /// the privilege it needs, and the documented default limit of three named steps. An import tool run by an admin
    /// uses them; a salesperson's client cannot.
    /// </summary>
    public class LogicBypassTests
    {
        private readonly List<string> _ran = new List<string>();
        private readonly DataverseEngine _engine;
        private readonly PermissiveGuard _guard = new PermissiveGuard();
        private readonly StepDefinition _syncStep;
        private readonly System.Guid _importer;

        public LogicBypassTests()
        {
            var org = new TestOrg();
            _syncStep = org.Step("Create", "crmc_widget", StepStage.PreOperation, run => _ran.Add("sync"));
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => _ran.Add("other sync"));
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => _ran.Add("async"), StepMode.Asynchronous);
            _engine = org.Boot();
            _engine.Security = _guard;
            _importer = TestOrg.AddUser(_engine, "Importer");
        }

        private void Create(string parameter, object value)
        {
            var request = new OrganizationRequest("Create") { ["Target"] = new Entity("crmc_widget") { ["crmc_name"] = "w" } };
            request.Parameters[parameter] = value;
            _engine.CreateService(_importer).Execute(request);
            _engine.DrainAsync();
        }

        [Fact]
        public void Bypassing_custom_plugins_skips_the_synchronous_steps_only()
        {
            _guard.Privileges.Add("prvBypassCustomPlugins");
            Create("BypassCustomPluginExecution", true);
            Assert.Equal(new[] { "async" }, _ran);
        }

        [Fact]
        public void Bypassing_business_logic_needs_its_own_privilege()
        {
            _guard.Privileges.Add("prvBypassCustomPlugins"); // not the one this parameter asks for
            var fault = Fails(() => Create("BypassBusinessLogicExecution", "CustomSync"));
            Assert.Equal(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
            Assert.Contains("prvBypassCustomBusinessLogic", fault.Message);
            Assert.Empty(_ran);
            Assert.Equal(0, TestOrg.Count(_engine, "crmc_widget"));
        }

        [Theory]
        [InlineData("CustomSync", new[] { "async" })]
        [InlineData("CustomAsync", new[] { "sync", "other sync" })]
        [InlineData("CustomSync,CustomAsync", new string[0])]
        [InlineData(" customasync , CUSTOMSYNC ", new string[0])]
        public void Bypassing_business_logic_skips_the_kinds_named(string kinds, string[] stillRun)
        {
            _guard.Privileges.Add("prvBypassCustomBusinessLogic");
            Create("BypassBusinessLogicExecution", kinds);
            Assert.Equal(stillRun, _ran);
            Assert.Equal(1, TestOrg.Count(_engine, "crmc_widget"));
        }

        [Fact]
        public void Bypassing_named_steps_skips_those_steps_only()
        {
            _guard.Privileges.Add("prvBypassCustomBusinessLogic");
            Create("BypassBusinessLogicExecutionStepIds", _syncStep.Id.ToString());
            Assert.Equal(new[] { "other sync", "async" }, _ran);
        }

        [Fact]
        public void Three_steps_at_most_can_be_named_by_default()
        {
            _guard.Privileges.Add("prvBypassCustomBusinessLogic");
            var others = string.Join(",", System.Guid.NewGuid(), System.Guid.NewGuid());
            Create("BypassBusinessLogicExecutionStepIds", _syncStep.Id + "," + others);
            Assert.Equal(new[] { "other sync", "async" }, _ran);

            var four = _syncStep.Id + ", " + others + ", " + System.Guid.NewGuid();
            var fault = Fails(() => Create("BypassBusinessLogicExecutionStepIds", four));
            Assert.Equal(ErrorCodes.InvalidArgument, fault.Detail.ErrorCode);
            Assert.Contains("names 4 steps; at most 3", fault.Message);
            Assert.Equal(new[] { "other sync", "async" }, _ran); // the refused request ran nothing and wrote nothing
            Assert.Equal(1, TestOrg.Count(_engine, "crmc_widget"));
        }

        [Fact]
        public void Naming_steps_to_bypass_needs_the_business_logic_privilege()
        {
            var fault = Fails(() => Create("BypassBusinessLogicExecutionStepIds", _syncStep.Id.ToString()));
            Assert.Equal(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
            Assert.Empty(_ran);
        }

        [Fact]
        public void A_bypass_set_to_false_or_empty_changes_nothing_and_needs_no_privilege()
        {
            Create("BypassCustomPluginExecution", false);
            Create("BypassBusinessLogicExecution", "");
            Assert.Equal(new[] { "sync", "other sync", "async", "sync", "other sync", "async" }, _ran);
        }

        [Fact]
        public void The_bypass_concerns_its_request_only_not_the_calls_a_plugin_makes()
        {
            var org = new TestOrg();
            var ran = new List<string>();
            org.Step("Create", "account", StepStage.PreOperation, run => ran.Add("account guard"));
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run => ran.Add("widget step"));
            org.Step("Create", "crmc_widget", StepStage.PostOperation,
                run => run.Service.Create(new Entity("account") { ["name"] = "made by a step" }), StepMode.Asynchronous);
            DataverseEngine engine = org.Boot();
            var request = new OrganizationRequest("Create") { ["Target"] = new Entity("crmc_widget") { ["crmc_name"] = "w" } };
            request.Parameters["BypassBusinessLogicExecution"] = "CustomSync";
            engine.SystemService.Execute(request);
            engine.DrainAsync();
            Assert.Equal(new[] { "account guard" }, ran);
        }
    }
}
