using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Html
{
    /// <summary>Is it getting better: weekly line series and the backlog counted each Monday.</summary>
    public static class TrendSections
    {
        public static void Write(HtmlBuilder html, CollaborationReport report)
        {
            TrendSection trend = report.Trend;
            var weeks = trend.Weeks.Select(w => (double)w.Week).ToList();
            html.Section("trend", "Is it getting better?", $"Week by week over the {trend.Weeks.Count} weeks of the run (week 1 starts {report.PeriodStart}).");
            html.Figure(Chart.Lines("Review turnaround, median of the reviews decided each week", "week of the run", "hours", weeks,
                new[] { ("median turnaround", (IReadOnlyList<double?>)trend.Weeks.Select(w => w.ReviewTurnaroundMedianHours).ToList()) },
                report.Targets.Targets.ReviewTurnaroundMedianHours, "target"));
            var functions = trend.Weeks.SelectMany(w => w.HandoffsOnTimeRate.Keys).Distinct().ToList();
            html.Figure(Chart.Lines("Handoffs completed on time each week, by function", "week of the run", "on-time rate (%)", weeks,
                functions.Select(f => (f, (IReadOnlyList<double?>)trend.Weeks.Select(w => w.HandoffsOnTimeRate.TryGetValue(f, out double? r) ? r * 100 : null).ToList())).ToList(),
                report.Targets.Targets.HandoffsOnTime * 100, "target", 105));
            html.Figure(Chart.Lines("Signals raised and acknowledged each week", "week of the run", "signals", weeks, new[]
            {
                ("raised", (IReadOnlyList<double?>)trend.Weeks.Select(w => (double?)w.SignalsRaised).ToList()),
                ("acknowledged", trend.Weeks.Select(w => (double?)w.SignalsAcknowledged).ToList()),
            }));
            var snapshots = trend.Backlog;
            html.Figure(Chart.Lines("Open work counted each Monday (backlog snapshots)", "week of the run", "open items",
                snapshots.Select((_, i) => (double)(i + 1)).ToList(), new[]
                {
                    ("reviews pending", (IReadOnlyList<double?>)snapshots.Select(s => (double?)s.ReviewsPending).ToList()),
                    ("reviews overdue", snapshots.Select(s => (double?)s.ReviewsOverdue).ToList()),
                    ("handoffs open", snapshots.Select(s => (double?)s.HandoffsOpen).ToList()),
                    ("handoffs overdue", snapshots.Select(s => (double?)s.HandoffsOverdue).ToList()),
                    ("signals unacknowledged", snapshots.Select(s => (double?)s.SignalsUnacknowledged).ToList()),
                    ("deals held at the gate", snapshots.Select(s => (double?)s.DealsBlocked).ToList()),
                }));
            html.Table("Weekly figures", new[] { "Week", "Starts", "Reviews decided", "Turnaround, median", "Handoffs completed", "Signals raised", "Signals acknowledged" },
                trend.Weeks.Select(w => (IReadOnlyList<string>)new[]
                {
                    N(w.Week), Encode(w.Starts), N(w.ReviewsDecided), Hours(w.ReviewTurnaroundMedianHours), N(w.HandoffsCompleted), N(w.SignalsRaised), N(w.SignalsAcknowledged),
                }));
            html.EndSection();
        }
    }
}
