using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using CrmCollab.Cli.Html;
using CrmCollab.Cli.Report;
using CrmCollab.Cli.Simulation;
using CrmCollab.Emulator.Engine;
using CrmCollab.Tooling.Setup;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// The main job: runs the suite, as it ships, on the embedded engine against a realistic organisation over a period
    /// of business, and writes the collaboration report (HTML with charts, the same figures as JSON) and a summary table.
    /// </summary>
    public sealed class SimulateCommand : Command<SimulateSettings>
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        private const string HtmlFile = "simulation-report.html", JsonFile = "simulation-report.json";

        public override int Execute(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
        {
            int deals = settings.DealCount, seed = settings.SeedValue;
            string solution = PackagingCommandSupport.SolutionFolder(settings.Solution);
            string templatesFile = CliPath.ExistingFile(settings.Templates, "setup/handoff-templates.json", "handoff templates file");
            string targetsFile = CliPath.ExistingFile(settings.Targets, "setup/report-targets.json", "targets file");
            var templates = UserFacingException.From(() => HandoffTemplateSetup.Read(templatesFile));
            ReportTargets targets = UserFacingException.From(() => ReportTargets.Load(targetsFile));
            int weight = settings.IndividualWeightPercent ?? targets.IndividualWeightPercent;
            var watch = Stopwatch.StartNew(); // reported as a run fact only; the engine never reads the wall clock

            DataverseEngine engine = ShippedEngine.Boot(solution, SimulationRun.OrganizationOptions(seed));
            ShippedEngine.CheckTemplates(engine, templatesFile, templates);
            string planned = CliPath.PlannedOutput(settings.Output);
            bool existed = Directory.Exists(planned);
            OutputFiles.CheckFree(planned, settings.CostBreakdown ? new[] { HtmlFile, JsonFile, CostBreakdownReport.FileName } : new[] { HtmlFile, JsonFile });
            string output = CliPath.Output(settings.Output); // once the inputs are known good, before the long part: a bad --output fails fast
            try
            {
                return Run(engine, settings, seed, deals, templates, targets, weight, output, watch);
            }
            catch when (!existed)
            {
                OutputFiles.RemoveIfEmpty(output); // a failed run leaves no folder of its own behind
                throw;
            }
        }

        private static int Run(DataverseEngine engine, SimulateSettings settings, int seed, int deals, IReadOnlyList<HandoffTemplateSetup.TemplateData> templates,
            ReportTargets targets, int weight, string output, Stopwatch watch)
        {
            var outcomes = new Outcomes();
            CostBreakdown costs = settings.CostBreakdown ? engine.Metrics.StartCostBreakdown() : null;
            double bootSeconds = watch.Elapsed.TotalSeconds;
            SimulatedOrganization org = UserFacingException.From(() =>
                Play(engine, seed, deals, templates, outcomes, settings.Quiet || !AnsiConsole.Profile.Capabilities.Interactive));
            double playSeconds = watch.Elapsed.TotalSeconds;
            engine.Metrics.StopCostBreakdown(); // the report's own reads are not the play's

            CollaborationReport report = ReportBuilder.Build(engine.SystemService, org.Log, org.Outcomes, targets, weight, seed, deals, engine.AsyncFailures.Count);
            string html = HtmlReport.Render(report);
            report.Run = new RunFacts
            {
                Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                PlaySeconds = Math.Round(playSeconds, 2),
                PeakWorkingSetMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            };
            var files = new List<(string, byte[])>
            {
                (HtmlFile, Utf8.GetBytes(html)),
                (JsonFile, Utf8.GetBytes(ReportJson.Serialize(report))),
            };
            if (costs != null)
                files.Add((CostBreakdownReport.FileName, Utf8.GetBytes(CostBreakdownReport.Json(costs.Entries, deals, playSeconds - bootSeconds))));
            OutputFiles.Write(output, files.ToArray());
            ReportSummary.Print(report, output);
            if (costs != null) CostBreakdownReport.Print(costs.Entries, deals, playSeconds - bootSeconds);
            return report.AsyncFailures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }

        private static SimulatedOrganization Play(DataverseEngine engine, int seed, int deals, IReadOnlyList<HandoffTemplateSetup.TemplateData> templates,
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
    }
}
