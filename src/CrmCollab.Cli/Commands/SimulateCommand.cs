using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Text;
using CrmCollab.Cli.Simulation;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Tooling.Setup;
using Newtonsoft.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// The main job: runs the suite, as it ships, on the embedded engine against a realistic organisation, and
    /// reports the shared objectives (table, HTML with charts, JSON).
    /// </summary>
    public sealed class SimulateCommand : Command<SimulateSettings>
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false); // as File.WriteAllText wrote them

        public override int Execute(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
        {
            int deals = settings.DealCount, seed = settings.SeedValue;
            string solution = PackagingCommandSupport.SolutionFolder(settings.Solution);
            string templatesFile = CliPath.ExistingFile(settings.Templates, "setup/handoff-templates.json", "handoff templates file");
            string output = CliPath.Output(settings.Output); // before the long part, so a bad --output fails fast
            var templates = UserFacingException.From(() => HandoffTemplateSetup.Read(templatesFile));
            var watch = Stopwatch.StartNew(); // reported as a run fact only; the engine never reads the wall clock

            var engineOptions = new EngineOptions { Seed = seed, StartTimeUtc = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc) };
            DataverseEngine engine = ShippedEngine.Boot(solution, engineOptions);
            var outcomes = new Outcomes();
            SimulatedOrganization org = Play(engine, seed, deals, templates, outcomes, settings.Quiet || !AnsiConsole.Profile.Capabilities.Interactive);
            double playSeconds = watch.Elapsed.TotalSeconds;

            SimulationReport report = SimulationReport.Build(engine.SystemService, seed, deals, outcomes, engine.Clock.UtcNow, engine.AsyncFailures.Count);
            report.Run = new SimulationReport.RunFacts
            {
                Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                PlaySeconds = Math.Round(playSeconds, 2),
                PeakWorkingSetMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            };
            OutputFiles.Write(output, new[]
            {
                ("simulation-report.html", Utf8.GetBytes(HtmlReport.Render(report))),
                ("simulation-report.json", Utf8.GetBytes(JsonConvert.SerializeObject(report, Formatting.Indented))),
            });
            Print(report, output);
            return report.AsyncFailures == 0 ? 0 : 1;
        }

        private static SimulatedOrganization Play(DataverseEngine engine, int seed, int deals, System.Collections.Generic.IReadOnlyList<HandoffTemplateSetup.TemplateData> templates,
            Outcomes outcomes, bool quiet)
        {
            if (quiet) return SimulationRun.Play(engine, seed, deals, templates, outcomes);
            SimulatedOrganization org = null;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask("Playing deals", maxValue: deals);
                    org = SimulationRun.Play(engine, seed, deals, templates, outcomes, i => task.Value = i);
                });
            return org;
        }

        private static void Print(SimulationReport report, string output)
        {
            var table = new Table().AddColumn("Shared objective").AddColumn(new TableColumn("Value").RightAligned());
            var k = report.Kpis;
            table.AddRow("Review turnaround, median / p90", $"{k.ReviewTurnaroundMedianHours:0.0} h / {k.ReviewTurnaroundP90Hours:0.0} h");
            table.AddRow("Reviews decided / overdue now", $"{k.ReviewsDecided:N0} / {k.ReviewsOverdue:N0}");
            table.AddRow("Handoff acceptance, median", $"{k.HandoffAcceptanceMedianHours:0.0} h");
            foreach (var f in k.HandoffsOnTime) table.AddRow($"Handoffs on time — {f.Function.Label()}", $"{f.Part:N0} / {f.Total:N0}");
            foreach (var f in k.SignalsAcknowledged) table.AddRow($"Signals acknowledged — {f.Function.Label()}", $"{f.Part:N0} / {f.Total:N0}");
            table.AddRow("Amendments per won deal", $"{k.AmendmentsPerWonDeal:0.000}");
            AnsiConsole.Write(table);
            var refusals = new Table().AddColumn("Refused action").AddColumn(new TableColumn("Count").RightAligned());
            foreach (var pair in report.Refusals) refusals.AddRow(Markup.Escape(pair.Key), pair.Value.ToString("N0"));
            AnsiConsole.Write(refusals);
            Console.WriteLine($"{report.Deals:N0} deals in {report.Run.Seconds:0.0} s (playing {report.Run.PlaySeconds:0.0} s, reporting {report.Run.Seconds - report.Run.PlaySeconds:0.0} s), peak working set {report.Run.PeakWorkingSetMb:N0} MB.");
            Console.WriteLine($"Report: {Path.Combine(output, "simulation-report.html")} (figures: simulation-report.json)");
        }
    }
}
