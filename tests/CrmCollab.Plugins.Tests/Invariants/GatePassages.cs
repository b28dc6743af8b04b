using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Where each deal and each of its process-flow instances stood before the action, so the invariants can tell a
    /// move forward. What CrmCollab promises (README: "cannot pass the gate stage or be won until every required review is
    /// approved and still current"; docs/guards.md, The feasibility gate): an open deal moved forward — its stage, or a
    /// flow instance of it standing past the deal's stage, by a save, a flow move or start, a re-pointed instance, a reopen
    /// with a stage — to the gate stage of a function its rules require (computed on its terms after the save) or past
    /// it has a current approved review of that function right after the move. A review re-opened later (a change of
    /// terms, a line added) does not push a deal already past the gate back: the gate holds it at its next move forward
    /// or its win (docs/guards.md), so only the action that moved it is judged, against the reviews as it left them.
    /// </summary>
    public sealed class GatePassages
    {
        private readonly Dictionary<Guid, int> _stages = new Dictionary<Guid, int>();
        private readonly Dictionary<Guid, string> _flows = new Dictionary<Guid, string>();
        private readonly HashSet<Guid> _reviews = new HashSet<Guid>();

        public void Remember(IOrganizationService system)
        {
            _stages.Clear();
            _flows.Clear();
            foreach (Entity deal in system.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet(FeasibilityRepository.DealColumns) }).Entities)
                _stages[deal.Id] = DealStage.Of(deal) ?? SalesStage.Qualify;
            foreach (Entity flow in FuzzWorld.FlowInstances(system)) _flows[flow.Id] = Key(flow);
            _reviews.Clear();
            foreach (Entity review in system.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet(false) }).Entities)
                _reviews.Add(review.Id);
        }

        private static string Key(Entity flow) =>
            flow.GetAttributeValue<EntityReference>("opportunityid")?.Id + "/" + flow.GetAttributeValue<EntityReference>("activestageid")?.Id;

        /// <summary>The move forward the last action made on this open deal, or null.</summary>
        public GateAttempt MoveOf(Entity deal, IEnumerable<Entity> flows)
        {
            int before = _stages.TryGetValue(deal.Id, out int stage) ? stage : SalesStage.Qualify; // a new deal starts before Qualify's gate
            int to = DealStage.Of(deal) ?? SalesStage.Qualify;
            foreach (Entity flow in flows.Where(f => f.GetAttributeValue<EntityReference>("opportunityid")?.Id == deal.Id))
                if (!_flows.TryGetValue(flow.Id, out string was) || was != Key(flow)) // started, moved or re-pointed here
                    to = Math.Max(to, FuzzWorld.FlowStageOf(flow.GetAttributeValue<EntityReference>("activestageid").Id));
            return to > before ? new GateAttempt { FromStage = before, ToStage = to } : null;
        }

        /// <param name="crossed">What the rules whose gate the move crosses ask of each function (their watched columns).</param>
        /// <param name="reviews">The deal's reviews after the move (rows with crmc_supersededby and crmc_relevantcolumns).</param>
        public void AssertCleared(Entity deal, GateAttempt move, IReadOnlyList<RequiredReview> required, IReadOnlyList<RequiredReview> crossed, IReadOnlyList<Entity> reviews)
        {
            var current = reviews.Select(FeasibilityRepository.ToState).Where(r => r.IsCurrent).GroupBy(r => r.Function)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedOn).ThenBy(r => r.IsApproved).First()); // a tie: the less favourable
            foreach (RequiredReview need in required.Where(r => move.Crosses(r.GateStage)))
            {
                current.TryGetValue(need.Function, out ReviewState review);
                if (review != null && review.IsApproved) continue;
                // The move may lean on an approval that covers what the rules of the gates it crosses watch, which the same
                // save then has asked again because a rule of a later gate, which the deal now reaches, watches more
                // (ReviewCoverage: the new review supersedes it).
                RequiredReview ofCrossed = crossed.FirstOrDefault(c => c.Function == need.Function);
                bool leanedOn = ofCrossed != null && reviews.Any(r => SupersededByThisMove(r) && Covers(r, ofCrossed)
                    && FeasibilityRepository.ToState(r) is ReviewState was && was.Function == need.Function && was.IsApproved);
                Assert.True(leanedOn,
                    $"open deal {deal.Id} moved from stage {move.FromStage} to {move.ToStage}, past the {need.Function} gate ({need.GateStage}: {string.Join(", ", need.RuleNames)}), " +
                    $"with no current approved {need.Function} review ({review?.Decision.ToString() ?? "none"})");
            }
        }

        /// <summary>A review there before the action, superseded by one the action made.</summary>
        private bool SupersededByThisMove(Entity review) =>
            _reviews.Contains(review.Id) && review.GetAttributeValue<EntityReference>("crmc_supersededby") is EntityReference by && !_reviews.Contains(by.Id);

        private static bool Covers(Entity review, RequiredReview need)
        {
            var watched = new HashSet<string>((review.GetAttributeValue<string>("crmc_relevantcolumns") ?? "").Split(',').Select(c => c.Trim()),
                StringComparer.OrdinalIgnoreCase);
            return need.RelevantColumns.All(watched.Contains);
        }
    }
}
