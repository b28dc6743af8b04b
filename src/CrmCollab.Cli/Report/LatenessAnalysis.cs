using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Kpi;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// Which function is late. A review is on time when decided by its due date (its SLA); a handoff when completed by
    /// its due date (as the shared objectives count it). Open work is in time or overdue now. Each group is scored
    /// against its target: its on-time rate is the work done on time out of the work done and the work overdue now,
    /// which is late already whenever it is done (before, overdue work was left out: whoever sat on their work past its
    /// due date kept a rate of 100 %, or none, and never headed the lowest-first tables).
    /// </summary>
    public static class LatenessAnalysis
    {
        public static LatenessSection Build(ReportData data, ReportTargets targets, DateTime now)
        {
            var reviews = data.Kpis.Reviews.Where(r => !r.Reopened).ToList();
            var handoffs = data.Kpis.Handoffs;
            return new LatenessSection
            {
                ReviewsByFunction = reviews.GroupBy(r => r.Function).OrderBy(g => g.Key)
                    .Select(g => Reviews(g.ToList(), targets, now, f => f.Function = Figures.Label(g.Key))).ToList(),
                ReviewsByReviewer = reviews.GroupBy(r => r.HolderId)
                    .Select(g => Reviews(g.ToList(), targets, now, f =>
                    {
                        f.Person = data.NameOf(g.Key);
                        f.Function = Figures.Label(g.GroupBy(r => r.Function).OrderByDescending(x => x.Count()).ThenBy(x => x.Key).First().Key);
                    }))
                    .OrderBy(f => f.Rate ?? 2).ThenBy(f => f.Person, StringComparer.Ordinal).ToList(),
                HandoffsByFunction = handoffs.GroupBy(h => h.Function).OrderBy(g => g.Key)
                    .Select(g => Handoffs(g.ToList(), targets, now, f => f.Function = Figures.Label(g.Key))).ToList(),
                HandoffsByTemplate = handoffs.GroupBy(h => h.TemplateId)
                    .OrderBy(g => Template(data, g.Key)?.Sequence ?? int.MaxValue)
                    .Select(g => Handoffs(g.ToList(), targets, now, f =>
                    {
                        TemplateRecord template = Template(data, g.Key);
                        f.Template = template?.Subject ?? $"{g.First().Subject} (template deleted)".TrimStart();
                        f.Function = Figures.Label(template?.Function ?? g.First().Function);
                        f.DueOffsetDays = template?.DueOffsetDays;
                    })).ToList(),
                HandoffsByOwner = handoffs.GroupBy(h => h.HolderId)
                    .Select(g => Handoffs(g.ToList(), targets, now, f =>
                    {
                        f.Person = data.NameOf(g.Key);
                        f.Function = Figures.Label(g.GroupBy(h => h.Function).OrderByDescending(x => x.Count()).ThenBy(x => x.Key).First().Key);
                    }))
                    .OrderBy(f => f.Rate ?? 2).ThenBy(f => f.Person, StringComparer.Ordinal).ToList(),
            };
        }

        public static bool Decided(ReviewRecord r) => r.DecisionStands;

        public static bool WithinSla(ReviewRecord r) => !r.DueOn.HasValue || r.DecidedOn.Value <= r.DueOn.Value;

        public static bool OnTime(HandoffRecord h) => h.CompletedOnTime;

        /// <summary>Pending past its due date at <paramref name="now"/>: late already, whenever it is decided.</summary>
        public static bool Overdue(ReviewRecord r, DateTime now) => r.Decision == ReviewDecision.Pending && r.DueOn.HasValue && r.DueOn.Value < now;

        /// <summary>The rate of work on time: done on time out of done and overdue now; null with neither.</summary>
        public static double? OnTimeRate(int onTime, int done, int overdue) => Figures.Rate(onTime, done + overdue);

        private static TemplateRecord Template(ReportData data, Guid? id) => id.HasValue && data.Templates.TryGetValue(id.Value, out TemplateRecord t) ? t : null;

        private static GroupFigure Reviews(List<ReviewRecord> reviews, ReportTargets targets, DateTime now, Action<GroupFigure> key) =>
            Tally(reviews.Where(Decided).ToList(), reviews.Where(r => r.Decision == ReviewDecision.Pending).ToList(),
                r => (r.DecidedOn.Value - r.RequestedOn).TotalHours, WithinSla, r => r.DueOn, targets.Targets.ReviewsWithinSla, targets, now, key);

        private static GroupFigure Handoffs(List<HandoffRecord> handoffs, ReportTargets targets, DateTime now, Action<GroupFigure> key) =>
            Tally(handoffs.Where(h => h.CompletedOn.HasValue).ToList(), handoffs.Where(h => h.IsOpen).ToList(),
                h => (h.CompletedOn.Value - h.CreatedOn).TotalHours, OnTime, h => h.DueOn, targets.Targets.HandoffsOnTime, targets, now, key);

        /// <summary>Done work on time or late (median hours to finish), open work in time or overdue now, the on-time rate (<see cref="OnTimeRate"/>) against its target.</summary>
        private static GroupFigure Tally<T>(List<T> done, List<T> open, Func<T, double> hours, Func<T, bool> onTime, Func<T, DateTime?> due,
            double target, ReportTargets targets, DateTime now, Action<GroupFigure> key)
        {
            int inTime = done.Count(onTime), overdue = open.Count(x => due(x).HasValue && due(x).Value < now);
            var figure = new GroupFigure
            {
                Count = done.Count,
                MedianHours = Figures.Median(done.Select(hours)),
                OnTime = inTime,
                Late = done.Count - inTime,
                Overdue = overdue,
                OpenInTime = open.Count(x => !due(x).HasValue || due(x).Value >= now),
                Rate = OnTimeRate(inTime, done.Count, overdue),
                Target = target,
            };
            figure.Status = targets.Status(ReportTargets.Attainment(figure.Rate, target));
            key(figure);
            return figure;
        }
    }
}
