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

        public void Remember(IOrganizationService system)
        {
            _stages.Clear();
            _flows.Clear();
            foreach (Entity deal in system.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet(FeasibilityRepository.DealColumns) }).Entities)
                _stages[deal.Id] = DealStage.Of(deal) ?? SalesStage.Qualify;
            foreach (Entity flow in FuzzWorld.FlowInstances(system)) _flows[flow.Id] = Key(flow);
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

        public static void AssertCleared(Entity deal, GateAttempt move, IReadOnlyList<RequiredReview> required, IEnumerable<ReviewState> reviews)
        {
            var current = reviews.Where(r => r.IsCurrent).GroupBy(r => r.Function).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedOn).First());
            foreach (RequiredReview need in required.Where(r => move.Crosses(r.GateStage)))
            {
                current.TryGetValue(need.Function, out ReviewState review);
                Assert.True(review != null && review.IsApproved,
                    $"open deal {deal.Id} moved from stage {move.FromStage} to {move.ToStage}, past the {need.Function} gate ({need.GateStage}), " +
                    $"with no current approved {need.Function} review ({review?.Decision.ToString() ?? "none"})");
            }
        }
    }
}
