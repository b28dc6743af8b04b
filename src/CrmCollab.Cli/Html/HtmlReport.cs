using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Html
{
    /// <summary>
    /// The collaboration report as one self-contained page (no script, no external resource, charts as inline SVG,
    /// print-friendly): who is blocking deals, which function is late, whether it is getting better, which accounts
    /// need attention, each person's shared objectives, what it cost the platform.
    /// </summary>
    public static class HtmlReport
    {
        private const string Style =
            "body{font-family:'DejaVu Sans',Segoe UI,Helvetica,Arial,sans-serif;margin:2rem auto;color:#1b1b1b;max-width:1000px;padding:0 1rem}" +
            "h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid #1f77b4}h3{font-size:1.05rem;margin-top:1.4rem}" +
            "p.q{font-style:italic;color:#444}table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}" +
            "caption{text-align:left;font-weight:600;padding:.2rem 0}th,td{border:1px solid #c8c8c8;padding:.3rem .6rem;text-align:left}" +
            "thead th{background:#f0f0f0}td{font-variant-numeric:tabular-nums;white-space:nowrap}figure{margin:.5rem 0 1rem}" +
            ".rag{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.8rem;font-weight:600;border:1px solid}" +
            ".rag.green{background:#e3f4e4;color:#1b5e20}.rag.amber{background:#fff3d6;color:#7a4f00}.rag.red{background:#fde2e2;color:#b71c1c}" +
            "nav ol{columns:2}@media print{body{margin:0;max-width:none}section,figure,table{break-inside:avoid}nav{display:none}}";

        public static string Render(CollaborationReport report)
        {
            var html = new HtmlBuilder();
            html.Raw($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CrmCollab collaboration report</title><style>{Style}</style></head><body>");
            html.Raw($"<h1>Sales and operations, one team — {N(report.Deals)} deals, {Encode(report.PeriodStart)} to {Encode(report.PeriodEnd)}</h1>");
            html.P($"Simulation seed {report.Seed}. Every action went through the organization service as the right person, so every shipped plugin fired as registered. " +
                   $"\"Now\" is {report.PeriodEnd}, the day the last deal came in: work still in flight is the open backlog.");
            Targets(html, report.Targets);
            html.Raw("<nav><ol><li><a href=\"#blocking\">Who is blocking deals?</a></li><li><a href=\"#late\">Which function is late?</a></li>" +
                     "<li><a href=\"#trend\">Is it getting better?</a></li><li><a href=\"#accounts\">Which accounts need attention?</a></li>" +
                     "<li><a href=\"#scorecards\">Shared objectives per person</a></li><li><a href=\"#platform\">What it cost the platform</a></li></ol></nav>");
            Headline(html, report);
            BlockingSections.Write(html, report.Blocking);
            LatenessSections.Write(html, report);
            TrendSections.Write(html, report);
            PeopleSections.Write(html, report);
            html.Raw("</body></html>");
            return html.ToString();
        }

        private static void Targets(HtmlBuilder html, ReportTargets targets)
        {
            var t = targets.Targets;
            html.P($"Targets (setup/report-targets.json, --targets): review turnaround median ≤ {t.ReviewTurnaroundMedianHours:0} h; reviews within SLA ≥ {Percent(t.ReviewsWithinSla)}; " +
                   $"handoffs on time ≥ {Percent(t.HandoffsOnTime)}; signals acknowledged ≥ {Percent(t.SignalsAcknowledged)}; win rate ≥ {Percent(t.WinRate)}; " +
                   $"signals that became leads or won deals ≥ {t.SignalsConverted:0} per person. Green meets the target, amber is within {targets.AmberMargin * 100:0} % of it, red is further.");
        }

        private static void Headline(HtmlBuilder html, CollaborationReport report)
        {
            Headline h = report.Headline;
            var t = report.Targets;
            string turnaround = t.StatusOf(h.ReviewTurnaroundMedianHours, t.Targets.ReviewTurnaroundMedianHours, lowerIsBetter: true);
            html.Section("headline", "Shared objectives at a glance", null);
            html.Table("Key figures", new[] { "Figure", "Value", "Status" }, new List<IReadOnlyList<string>>
            {
                new[] { "Review turnaround, median / 90th percentile", $"{Hours(h.ReviewTurnaroundMedianHours)} / {Hours(h.ReviewTurnaroundP90Hours)}", Badge(turnaround) },
                new[] { "Reviews decided (decision standing)", N(h.ReviewsDecided), "" },
                new[] { "Review decisions taken (including re-opened ones)", N(h.ReviewDecisionsTaken), "" },
                new[] { "Reviews re-opened by a later change (terms, or rules asking again)", N(h.ReviewsReopened), "" },
                new[] { "Reviews pending now / overdue now", $"{N(h.ReviewsPendingNow)} / {N(h.ReviewsOverdueNow)}", "" },
                new[] { "Handoff acceptance, median", Hours(h.HandoffAcceptanceMedianHours), "" },
                new[] { "Handoffs open now / overdue now", $"{N(h.HandoffsOpenNow)} / {N(h.HandoffsOverdueNow)}", "" },
                new[] { "Deals won / lost / open", $"{N(h.DealsWon)} / {N(h.DealsLost)} / {N(h.DealsOpen)}", "" },
                new[] { "Amendments per won deal", h.AmendmentsPerWonDeal?.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "—", "" },
            }.Select(r => (IReadOnlyList<string>)r.Select((c, i) => i == 2 ? c : Encode(c)).ToList()));
            html.EndSection();
        }
    }
}
