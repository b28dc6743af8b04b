using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCollab.Emulator.Engine;
using Newtonsoft.Json;
using Spectre.Console;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// `simulate --cost-breakdown`: where the play's time and allocations went, by request, step and plug-in call, each
    /// without what ran inside it, per deal. Machine figures (they vary from run to run), kept out of the report, whose
    /// figures a seed fixes.
    /// </summary>
    public static class CostBreakdownReport
    {
        public const string FileName = "cost-breakdown.json";
        private const int Shown = 25;

        public static void Print(IReadOnlyList<CostEntry> entries, int deals, double playSeconds)
        {
            double measured = entries.Sum(e => e.Seconds);
            var table = new Table().Title($"Where the play's time goes ({Shown} costliest of {entries.Count}; own share, without what runs inside)")
                .AddColumn("Kind").AddColumn("Request or step")
                .AddColumn(new TableColumn("Share of play").RightAligned()).AddColumn(new TableColumn("Per deal").RightAligned())
                .AddColumn(new TableColumn("µs each").RightAligned()).AddColumn(new TableColumn("KB per deal").RightAligned());
            foreach (CostEntry e in entries.Take(Shown))
                table.AddRow(Kind(e.Kind), Markup.Escape(Short(e.Label)), Percent(e.Seconds / playSeconds), Figure(PerDeal(e, deals), "0.00"),
                    Figure(MicrosecondsEach(e), "0.0"), Figure(KilobytesPerDeal(e, deals), "0.0"));
            AnsiConsole.Write(table);
            Console.WriteLine($"The engine and its plug-ins: {Percent(measured / playSeconds)} of the play's {Figure(playSeconds, "0.0")} s, " +
                $"{Figure(entries.Sum(e => e.Bytes) / 1024.0 / deals, "0.0")} KB allocated per deal; the rest is the simulated people's own work. Every line: {FileName}.");
        }

        public static string Json(IReadOnlyList<CostEntry> entries, int deals, double playSeconds) =>
            JsonConvert.SerializeObject(new
            {
                deals,
                playSeconds = Math.Round(playSeconds, 2),
                entries = entries.Select(e => new
                {
                    kind = Kind(e.Kind),
                    message = e.Message,
                    table = e.Table,
                    count = e.Count,
                    seconds = Math.Round(e.Seconds, 4),
                    bytes = e.Bytes,
                    perDeal = Math.Round(PerDeal(e, deals), 3),
                    microsecondsEach = Math.Round(MicrosecondsEach(e), 2),
                    kilobytesPerDeal = Math.Round(KilobytesPerDeal(e, deals), 2),
                }),
            }, ReportJson.Settings);

        private static double PerDeal(CostEntry e, int deals) => e.Count / (double)deals;

        private static double MicrosecondsEach(CostEntry e) => e.Seconds * 1e6 / Math.Max(1, e.Count);

        private static double KilobytesPerDeal(CostEntry e, int deals) => e.Bytes / 1024.0 / deals;

        /// <summary>A step's name without its namespace ("OpportunityGuard: Update of opportunity"), for a terminal's width.</summary>
        private static string Short(string label)
        {
            int colon = label.IndexOf(':');
            int dot = colon < 0 ? -1 : label.LastIndexOf('.', colon);
            return dot < 0 ? label : label.Substring(dot + 1);
        }

        private static string Kind(CostKind kind) => kind switch
        {
            CostKind.Request => "request",
            CostKind.Step => "step",
            _ => "plug-in call",
        };

        private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

        private static string Figure(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
