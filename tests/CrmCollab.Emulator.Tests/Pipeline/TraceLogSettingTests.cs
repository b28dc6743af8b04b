using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// The organisation's plug-in trace log setting decides which executions are logged: all of them, only those that
    /// end in an exception, or none. The caller sees the same outcome whatever the setting.
    /// </summary>
    public class TraceLogSettingTests
    {
        private static DataverseEngine Boot(PluginTraceLogSetting setting)
        {
            var org = new TestOrg();
            org.Options.PluginTraceLog = setting;
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
            {
                var widget = (Entity)run.Context.InputParameters["Target"];
                run.Tracing.Trace("checking {0}", widget.GetAttributeValue<string>("crmc_name"));
                if (widget.GetAttributeValue<string>("crmc_name") == "bad") throw new InvalidPluginExecutionException("Not this one.");
            }, name: "checker");
            return org.Boot();
        }

        private static void CreateGoodAndBad(DataverseEngine engine)
        {
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "good" });
            FaultAssert.Fails(() => engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "bad" }));
        }

        [Fact]
        public void All_logs_every_execution()
        {
            DataverseEngine engine = Boot(PluginTraceLogSetting.All);
            CreateGoodAndBad(engine);
            Assert.Equal(new[] { "checking good", "checking bad" }, engine.Traces.Where(t => t.StepName == "checker").Select(t => t.Text));
        }

        [Fact]
        public void Exception_logs_only_the_execution_that_threw()
        {
            DataverseEngine engine = Boot(PluginTraceLogSetting.Exception);
            CreateGoodAndBad(engine);
            Assert.Equal(new[] { "checking bad" }, engine.Traces.Where(t => t.StepName == "checker").Select(t => t.Text));
            Assert.Equal(1, TestOrg.Count(engine, "crmc_widget")); // the refusal still stops the bad one
        }

        [Fact]
        public void Off_logs_nothing_and_still_refuses()
        {
            DataverseEngine engine = Boot(PluginTraceLogSetting.Off);
            CreateGoodAndBad(engine);
            Assert.Empty(engine.Traces);
            Assert.Equal(1, TestOrg.Count(engine, "crmc_widget"));
        }
    }
}
