using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// Is it getting better: per week of the run, the turnaround of the reviews decided that week, the on-time rate of
    /// the handoffs completed that week by function, the signals raised and acknowledged that week; plus the backlog
    /// counted each Monday.
    /// </summary>
    public static class TrendAnalysis
    {
        public static TrendSection Build(ReportData data, RunLog log)
        {
            int weeks = Math.Max(1, (int)Math.Ceiling((log.EndedOn - log.StartedOn).TotalDays / 7));
            int WeekOf(DateTime t) => Math.Min(weeks - 1, Math.Max(0, (int)Math.Floor((t - log.StartedOn).TotalDays / 7)));
            var decided = data.Kpis.Reviews.Where(LatenessAnalysis.Decided).ToLookup(r => WeekOf(r.DecidedOn.Value));
            var completed = data.Kpis.Handoffs.Where(h => h.CompletedOn.HasValue).ToLookup(h => WeekOf(h.CompletedOn.Value));
            var functions = data.Kpis.Handoffs.Select(h => h.Function).Distinct().OrderBy(f => f).ToList();
            var raised = data.Kpis.Signals.ToLookup(s => WeekOf(s.RaisedOn));
            var acknowledged = data.Kpis.Signals.Where(s => s.AcknowledgedOn.HasValue).ToLookup(s => WeekOf(s.AcknowledgedOn.Value));
            return new TrendSection
            {
                Weeks = Enumerable.Range(0, weeks).Select(w => new WeekFigure
                {
                    Week = w + 1,
                    Starts = Figures.Date(log.StartedOn.AddDays(7 * w)),
                    ReviewTurnaroundMedianHours = Figures.Median(decided[w].Select(r => (r.DecidedOn.Value - r.RequestedOn).TotalHours)),
                    ReviewsDecided = decided[w].Count(),
                    HandoffsCompleted = completed[w].Count(),
                    HandoffsOnTimeRate = functions.ToDictionary(Figures.Label, f =>
                    {
                        var done = completed[w].Where(h => h.Function == f).ToList();
                        return Figures.Rate(done.Count(LatenessAnalysis.OnTime), done.Count);
                    }),
                    SignalsRaised = raised[w].Count(),
                    SignalsAcknowledged = acknowledged[w].Count(),
                }).ToList(),
                Backlog = log.Snapshots.ToList(),
            };
        }
    }
}
