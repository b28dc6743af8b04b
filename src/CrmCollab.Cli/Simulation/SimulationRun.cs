using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Tooling.Setup;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// A period of business: deals arrive steadily (two a week per salesperson) until all N have come in, every deal,
    /// review, handoff and signal plays alongside the others, and the backlog is counted each week. The run ends the
    /// Monday morning after the last deal arrives, as a report exported then would: work still in flight is the open backlog.
    /// </summary>
    public static class SimulationRun
    {
        /// <summary>
        /// The organisation a run plays in (the simulate command and the simulation benchmark alike). Stricter than the
        /// server on purpose: business-required columns are refused on every write, so a simulated user who forgets one
        /// is caught (Dataverse itself enforces them only on forms). The plug-in trace log as a production organisation
        /// keeps it, to exceptions only (Microsoft: turn logging on to investigate, then off): the report reads no trace,
        /// and a log of every execution is medium-lived garbage.
        /// </summary>
        public static EngineOptions OrganizationOptions(int seed) => new EngineOptions
        {
            Seed = seed, StartTimeUtc = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc), EnforceApplicationRequired = true,
            PluginTraceLog = PluginTraceLogSetting.Exception,
        };

        /// <summary>The report is read on the Monday morning after the last deal arrived.</summary>
        public static DateTime NextMonday(DateTime after)
        {
            DateTime monday = after.Date.AddHours(8);
            while (monday.DayOfWeek != DayOfWeek.Monday || monday <= after) monday = monday.AddDays(1);
            return monday;
        }

        public static SimulatedOrganization Play(DataverseEngine engine, int seed, int deals, IReadOnlyList<HandoffTemplateSetup.TemplateData> templates,
            Outcomes outcomes, Action<int> arrived = null)
        {
            var org = new SimulatedOrganization(engine, new Random(seed), deals, templates, outcomes);
            var player = new DealPlayer(org);
            var observer = new BacklogObserver(org);
            double hoursBetweenDeals = 7 * 24.0 / (2 * org.Salespeople.Count);
            DateTime start = engine.Clock.UtcNow;
            org.Timeline.Start(observer.Weekly(), TimeSpan.FromDays(7));
            for (int i = 1; i <= deals; i++)
            {
                DateTime arrival = start + TimeSpan.FromHours(Math.Round(hoursBetweenDeals * i, 2));
                org.Timeline.RunUntil(arrival);
                org.Timeline.Start(player.Play(i));
                arrived?.Invoke(i);
            }
            org.Timeline.RunUntil(NextMonday(engine.Clock.UtcNow));
            org.Log.EndedOn = engine.Clock.UtcNow;
            org.Log.Snapshots.Add(observer.Take());
            return org;
        }
    }
}
