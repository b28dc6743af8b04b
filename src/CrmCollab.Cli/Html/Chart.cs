using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ScottPlot;

namespace CrmCollab.Cli.Html
{
    /// <summary>
    /// Charts drawn by ScottPlot 5 as SVG, in-process (SkiaSharp measures the text): titled, with labelled axes and a
    /// legend, ready to inline in the page (no XML declaration, no namespace URL, a role and a label for screen readers).
    /// </summary>
    public static class Chart
    {
        public static readonly string[] Palette = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf" };
        private const string Font = "DejaVu Sans";

        /// <summary>Line series over weeks; a missing value breaks nothing (the point is left out); an optional target line.</summary>
        public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<double> xs,
            IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, double? target = null, string targetLabel = null, double? yMax = null)
        {
            Plot plot = New(title, xLabel, yLabel);
            for (int s = 0; s < series.Count; s++)
            {
                var points = xs.Zip(series[s].Values).Where(p => p.Second.HasValue).ToList();
                var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second.Value).ToArray(), Color.FromHex(Palette[s % Palette.Length]));
                line.LegendText = series[s].Name;
                line.LineWidth = 2;
                line.MarkerSize = 4;
            }
            if (target.HasValue)
            {
                var line = plot.Add.HorizontalLine(target.Value, 1.5f, Colors.Gray, LinePattern.Dashed);
                line.LegendText = targetLabel ?? "target";
            }
            plot.Axes.SetLimitsY(0, yMax ?? Math.Max(1, series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v.Value).Append(target ?? 0).DefaultIfEmpty(1).Max() * 1.1));
            plot.ShowLegend(Edge.Bottom);
            return Svg(plot, title, 900, 380);
        }

        /// <summary>One 100 % horizontal bar per category, split into segments (each a share of the row's total), with
        /// an optional target marker on the first segment's share.</summary>
        public static string PercentBars(string title, IReadOnlyList<string> categories,
            IReadOnlyList<(string Name, string Colour, IReadOnlyList<int> Counts)> segments, double? target = null)
        {
            Plot plot = New(title, "share of the function's handoffs (%)", null);
            var bars = new List<Bar>();
            for (int c = 0; c < categories.Count; c++)
            {
                double total = Math.Max(1, segments.Sum(s => s.Counts[c]));
                double start = 0;
                foreach (var segment in segments)
                {
                    double share = 100.0 * segment.Counts[c] / total;
                    bars.Add(new Bar { Position = c, ValueBase = start, Value = start + share, FillColor = Color.FromHex(segment.Colour), LineWidth = 0, Orientation = Orientation.Horizontal });
                    start += share;
                }
            }
            plot.Add.Bars(bars);
            foreach (var segment in segments) plot.Legend.ManualItems.Add(new LegendItem { LabelText = segment.Name, FillColor = Color.FromHex(segment.Colour) });
            if (target.HasValue)
            {
                var line = plot.Add.VerticalLine(target.Value * 100, 2, Colors.Black, LinePattern.Dashed);
                line.LegendText = $"on-time target {target.Value * 100:0} %";
            }
            plot.Axes.Left.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
            plot.Axes.SetLimitsX(0, 100);
            plot.Axes.SetLimitsY(-0.6, categories.Count - 0.4);
            plot.ShowLegend(Edge.Bottom);
            return Svg(plot, title, 900, 140 + 45 * categories.Count);
        }

        /// <summary>Horizontal bars, one per category, with the value written at the end of each bar.</summary>
        public static string Bars(string title, string valueLabel, IReadOnlyList<string> categories, IReadOnlyList<double> values, string colour = "#1f77b4")
        {
            Plot plot = New(title, valueLabel, null);
            var bars = categories.Select((_, i) => new Bar
            {
                Position = categories.Count - 1 - i, Value = values[i], FillColor = Color.FromHex(colour), Orientation = Orientation.Horizontal,
                Label = values[i].ToString("#,0.#", CultureInfo.InvariantCulture),
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.ValueLabelStyle.FontName = Font;
            plot.Axes.Left.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)(categories.Count - 1 - i)).ToArray(), categories.ToArray());
            plot.Axes.SetLimitsX(0, Math.Max(1, values.DefaultIfEmpty(1).Max()) * 1.15);
            plot.Axes.SetLimitsY(-0.6, Math.Max(1, categories.Count) - 0.4);
            return Svg(plot, title, 900, 120 + 32 * Math.Max(1, categories.Count));
        }

        private static Plot New(string title, string xLabel, string yLabel)
        {
            var plot = new Plot();
            plot.Font.Set(Font);
            plot.Title(title, 15);
            if (xLabel != null) plot.XLabel(xLabel, 13);
            if (yLabel != null) plot.YLabel(yLabel, 13);
            return plot;
        }

        private static string Svg(Plot plot, string title, int width, int height)
        {
            // ScottPlot words its ticks in the current culture ("1.000", "0,5" on a German or French machine): drawn in
            // the invariant one, the charts read as the tables beside them ("1,000", "0.5").
            CultureInfo culture = CultureInfo.CurrentCulture;
            string svg;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                svg = plot.GetSvgXml(width, height);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
            svg = Regex.Replace(svg, @"<\?xml[^>]*\?>\s*", "");
            svg = Regex.Replace(svg, @"\s+xmlns(:xlink)?=""[^""]*""", "");
            string label = System.Net.WebUtility.HtmlEncode(title);
            return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {width} {height}\" style=\"max-width:100%;height:auto\" ");
        }
    }
}
