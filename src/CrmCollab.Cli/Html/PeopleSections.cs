using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Html
{
    /// <summary>Which accounts need attention, each person's shared objectives, what it cost the platform, what happened.</summary>
    public static class PeopleSections
    {
        public static void Write(HtmlBuilder html, CollaborationReport report)
        {
            Accounts(html, report.Attention);
            Scorecards(html, report.Scorecards);
            Platform(html, report.Platform);
            html.Section("happened", "What happened", null);
            html.Table("Actions", new[] { "Action", "Count" }, report.Counts.Select(p => (IReadOnlyList<string>)new[] { Encode(p.Key), N(p.Value) }));
            html.Table("Refused actions, by the server's reason", new[] { "Reason", "Count" }, report.Refusals.Select(p => (IReadOnlyList<string>)new[] { Encode(p.Key), N(p.Value) }));
            html.P($"Asynchronous step failures: {report.AsyncFailures}.");
            html.EndSection();
        }

        private static void Accounts(HtmlBuilder html, AttentionSection attention)
        {
            html.Section("accounts", "Which accounts need attention?", "Accounts with churn-risk signals nobody has acknowledged, longest waiting first.");
            html.Table("Open churn-risk signals", new[] { "Account", "Salesperson", "Open signals", "Unacknowledged for", "Last signal" },
                attention.ChurnRisk.Select(a => (IReadOnlyList<string>)new[] { Encode(a.Account), Encode(a.Owner), N(a.OpenChurnSignals), Days(a.DaysUnacknowledged), Encode(a.LastSignalOn) }),
                "no churn-risk signal is waiting");
            html.Table("Signals by raising function and kind", new[] { "Function", "Kind", "Raised", "Acknowledged", "Rate", "Became leads", "Became won deals" },
                attention.SignalsByFunctionAndKind.Select(s => (IReadOnlyList<string>)new[]
                {
                    Encode(s.Function), Encode(s.Kind), N(s.Count), N(s.Acknowledged), Percent(s.Rate), N(s.BecameLeads), N(s.BecameWonDeals),
                }));
            html.EndSection();
        }

        private static void Scorecards(HtmlBuilder html, ScorecardSection cards)
        {
            html.Section("scorecards", "Shared objectives per person",
                $"Each person's score: {cards.IndividualWeightPercent} % their own KPIs, {100 - cards.IndividualWeightPercent} % the collective ones everyone shares (each side: mean attainment of its KPIs, 0 to 100).");
            html.Table("Collective KPIs (whole organisation)", new[] { "KPI", "Value", "Target", "Status" },
                cards.Collective.Select(k => (IReadOnlyList<string>)new[] { Encode(k.Kpi), Percent(k.Value), Percent(k.Target), Badge(k.Status) }));
            html.P($"Collective score: {Score(cards.CollectiveScore)}.");
            html.Table("Scorecards", new[] { "Person", "Role", "Individual KPIs (value / target)", "Individual", "Collective", "Score" },
                cards.People.Select(p => (IReadOnlyList<string>)new[]
                {
                    Encode(p.Person), Encode(p.Role),
                    string.Join("<br>", p.Individual.Select(k => $"{Encode(k.Kpi)}: {Value(k)} / {Value(k, k.Target)} {Badge(k.Status)}")),
                    Score(p.IndividualScore), Score(p.CollectiveScore), $"<strong>{Score(p.Score)}</strong>",
                }));
            html.EndSection();
        }

        private static string Value(KpiScore kpi, double? value = null)
        {
            double? v = value ?? kpi.Value;
            return kpi.Kpi == ScorecardAnalysis.SignalsConverted ? N(v) : Percent(v);
        }

        private static void Platform(HtmlBuilder html, PlatformSection platform)
        {
            html.Section("platform", "What it cost the platform", "Service calls the plugins made per user action (engine metrics): what an admin sees as the suite's load on Dataverse.");
            html.Table("Plugin service calls per action", new[] { "Action", "Actions", "Reads, median", "Reads, max", "Writes, median", "Writes, max" },
                platform.Actions.Select(a => (IReadOnlyList<string>)new[]
                {
                    Encode(a.Action), N(a.Count), a.ReadsMedian.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), N(a.ReadsMax),
                    a.WritesMedian.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), N(a.WritesMax),
                }));
            html.P($"Budgets held: the feasibility gate (the opportunity guard) read at most {platform.GateReadsMax} time(s) per move through the gate (budget {PlatformSection.GateReadsBudget}: the stage's data requirements, the rules, the account's industry, the reviews); a win's handoff step read at most " +
                   $"{platform.HandoffReadsPerTaskMax?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} and wrote at most " +
                   $"{platform.HandoffWritesPerTaskMax?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} time(s) per task (budget 2 reads + 1 write).");
            html.EndSection();
        }
    }
}
