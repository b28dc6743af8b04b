using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// Who is blocking deals. Now: deals whose move past the gate was refused and that are still open, held by their
    /// reviews that are pending or rejected today. Over the run: every refused deal, held by the reviews that were not
    /// approved at its first refusal, for as long as it waited (until it passed, was lost, or now).
    /// </summary>
    public static class BlockingAnalysis
    {
        public static BlockingSection Build(ReportData data, RunLog log, DateTime now)
        {
            // A rejection superseded by a new review of its function holds nothing: the new review does, with its reviewer.
            var holding = data.Kpis.Reviews.Where(r => r.OpportunityId.HasValue && !r.Superseded
                    && (r.Decision == ReviewDecision.Pending || r.Decision == ReviewDecision.Rejected))
                .ToLookup(r => r.OpportunityId.Value);
            var current = log.Blocks.Where(b => b.Outcome == null && data.Deals.TryGetValue(b.DealId, out DealRecord d) && d.State == 0)
                .Select(b => (Block: b, Blockers: holding[b.DealId].Select(r => new GateBlocker { Function = r.Function, ReviewerId = r.HolderId, Decision = r.Decision }).ToList()))
                .Where(b => b.Blockers.Count > 0) // every review approved since: the deal waits for its salesperson to try again
                .ToList();
            var overRun = log.Blocks.Select(b => (Block: b, Blockers: b.Blockers)).ToList();
            return new BlockingSection
            {
                Now = View(data, current, now),
                OverRun = View(data, overRun, now),
                Longest = log.Blocks.OrderByDescending(b => Wait(b, now)).ThenBy(b => b.StartedOn).Take(10).Select(b => new BlockedDeal
                {
                    Deal = data.Deals[b.DealId].Name,
                    Salesperson = data.NameOf(data.Deals[b.DealId].OwnerId),
                    BlockingFunction = string.Join(", ", b.Blockers.Select(x => Figures.Label(x.Function)).Distinct()),
                    Reviewer = string.Join(", ", b.Blockers.Select(x => data.NameOf(x.ReviewerId)).Distinct()),
                    AgeDays = Math.Round(Wait(b, now) / 24, 1),
                    Value = Figures.Money(data.Deals[b.DealId].Value),
                    Outcome = b.Outcome,
                }).ToList(),
            };
        }

        public static double Wait(GateBlock block, DateTime now) => ((block.EndedOn ?? now) - block.StartedOn).TotalHours;

        private static BlockingView View(ReportData data, List<(GateBlock Block, List<GateBlocker> Blockers)> blocks, DateTime now)
        {
            var pairs = blocks.SelectMany(b => b.Blockers.Select(x => (b.Block, Blocker: x))).ToList();
            return new BlockingView
            {
                Deals = blocks.Count,
                ValueHeld = Figures.Money(blocks.Sum(b => data.Deals[b.Block.DealId].Value)),
                MedianWaitHours = Figures.Median(blocks.Select(b => Wait(b.Block, now))),
                ByFunction = pairs.GroupBy(p => p.Blocker.Function).OrderBy(g => g.Key)
                    .Select(g => Figure(data, g.Select(p => p.Block), now, f => f.Function = Figures.Label(g.Key))).ToList(),
                ByReviewer = pairs.GroupBy(p => (p.Blocker.ReviewerId, p.Blocker.Function))
                    .Select(g => Figure(data, g.Select(p => p.Block), now, f =>
                    {
                        f.Person = data.NameOf(g.Key.ReviewerId);
                        f.Function = Figures.Label(g.Key.Function);
                    }))
                    .OrderByDescending(f => f.Count).ThenByDescending(f => f.ValueHeld).ThenBy(f => f.Person, StringComparer.Ordinal).ToList(),
            };
        }

        private static GroupFigure Figure(ReportData data, IEnumerable<GateBlock> blocks, DateTime now, Action<GroupFigure> key)
        {
            var deals = blocks.GroupBy(b => b.DealId).Select(g => g.First()).ToList();
            var figure = new GroupFigure
            {
                Count = deals.Count,
                MedianHours = Figures.Median(deals.Select(b => Wait(b, now))),
                ValueHeld = Figures.Money(deals.Sum(b => data.Deals[b.DealId].Value)),
            };
            key(figure);
            return figure;
        }
    }
}
