using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Html
{
    /// <summary>Which function is late: one 100 % bar per function, then reviews and handoffs by function, person and template.</summary>
    public static class LatenessSections
    {
        private static readonly string[] Figures = { "Done", "On time", "Late", "Open, in time", "Overdue now", "On-time rate", "Target", "Median", "Status" };

        public static void Write(HtmlBuilder html, CollaborationReport report)
        {
            LatenessSection late = report.Lateness;
            html.Section("late", "Which function is late?", "Reviews are on time when decided within their SLA; handoffs when completed by their due date. " +
                "The on-time rate is the work done on time out of the work done and the work overdue now, which is late already.");
            var functions = late.HandoffsByFunction;
            if (functions.Count > 0)
                html.Figure(Chart.PercentBars("Handoffs by function: on time, late, open in time, overdue now", functions.Select(f => f.Function).ToList(), new[]
                {
                    ("completed on time", "#2ca02c", (IReadOnlyList<int>)functions.Select(f => f.OnTime ?? 0).ToList()),
                    ("completed late", "#d62728", functions.Select(f => f.Late ?? 0).ToList()),
                    ("open, in time", "#9ecae1", functions.Select(f => f.OpenInTime ?? 0).ToList()),
                    ("open, overdue", "#ff7f0e", functions.Select(f => f.Overdue ?? 0).ToList()),
                }, report.Targets.Targets.HandoffsOnTime));
            html.Table("Handoffs by function", new[] { "Function" }.Concat(Figures).ToList(), Rows(functions, f => f.Function));
            html.Table("Handoffs by template", new[] { "Template", "Function", "Due after" }.Concat(Figures).ToList(),
                Rows(late.HandoffsByTemplate, f => f.Template, f => f.Function, f => f.DueOffsetDays.HasValue ? $"{f.DueOffsetDays} d" : "—"));
            html.Table("Handoffs by owner (lowest on-time rate first, top 10)", new[] { "Owner", "Function" }.Concat(Figures).ToList(),
                Rows(late.HandoffsByOwner.Take(10), f => f.Person, f => f.Function));
            html.Table("Reviews by function", new[] { "Function" }.Concat(Figures).ToList(), Rows(late.ReviewsByFunction, f => f.Function));
            html.Table("Reviews by reviewer (lowest within-SLA rate first, top 10)", new[] { "Reviewer", "Function" }.Concat(Figures).ToList(),
                Rows(late.ReviewsByReviewer.Take(10), f => f.Person, f => f.Function));
            if (report.ReviewTurnaroundHistogram.Count > 0)
                html.Figure(Chart.Bars("Review turnaround, decided reviews (hours from request to decision)", "reviews",
                    report.ReviewTurnaroundHistogram.Select(b => b.Bucket).ToList(), report.ReviewTurnaroundHistogram.Select(b => (double)(b.Count ?? 0)).ToList()));
            html.EndSection();
        }

        private static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<GroupFigure> figures, params System.Func<GroupFigure, string>[] keys) =>
            figures.Select(f => (IReadOnlyList<string>)keys.Select(k => Encode(k(f))).Concat(new[]
            {
                N(f.Count), N(f.OnTime), N(f.Late), N(f.OpenInTime), N(f.Overdue), Percent(f.Rate), Percent(f.Target), Hours(f.MedianHours), Badge(f.Status),
            }).ToList());
    }
}
