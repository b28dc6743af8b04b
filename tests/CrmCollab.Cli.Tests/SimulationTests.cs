using System;
using System.Diagnostics;
using System.IO;
using CrmCollab.Cli;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The main job: reproducible figures, a report people can open.</summary>
    [Collection("console")]
    public class SimulationTests
    {
        private static JObject Simulate(int seed, string output)
        {
            Assert.Equal(0, CliRunner.Run("simulate", "--deals", "40", "--seed", seed.ToString(), "--output", output, "--quiet").Code);
            var report = JObject.Parse(File.ReadAllText(Path.Combine(output, "simulation-report.json")));
            report.Remove("run"); // wall-clock facts differ between runs by nature
            return report;
        }

        [Fact]
        public void An_output_path_that_is_a_file_fails_before_the_run_in_one_line()
        {
            string file = Path.Combine(Path.GetTempPath(), "crmc-sim-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file, "not a folder");
            try
            {
                var (code, output, error) = CliRunner.Run("simulate", "--deals", "1", "--output", file, "--quiet");

                Assert.Equal(2, code);
                Assert.StartsWith($"crmcollab simulate: cannot create the output folder {file}: ", error);
                Assert.Single(error.Trim().Split('\n'));
                Assert.DoesNotContain("Report:", output);
                Assert.Equal("not a folder", File.ReadAllText(file));
            }
            finally
            {
                File.Delete(file);
            }
        }

        private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "simulation", name);

        [Fact]
        public void The_same_seed_gives_the_same_kpis_and_another_seed_does_not()
        {
            JObject first = Simulate(7, Folder("a"));
            JObject again = Simulate(7, Folder("b"));
            JObject other = Simulate(8, Folder("c"));

            Assert.True(JToken.DeepEquals(first, again), "same seed, different figures");
            Assert.False(JToken.DeepEquals(first["headline"], other["headline"]), "another seed gave the very same KPIs");
            Assert.True((int)first["headline"]["reviewsDecided"] > 0);
            Assert.Equal(0, (int)first["asyncFailures"]);
        }

        [Fact]
        public void Asked_for_the_cost_breakdown_a_run_says_which_steps_and_calls_cost_the_most_and_keeps_the_report_the_same()
        {
            string plain = Folder("costs-plain"), measured = Folder("costs");
            JObject without = Simulate(7, plain);
            var (code, output, _) = CliRunner.Run("simulate", "--deals", "40", "--seed", "7", "--output", measured, "--quiet", "--cost-breakdown");

            Assert.Equal(0, code);
            Assert.Contains("Where the play's time goes", output);
            Assert.False(File.Exists(Path.Combine(plain, "cost-breakdown.json")), "a run not asked for it wrote the breakdown");
            var breakdown = JObject.Parse(File.ReadAllText(Path.Combine(measured, "cost-breakdown.json")));
            Assert.Equal(40, (int)breakdown["deals"]);
            var entries = (JArray)breakdown["entries"];
            Assert.Contains(entries, e => (string)e["kind"] == "request" && (string)e["message"] == "Update" && (string)e["table"] == "opportunity");
            Assert.Contains(entries, e => (string)e["kind"] == "plug-in call" && (string)e["message"] == "RetrieveMultiple" && (string)e["table"] == "crmc_feasibilityrule");
            Assert.Contains(entries, e => (string)e["kind"] == "step" && ((string)e["message"]).EndsWith("OpportunityGuard: Update of opportunity", StringComparison.Ordinal));
            Assert.All(entries, e => Assert.True((long)e["count"] > 0 && (long)e["bytes"] >= 0));

            var report = JObject.Parse(File.ReadAllText(Path.Combine(measured, "simulation-report.json")));
            report.Remove("run");
            Assert.True(JToken.DeepEquals(without, report), "measuring the run changed its figures");
        }

        [Fact]
        public void The_report_is_self_contained_and_opens_in_chromium()
        {
            string folder = Folder("report");
            Simulate(11, folder);
            string html = File.ReadAllText(Path.Combine(folder, "simulation-report.html"));

            foreach (string section in new[] { "headline", "blocking", "late", "trend", "accounts", "scorecards", "platform", "happened" })
                Assert.Contains($"<section id=\"{section}\">", html);
            foreach (string question in new[] { "Who is blocking deals?", "Which function is late?", "Is it getting better?", "Which accounts need attention?",
                         "Shared objectives per person", "What it cost the platform" })
                Assert.Contains($"<h2>{question}</h2>", html);
            foreach (string chart in new[] { "Handoffs by function: on time, late, open in time, overdue now", "Review turnaround, median of the reviews decided each week",
                         "Handoffs completed on time each week, by function", "Signals raised and acknowledged each week", "Open work counted each Monday (backlog snapshots)",
                         "Review turnaround, decided reviews (hours from request to decision)" })
                Assert.Contains($"<svg role=\"img\" aria-label=\"{chart}\"", html);
            Assert.True(CountOf(html, "<svg") >= 6);
            Assert.Contains("week of the run", html); // axis titles drawn into the charts
            Assert.Contains("Handoffs by template", html);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("<script", html);

            string screenshot = Path.Combine(folder, "simulation-report.png");
            File.Delete(screenshot);
            string chromium = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : "chromium";
            var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--user-data-dir=" + Path.Combine(folder, "chromium-profile"), "--window-size=1100,1400",
                         "--screenshot=" + screenshot, new Uri(Path.Combine(folder, "simulation-report.html")).AbsoluteUri })
                start.ArgumentList.Add(arg);
            Process browser;
            try
            {
                browser = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new Xunit.Sdk.XunitException("Chromium is not installed (apt-get install chromium); .ci/run installs it.");
            }
            browser.StandardOutput.ReadToEnd();
            browser.StandardError.ReadToEnd();
            Assert.True(browser.WaitForExit(60000), "chromium did not finish");
            Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, "no screenshot of the report");
        }

        private static int CountOf(string text, string part)
        {
            int count = 0;
            for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
            return count;
        }
    }
}
