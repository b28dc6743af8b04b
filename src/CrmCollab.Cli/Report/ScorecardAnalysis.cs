using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// Shared objectives per person. Everyone shares the collective KPIs (reviews within SLA, handoffs on time, signals
    /// acknowledged, over the whole organisation). Salespeople are scored on their win rate and on acknowledging the
    /// signals raised on their accounts; downstream people on their handoffs on time, their reviews within SLA, and the
    /// signals they raised that became leads or won deals (each lead counts once, each won deal from it once more).
    /// Each side scores the mean attainment of its KPIs (0 to 100); the score weights them. Work overdue now counts as
    /// late in the on-time rates (<see cref="LatenessAnalysis.OnTimeRate"/>): it is late whenever it is done.
    /// </summary>
    public static class ScorecardAnalysis
    {
        public const string WinRate = "Win rate", SignalsAcknowledged = "Signals acknowledged", HandoffsOnTime = "Handoffs on time",
            ReviewsWithinSla = "Reviews within SLA", SignalsConverted = "Signals that became leads or won deals";

        /// <param name="now">The end of the period: what work is overdue at.</param>
        public static ScorecardSection Build(ReportData data, ReportTargets targets, int individualWeightPercent, DateTime now)
        {
            var t = targets.Targets;
            var decided = data.Kpis.Reviews.Where(LatenessAnalysis.Decided).ToList();
            var completed = data.Kpis.Handoffs.Where(h => h.CompletedOn.HasValue).ToList();
            var overdueReviews = data.Kpis.Reviews.Where(r => LatenessAnalysis.Overdue(r, now)).ToList();
            var overdueHandoffs = data.Kpis.Handoffs.Where(h => h.IsOverdue(now)).ToList();
            var signals = data.Kpis.Signals;
            var collective = new List<KpiScore>
            {
                Score(targets, ReviewsWithinSla, LatenessAnalysis.OnTimeRate(decided.Count(LatenessAnalysis.WithinSla), decided.Count, overdueReviews.Count), t.ReviewsWithinSla),
                Score(targets, HandoffsOnTime, LatenessAnalysis.OnTimeRate(completed.Count(LatenessAnalysis.OnTime), completed.Count, overdueHandoffs.Count), t.HandoffsOnTime),
                Score(targets, SignalsAcknowledged, Figures.Rate(signals.Count(s => s.AcknowledgedOn.HasValue), signals.Count), t.SignalsAcknowledged),
            };
            double? collectiveScore = Mean(collective);
            var wonLeads = data.Deals.Values.Where(d => d.State == 1 && d.OriginatingLeadId.HasValue).Select(d => d.OriginatingLeadId.Value).ToHashSet();
            var accountOwner = data.Accounts.Values.ToDictionary(a => a.Id, a => a.OwnerId);
            var sales = data.Deals.Values.Where(d => d.OwnerId.HasValue).GroupBy(d => d.OwnerId.Value).ToDictionary(g => g.Key, g => g.ToList());
            // Each person's records grouped once (in their original order): a card reads its own, not every record.
            var signalsBySalesperson = signals
                .Where(s => s.AccountId.HasValue && accountOwner.TryGetValue(s.AccountId.Value, out Guid? o) && o.HasValue)
                .ToLookup(s => accountOwner[s.AccountId.Value].Value);
            var reviewsBy = decided.ToLookup(r => r.OwnerId);
            var completedBy = completed.ToLookup(h => h.OwnerId);
            var overdueReviewsBy = overdueReviews.ToLookup(r => r.OwnerId);
            var overdueHandoffsBy = overdueHandoffs.ToLookup(h => h.OwnerId);
            var handoffsBy = data.Kpis.Handoffs.ToLookup(h => h.OwnerId);
            var raisedBy = signals.ToLookup(s => s.RaisedById);
            var people = new List<Scorecard>();
            foreach (var (person, deals) in sales.OrderBy(p => data.NameOf(p.Key), StringComparer.Ordinal))
            {
                var theirSignals = signalsBySalesperson[person].ToList();
                int won = deals.Count(d => d.State == 1), lost = deals.Count(d => d.State == 2);
                people.Add(Card(data.NameOf(person), "Sales", new List<KpiScore>
                {
                    Score(targets, WinRate, Figures.Rate(won, won + lost), t.WinRate),
                    Score(targets, SignalsAcknowledged, Figures.Rate(theirSignals.Count(s => s.AcknowledgedOn.HasValue), theirSignals.Count), t.SignalsAcknowledged),
                }, collectiveScore, individualWeightPercent));
            }
            var downstream = decided.Concat(overdueReviews).Select(r => r.OwnerId).Concat(data.Kpis.Handoffs.Select(h => h.OwnerId))
                .Concat(signals.Select(s => s.RaisedById))
                .Where(id => id.HasValue && !sales.ContainsKey(id.Value)).Select(id => id.Value).Distinct();
            foreach (Guid person in downstream.OrderBy(p => data.NameOf(p), StringComparer.Ordinal))
            {
                var reviews = reviewsBy[person].ToList();
                var handoffs = completedBy[person].ToList();
                int reviewsOverdue = overdueReviewsBy[person].Count(), handoffsOverdue = overdueHandoffsBy[person].Count();
                var raised = raisedBy[person].ToList();
                BusinessFunction role = reviews.Concat(overdueReviewsBy[person]).Select(r => r.Function).Concat(handoffsBy[person].Select(h => h.Function))
                    .Concat(raised.Select(s => s.RaisedBy)).GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                var kpis = new List<KpiScore>();
                if (handoffs.Count + handoffsOverdue > 0)
                    kpis.Add(Score(targets, HandoffsOnTime, LatenessAnalysis.OnTimeRate(handoffs.Count(LatenessAnalysis.OnTime), handoffs.Count, handoffsOverdue), t.HandoffsOnTime));
                if (reviews.Count + reviewsOverdue > 0)
                    kpis.Add(Score(targets, ReviewsWithinSla, LatenessAnalysis.OnTimeRate(reviews.Count(LatenessAnalysis.WithinSla), reviews.Count, reviewsOverdue), t.ReviewsWithinSla));
                if (role == BusinessFunction.Adv || role == BusinessFunction.Logistics || role == BusinessFunction.Sav || raised.Count > 0)
                    kpis.Add(Score(targets, SignalsConverted, raised.Count(s => s.LeadId.HasValue) + raised.Count(s => s.LeadId.HasValue && wonLeads.Contains(s.LeadId.Value)), t.SignalsConverted));
                people.Add(Card(data.NameOf(person), Figures.Label(role), kpis, collectiveScore, individualWeightPercent));
            }
            return new ScorecardSection { IndividualWeightPercent = individualWeightPercent, Collective = collective, CollectiveScore = collectiveScore, People = people };
        }

        private static Scorecard Card(string person, string role, List<KpiScore> individual, double? collective, int weightPercent)
        {
            double? own = Mean(individual);
            double? score = own.HasValue && collective.HasValue ? own.Value * weightPercent / 100.0 + collective.Value * (100 - weightPercent) / 100.0
                : own ?? collective;
            return new Scorecard
            {
                Person = person, Role = role, Individual = individual, IndividualScore = own, CollectiveScore = collective,
                Score = score.HasValue ? Math.Round(score.Value, 1) : (double?)null,
            };
        }

        private static KpiScore Score(ReportTargets targets, string kpi, double? value, double target)
        {
            double? attainment = ReportTargets.Attainment(value, target);
            return new KpiScore { Kpi = kpi, Value = value, Target = target, Attainment = Figures.Rate(attainment), Status = targets.Status(attainment) };
        }

        /// <summary>Mean attainment of the KPIs that have a value, 0 to 100; null when none has.</summary>
        private static double? Mean(IEnumerable<KpiScore> kpis)
        {
            var values = kpis.Where(k => k.Attainment.HasValue).Select(k => k.Attainment.Value).ToList();
            return values.Count == 0 ? (double?)null : Math.Round(values.Average() * 100, 1);
        }
    }
}
