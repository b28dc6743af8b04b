using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Kpi
{
    public sealed class ReviewRecord
    {
        public Guid Id { get; set; }
        public Guid? OpportunityId { get; set; }
        /// <summary>The reviewer (a user), when a user owns the review.</summary>
        public Guid? OwnerId { get; set; }
        /// <summary>Who holds the review, a user or a team (a function's desk): what the tables by reviewer group by.</summary>
        public Guid? HolderId { get; set; }
        public BusinessFunction Function { get; set; }
        public ReviewDecision Decision { get; set; }
        public DateTime RequestedOn { get; set; }
        public DateTime? DecidedOn { get; set; }
        public DateTime? DueOn { get; set; }
        /// <summary>A new review of its function replaced this decided one (its rules came to watch more of the deal).</summary>
        public bool Superseded { get; set; }

        /// <summary>
        /// Decided, and the decision still stands: approved, with conditions or rejected, neither re-opened by a change of
        /// the deal's terms (invalidated) nor replaced by a new review of its function (superseded). What "reviews decided",
        /// the turnaround and the SLA count.
        /// </summary>
        public bool DecisionStands => DecidedOn.HasValue && !Superseded && (Decision == ReviewDecision.Approved
            || Decision == ReviewDecision.ApprovedWithConditions || Decision == ReviewDecision.Rejected);

        /// <summary>A decision a later change re-opened (invalidated, or superseded by a new review): history, not standing.</summary>
        public bool Reopened => DecidedOn.HasValue && (Superseded || Decision == ReviewDecision.Invalidated);
    }

    public sealed class HandoffRecord
    {
        public Guid Id { get; set; }
        public Guid? OpportunityId { get; set; }
        /// <summary>The downstream owner (a user), when a user owns the task.</summary>
        public Guid? OwnerId { get; set; }
        /// <summary>Who holds the task, a user or a team (a function's desk): what the tables by owner group by.</summary>
        public Guid? HolderId { get; set; }
        /// <summary>The template it was made from; once that template is deleted (the platform clears the link), the one its key names.</summary>
        public Guid? TemplateId { get; set; }
        /// <summary>The work as handed off (the template's subject then): what names it once its template is deleted.</summary>
        public string Subject { get; set; }
        public BusinessFunction Function { get; set; }
        public DateTime CreatedOn { get; set; }
        public DateTime? AcceptedOn { get; set; }
        public DateTime? DueOn { get; set; }
        public DateTime? CompletedOn { get; set; }
        /// <summary>Canceled (the work is no longer needed): neither done nor open.</summary>
        public bool Canceled { get; set; }

        /// <summary>Work still to do: neither completed nor canceled.</summary>
        public bool IsOpen => !CompletedOn.HasValue && !Canceled;

        /// <summary>Open and past its due date at <paramref name="now"/> (the run's or the report's clock, never the machine's).</summary>
        public bool IsOverdue(DateTime now) => IsOpen && DueOn.HasValue && DueOn.Value < now;

        /// <summary>Completed by its due date (or with none): the one definition of a handoff done on time.</summary>
        public bool CompletedOnTime => CompletedOn.HasValue && (!DueOn.HasValue || CompletedOn.Value <= DueOn.Value);
    }

    public sealed class SignalRecord
    {
        public Guid Id { get; set; }
        public Guid? AccountId { get; set; }
        public int? Kind { get; set; }
        public Guid? RaisedById { get; set; }
        public Guid? LeadId { get; set; }
        public BusinessFunction RaisedBy { get; set; }
        public DateTime RaisedOn { get; set; }
        public DateTime? AcknowledgedOn { get; set; }
    }

    /// <summary>A count and its part, per function, as the KPI table shows them.</summary>
    public sealed class FunctionFigure
    {
        public BusinessFunction Function { get; set; }
        public int Total { get; set; }
        public int Part { get; set; }
        public double? Rate => Total == 0 ? (double?)null : (double)Part / Total;
    }

    public sealed class KpiReport
    {
        public double? ReviewTurnaroundMedianHours { get; set; }
        public double? ReviewTurnaroundP90Hours { get; set; }
        public int ReviewsDecided { get; set; }
        public int ReviewsOverdue { get; set; }
        public double? HandoffAcceptanceMedianHours { get; set; }
        /// <summary>Handoffs neither completed nor canceled, and those of them past their due date.</summary>
        public int HandoffsOpen { get; set; }
        public int HandoffsOverdue { get; set; }
        /// <summary>
        /// Handoffs per function completed or overdue now (work overdue is late already, whenever it is done: the report's
        /// on-time rate, LatenessAnalysis.OnTimeRate); Part = completed by their due date.
        /// </summary>
        public IReadOnlyList<FunctionFigure> HandoffsOnTime { get; set; }
        /// <summary>Signals per raising function, Part = acknowledged.</summary>
        public IReadOnlyList<FunctionFigure> SignalsAcknowledged { get; set; }
        public double? AmendmentsPerWonDeal { get; set; }
    }

    /// <summary>
    /// The shared objectives of sales and operations, computed from the records on demand.
    /// Percentiles interpolate linearly between ranks (Excel's PERCENTILE.INC), so small samples stay meaningful.
    /// </summary>
    public static class SharedObjectives
    {
        public static KpiReport Compute(IEnumerable<ReviewRecord> reviews, IEnumerable<HandoffRecord> handoffs,
            IEnumerable<SignalRecord> signals, int wonDeals, int amendments, DateTime now)
        {
            var reviewList = reviews.ToList();
            var turnaround = reviewList.Where(r => r.DecisionStands)
                .Select(r => (r.DecidedOn.Value - r.RequestedOn).TotalHours).ToList();
            var handoffList = handoffs.ToList();
            var acceptance = handoffList.Where(h => h.AcceptedOn.HasValue).Select(h => (h.AcceptedOn.Value - h.CreatedOn).TotalHours).ToList();
            return new KpiReport
            {
                ReviewTurnaroundMedianHours = Percentile(turnaround, 0.5),
                ReviewTurnaroundP90Hours = Percentile(turnaround, 0.9),
                ReviewsDecided = turnaround.Count,
                ReviewsOverdue = reviewList.Count(r => r.Decision == ReviewDecision.Pending && r.DueOn.HasValue && r.DueOn.Value < now),
                HandoffAcceptanceMedianHours = Percentile(acceptance, 0.5),
                HandoffsOpen = handoffList.Count(h => h.IsOpen),
                HandoffsOverdue = handoffList.Count(h => h.IsOverdue(now)),
                HandoffsOnTime = handoffList.Where(h => h.CompletedOn.HasValue || h.IsOverdue(now)).GroupBy(h => h.Function).OrderBy(g => g.Key)
                    .Select(g => new FunctionFigure { Function = g.Key, Total = g.Count(), Part = g.Count(h => h.CompletedOnTime) }).ToList(),
                SignalsAcknowledged = signals.GroupBy(s => s.RaisedBy).OrderBy(g => g.Key)
                    .Select(g => new FunctionFigure { Function = g.Key, Total = g.Count(), Part = g.Count(s => s.AcknowledgedOn.HasValue) })
                    .ToList(),
                AmendmentsPerWonDeal = wonDeals == 0 ? (double?)null : (double)amendments / wonDeals,
            };
        }

        public static double? Percentile(IReadOnlyCollection<double> values, double p)
        {
            if (values.Count == 0) return null;
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p));
            var sorted = values.OrderBy(v => v).ToArray();
            double rank = p * (sorted.Length - 1);
            int low = (int)Math.Floor(rank), high = (int)Math.Ceiling(rank);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }
    }
}
