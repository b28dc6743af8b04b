using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// A self-contained HTML report (no script, no external resource): the KPI table and three charts drawn as
    /// inline SVG, so it opens anywhere, offline, and prints.
    /// </summary>
    public static class HtmlReport
    {
        public static string Render(SimulationReport report)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CrmCollab simulation report</title><style>")
                .Append("body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:1100px}")
                .Append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}")
                .Append("th,td{border:1px solid #c8c8c8;padding:.35rem .7rem;text-align:left}th{background:#f0f0f0}")
                .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}.charts{display:flex;flex-wrap:wrap;gap:2rem}")
                .Append("figure{margin:0}figcaption{font-weight:600;margin-bottom:.4rem}.sr{position:absolute;left:-9999px}</style></head><body>");
            html.Append($"<h1>CrmCollab simulation — {report.Deals.ToString("N0", CultureInfo.InvariantCulture)} deals, seed {report.Seed}</h1>");
            html.Append("<p>Every action went through the organization service as the right person, so every shipped plugin fired as registered.</p>");
            Kpis(html, report.Kpis);
            html.Append("<h2>Charts</h2><div class=\"charts\">");
            Bars(html, "Review turnaround (decided reviews)", report.ReviewTurnaround.Select(b => (b.Label, (double)b.Count, "#2f6fb3")).ToList());
            Bars(html, "Handoffs completed on time / late, by function", report.HandoffSla.SelectMany(f => new[]
            {
                (f.Function + " on time", (double)f.OnTime, "#2e7d32"), (f.Function + " late", (double)f.Late, "#c62828"),
            }).ToList());
            Bars(html, "Signals by kind", report.SignalsByKind.Select(p => (p.Key, (double)p.Value, "#6a4fb3")).ToList());
            html.Append("</div>");
            Table(html, "What happened", "Action", report.Counts);
            Table(html, "Refused actions, by reason", "Reason", report.Refusals);
            html.Append($"<p>Asynchronous step failures: {report.AsyncFailures}.</p></body></html>");
            return html.ToString();
        }

        private static void Kpis(StringBuilder html, KpiReport k)
        {
            html.Append("<h2>Shared objectives</h2><table><caption class=\"sr\">Key figures</caption><tr><th scope=\"col\">Objective</th><th scope=\"col\">Value</th></tr>");
            Row(html, "Review turnaround, median", Hours(k.ReviewTurnaroundMedianHours));
            Row(html, "Review turnaround, 90th percentile", Hours(k.ReviewTurnaroundP90Hours));
            Row(html, "Reviews decided", k.ReviewsDecided.ToString("N0", CultureInfo.InvariantCulture));
            Row(html, "Reviews overdue now", k.ReviewsOverdue.ToString("N0", CultureInfo.InvariantCulture));
            Row(html, "Handoff acceptance time, median", Hours(k.HandoffAcceptanceMedianHours));
            foreach (FunctionFigure f in k.HandoffsOnTime)
                Row(html, $"Handoffs completed on time — {f.Function.Label()}", $"{f.Part:N0} / {f.Total:N0} ({Percent(f.Rate)})");
            foreach (FunctionFigure f in k.SignalsAcknowledged)
                Row(html, $"Signals acknowledged — raised by {f.Function.Label()}", $"{f.Part:N0} / {f.Total:N0} ({Percent(f.Rate)})");
            Row(html, "Amendments per won deal", k.AmendmentsPerWonDeal.HasValue ? k.AmendmentsPerWonDeal.Value.ToString("0.000", CultureInfo.InvariantCulture) : "—");
            html.Append("</table>");
        }

        private static void Table(StringBuilder html, string title, string header, IReadOnlyDictionary<string, int> rows)
        {
            html.Append($"<h2>{Encode(title)}</h2><table><tr><th scope=\"col\">{Encode(header)}</th><th scope=\"col\">Count</th></tr>");
            foreach (var pair in rows) Row(html, pair.Key, pair.Value.ToString("N0", CultureInfo.InvariantCulture));
            if (rows.Count == 0) Row(html, "none", "0");
            html.Append("</table>");
        }

        /// <summary>A horizontal bar chart in SVG, with the numbers written out (readable without colour).</summary>
        private static void Bars(StringBuilder html, string title, IReadOnlyList<(string Label, double Value, string Colour)> bars)
        {
            const int rowHeight = 24, labelWidth = 210, barWidth = 260;
            double max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
            int height = Math.Max(1, bars.Count) * rowHeight + 10;
            html.Append($"<figure><figcaption>{Encode(title)}</figcaption><svg role=\"img\" aria-label=\"{Encode(title)}\" width=\"{labelWidth + barWidth + 70}\" height=\"{height}\">");
            for (int i = 0; i < bars.Count; i++)
            {
                int y = i * rowHeight + 5;
                double width = bars[i].Value / max * barWidth;
                html.Append($"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{Encode(bars[i].Label)}</text>")
                    .Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width.ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"16\" fill=\"{bars[i].Colour}\"></rect>")
                    .Append($"<text x=\"{(labelWidth + width + 6).ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{y + 15}\" font-size=\"12\">{bars[i].Value.ToString("N0", CultureInfo.InvariantCulture)}</text>");
            }
            html.Append("</svg></figure>");
        }

        private static void Row(StringBuilder html, string label, string value) =>
            html.Append($"<tr><th scope=\"row\">{Encode(label)}</th><td class=\"n\">{Encode(value)}</td></tr>");

        private static string Hours(double? hours) => hours.HasValue ? hours.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h" : "—";

        private static string Percent(double? rate) => rate.HasValue ? (rate.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

        private static string Encode(string text) => WebUtility.HtmlEncode(text ?? "");
    }
}
