using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CrmCollab.Cli.Simulation;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Kpi;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Cli.Report
{
    /// <summary>Reads the organisation once (any IOrganizationService: the embedded engine, or later a real one) and
    /// answers every question of the collaboration report from what it read and what was observed over the period
    /// (refused gate moves, action costs, backlog snapshots: the run's log).</summary>
    public static class ReportBuilder
    {
        public static CollaborationReport Build(IOrganizationService service, RunLog log, Outcomes outcomes, ReportTargets targets,
            int individualWeightPercent, int seed, int deals, int asyncFailures)
        {
            ReportData data = ReportData.Read(service);
            DateTime now = log.EndedOn;
            // Every section is a pure function of what was read and logged (nothing is written to them): they are
            // computed side by side on the machine's cores; the organisation was read once, above, in order.
            Task<KpiReport> kpis = Task.Run(() => data.Kpis.Compute(now));
            Task<BlockingSection> blocking = Task.Run(() => BlockingAnalysis.Build(data, log, now));
            Task<LatenessSection> lateness = Task.Run(() => LatenessAnalysis.Build(data, targets, now));
            Task<TrendSection> trend = Task.Run(() => TrendAnalysis.Build(data, log));
            Task<AttentionSection> attention = Task.Run(() => AttentionAnalysis.Build(data, now));
            Task<ScorecardSection> scorecards = Task.Run(() => ScorecardAnalysis.Build(data, targets, individualWeightPercent, now));
            Task<PlatformSection> platform = Task.Run(() => CostAnalysis.Build(log));
            Task<List<GroupFigure>> histogram = Task.Run(() => Histogram(data.Kpis.Reviews.Where(LatenessAnalysis.Decided)
                .Select(r => (r.DecidedOn.Value - r.RequestedOn).TotalHours).ToList(), new[] { 4, 8, 24, 48, 96 }));
            return new CollaborationReport
            {
                Seed = seed,
                Deals = deals,
                PeriodStart = Figures.Date(log.StartedOn),
                PeriodEnd = Figures.Date(now),
                Targets = targets,
                Headline = Headline(data, Done(kpis), log, now),
                Blocking = Done(blocking),
                Lateness = Done(lateness),
                Trend = Done(trend),
                Attention = Done(attention),
                Scorecards = Done(scorecards),
                Platform = Done(platform),
                ReviewTurnaroundHistogram = Done(histogram),
                Counts = outcomes.Counts,
                Refusals = outcomes.Refusals,
                AsyncFailures = asyncFailures,
            };
        }

        /// <summary>The section, or the section's own exception (not wrapped in an AggregateException).</summary>
        private static T Done<T>(Task<T> section) => section.GetAwaiter().GetResult();

        private static Headline Headline(ReportData data, KpiReport kpis, RunLog log, DateTime now)
        {
            var reviews = data.Kpis.Reviews;
            return new Headline
            {
                ReviewTurnaroundMedianHours = Figures.Hours(kpis.ReviewTurnaroundMedianHours),
                ReviewTurnaroundP90Hours = Figures.Hours(kpis.ReviewTurnaroundP90Hours),
                ReviewsDecided = kpis.ReviewsDecided,
                ReviewDecisionsTaken = reviews.Count(r => r.DecidedOn.HasValue),
                ReviewsReopened = reviews.Count(r => r.Reopened),
                ReviewsPendingNow = reviews.Count(r => r.Decision == ReviewDecision.Pending),
                ReviewsOverdueNow = kpis.ReviewsOverdue,
                HandoffAcceptanceMedianHours = Figures.Hours(kpis.HandoffAcceptanceMedianHours),
                HandoffsOpenNow = kpis.HandoffsOpen,
                HandoffsOverdueNow = kpis.HandoffsOverdue,
                AmendmentsPerWonDeal = Figures.Rate(kpis.AmendmentsPerWonDeal),
                DealsWon = data.Deals.Values.Count(d => d.State == 1),
                DealsLost = data.Deals.Values.Count(d => d.State == 2),
                DealsOpen = data.Deals.Values.Count(d => d.State == 0),
            };
        }

        private static List<GroupFigure> Histogram(IReadOnlyCollection<double> hours, int[] edges)
        {
            var buckets = new List<GroupFigure>();
            int previous = 0;
            foreach (int edge in edges)
            {
                int low = previous;
                buckets.Add(new GroupFigure { Bucket = $"{low}–{edge} h", Count = hours.Count(h => h >= low && h < edge) });
                previous = edge;
            }
            buckets.Add(new GroupFigure { Bucket = $"≥ {previous} h", Count = hours.Count(h => h >= previous) });
            return buckets;
        }
    }
}
