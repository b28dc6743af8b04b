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
        [Fact]
        public void Each_execution_logs_only_its_own_lines_and_a_bad_format_fails_the_call_without_a_half_line()
        {
            var org = new TestOrg();
            org.Options.PluginTraceLog = PluginTraceLogSetting.All;
            org.Step("Create", "crmc_widget", StepStage.PreOperation, run =>
            {
                string name = ((Entity)run.Context.InputParameters["Target"]).GetAttributeValue<string>("crmc_name");
                run.Tracing.Trace("first line of {0}", name);
                if (name == "odd")
                {
                    try { run.Tracing.Trace("broken {0} {1}", name); }
                    catch (System.FormatException) { run.Tracing.Trace("the bad line was refused"); }
                }
                run.Tracing.Trace("{{literal}} braces with arguments: {0}", 2);
            }, name: "lines");
            DataverseEngine engine = org.Boot();
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "one" });
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "odd" });
            string nl = System.Environment.NewLine;
            Assert.Equal(new[]
            {
                "first line of one" + nl + "{literal} braces with arguments: 2",
                "first line of odd" + nl + "the bad line was refused" + nl + "{literal} braces with arguments: 2",
            }, engine.Traces.Where(t => t.StepName == "lines").Select(t => t.Text));
        }

        [Fact]
        public void A_nested_execution_logs_its_own_lines_and_the_outer_one_keeps_only_its_own_save_after_save()
        {
            var org = new TestOrg();
            org.Options.PluginTraceLog = PluginTraceLogSetting.All;
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                string name = ((Entity)run.Context.InputParameters["Target"]).GetAttributeValue<string>("crmc_name");
                run.Tracing.Trace("outer before {0}", name);
                run.Service.Create(new Entity("contact") { ["lastname"] = name });
                run.Tracing.Trace("outer after {0}", name);
            }, name: "outer");
            org.Step("Create", "contact", StepStage.PreOperation, run =>
                run.Tracing.Trace("inner {0}", ((Entity)run.Context.InputParameters["Target"]).GetAttributeValue<string>("lastname")), name: "inner");
            DataverseEngine engine = org.Boot();

            foreach (string name in new[] { "one", "two", "three" }) engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = name });

            string nl = System.Environment.NewLine;
            Assert.Equal(new[] { "inner one", "inner two", "inner three" }, engine.Traces.Where(t => t.StepName == "inner").Select(t => t.Text));
            Assert.Equal(new[] { "outer before one" + nl + "outer after one", "outer before two" + nl + "outer after two", "outer before three" + nl + "outer after three" },
                engine.Traces.Where(t => t.StepName == "outer").Select(t => t.Text));
        }
    }
}
