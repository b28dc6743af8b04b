using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace CrmCollab.Cli.Html
{
    /// <summary>Writes the report's HTML: headings, paragraphs, tables with row headers, charts as figures, status badges
    /// that read without colour. Numbers in the invariant culture, as the JSON has them.</summary>
    public sealed class HtmlBuilder
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
        private readonly StringBuilder _html = new StringBuilder();

        public HtmlBuilder Raw(string html)
        {
            _html.Append(html);
            return this;
        }

        public HtmlBuilder Section(string id, string title, string question) =>
            Raw($"<section id=\"{id}\"><h2>{Encode(title)}</h2>").Raw(question == null ? "" : $"<p class=\"q\">{Encode(question)}</p>");

        public HtmlBuilder EndSection() => Raw("</section>");

        public HtmlBuilder H3(string title) => Raw($"<h3>{Encode(title)}</h3>");

        public HtmlBuilder P(string text) => Raw($"<p>{Encode(text)}</p>");

        public HtmlBuilder Figure(string svg) => Raw($"<figure>{svg}</figure>");

        /// <summary>A table; the first column is the row header; cells already HTML (use <see cref="Encode"/>, <see cref="Badge"/>).</summary>
        public HtmlBuilder Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string empty = "none")
        {
            Raw($"<table><caption>{Encode(caption)}</caption><thead><tr>");
            foreach (string header in headers) Raw($"<th scope=\"col\">{Encode(header)}</th>");
            Raw("</tr></thead><tbody>");
            var list = rows.ToList();
            foreach (var row in list)
            {
                Raw($"<tr><th scope=\"row\">{row[0]}</th>");
                foreach (string cell in row.Skip(1)) Raw($"<td>{cell}</td>");
                Raw("</tr>");
            }
            if (list.Count == 0) Raw($"<tr><td colspan=\"{headers.Count}\">{Encode(empty)}</td></tr>");
            return Raw("</tbody></table>");
        }

        public override string ToString() => _html.ToString();

        public static string Encode(string text) => WebUtility.HtmlEncode(text ?? "");

        public static string Badge(string status) => status == null || status == "none" ? "—" : $"<span class=\"rag {status}\">{status}</span>";

        public static string N(double? value) => value.HasValue ? value.Value.ToString("#,0", Invariant) : "—";

        public static string N(int? value) => value.HasValue ? value.Value.ToString("#,0", Invariant) : "—";

        public static string Hours(double? hours) => hours.HasValue ? hours.Value.ToString("#,0.0", Invariant) + " h" : "—";

        public static string Days(double days) => days.ToString("#,0.0", Invariant) + " d";

        public static string Percent(double? rate) => rate.HasValue ? (rate.Value * 100).ToString("0.0", Invariant) + " %" : "—";

        public static string Score(double? score) => score.HasValue ? score.Value.ToString("0.0", Invariant) : "—";

        public static string Money(double value) => value.ToString("#,0", Invariant);
    }
}
