using System;
using System.IO;
using System.Linq;
using Spectre.Console;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Report
{
    /// <summary>The few lines a terminal shows after a run: the headline, who blocks, who is late, the refusals.</summary>
    public static class ReportSummary
    {
        public static void Print(CollaborationReport report, string output)
        {
            Headline h = report.Headline;
            var table = new Table().AddColumn("Shared objective").AddColumn(new TableColumn("Value").RightAligned());
            table.AddRow("Review turnaround, median / p90", $"{Hours(h.ReviewTurnaroundMedianHours)} / {Hours(h.ReviewTurnaroundP90Hours)}");
            table.AddRow("Reviews decided (standing) / decisions taken", $"{N(h.ReviewsDecided)} / {N(h.ReviewDecisionsTaken)}");
            table.AddRow("Reviews pending / overdue now", $"{N(h.ReviewsPendingNow)} / {N(h.ReviewsOverdueNow)}");
            table.AddRow("Handoffs open / overdue now", $"{N(h.HandoffsOpenNow)} / {N(h.HandoffsOverdueNow)}");
            table.AddRow("Deals held at the gate now / over the run", $"{N(report.Blocking.Now.Deals)} / {N(report.Blocking.OverRun.Deals)}");
            foreach (var f in report.Lateness.HandoffsByFunction)
                table.AddRow($"Handoffs on time — {f.Function}", OnTimeCell(f));
            var worst = report.Lateness.HandoffsByTemplate.Where(t => t.Rate.HasValue).OrderBy(t => t.Rate).FirstOrDefault();
            if (worst != null) table.AddRow("Latest handoff template", Markup.Escape($"{worst.Template} ({worst.Function}, due {worst.DueOffsetDays} d): {Percent(worst.Rate)} on time"));
            table.AddRow("Collective score", Score(report.Scorecards.CollectiveScore));
            AnsiConsole.Write(table);
            var refusals = new Table().AddColumn("Refused action").AddColumn(new TableColumn("Count").RightAligned());
            foreach (var pair in report.Refusals) refusals.AddRow(Markup.Escape(pair.Key), N(pair.Value));
            AnsiConsole.Write(refusals);
            // Invariant, as every other figure the CLI writes: "1.0 s" beside "1,234 deals" on any machine, never "1,0 s".
            Console.WriteLine(FormattableString.Invariant(
                $"{N(report.Deals)} deals from {report.PeriodStart} to {report.PeriodEnd} in {report.Run.Seconds:0.0} s (playing {report.Run.PlaySeconds:0.0} s, reporting {report.Run.Seconds - report.Run.PlaySeconds:0.0} s), peak working set {report.Run.PeakWorkingSetMb:N0} MB."));
            Console.WriteLine($"Report: {Path.Combine(output, "simulation-report.html")} (figures: simulation-report.json)");
        }

        /// <summary>A function's handoffs on time out of those its rate counts: done, and overdue now (<see cref="LatenessAnalysis.OnTimeRate"/>).</summary>
        public static string OnTimeCell(GroupFigure f) =>
            $"{N(f.OnTime)} / {N((f.Count ?? 0) + (f.Overdue ?? 0))} ({Percent(f.Rate)}, {f.Status})";
    }
}
