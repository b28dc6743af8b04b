using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The server-side gate. With reviews on record it costs one query (the deal's reviews); only a deal that was
    /// never evaluated (it skipped the trigger stage) also reads the rules, to refuse skipping the reviews.
    /// </summary>
    public sealed class GateCheck
    {
        private readonly FeasibilityRepository _repository;

        public GateCheck(IOrganizationService service)
        {
            _repository = new FeasibilityRepository(service);
        }

        /// <returns>Null when the attempt may go on, else the refusal text.</returns>
        public string Check(Entity deal, GateAttempt attempt, DateTime now, bool factsChanged)
        {
            List<Entity> reviews = _repository.Reviews(deal.Id);
            var current = reviews.Where(r => FeasibilityRepository.ToState(r).IsCurrent)
                .GroupBy(r => r.Choice(FeasibilityReviewRow.Function))
                .Select(g => g.OrderByDescending(r => r.GetAttributeValue<DateTime?>(FeasibilityReviewRow.CreatedOn)).First())
                .ToList();
            var blocking = current
                .Where(r => attempt.Crosses(r.Choice(FeasibilityReviewRow.GateStage) ?? SalesStage.Propose))
                .Select(FeasibilityRepository.ToState)
                .Where(r => !r.IsApproved)
                .ToList();
            if (blocking.Count > 0)
                return FeasibilityGate.RefusalMessage(FeasibilityGate.Evaluate(blocking), attempt.Describe());
            if (current.Count > 0) return null;

            bool evaluatedAndNotRequired = deal.Choice(Opportunity.FeasibilityStatus) == (int)FeasibilityStatus.NotRequired;
            if (evaluatedAndNotRequired && !factsChanged) return null;
            return SkippedReviews(deal, attempt, now);
        }

        /// <summary>The deal jumps past its trigger stage (or was created late): its reviews were never requested.</summary>
        private string SkippedReviews(Entity deal, GateAttempt attempt, DateTime now)
        {
            var rules = _repository.ActiveRules();
            // Industry rules count too: the facts carry the account's industry when a rule looks at it.
            int? industry = _repository.IndustryOf(Routing.HandoffCreation.AccountOf(deal), rules);
            var needed = FeasibilityRequirements.For(FeasibilityRepository.FactsOf(deal, industry), SalesStage.Close, now, rules)
                .Where(r => attempt.Crosses(r.GateStage)).ToList();
            if (needed.Count == 0) return null;
            int trigger = rules.Where(r => needed.Any(n => n.Function == r.Function)).Min(r => r.TriggerStage);
            return FeasibilityGate.SkippedReviewsMessage(attempt, needed.Select(n => n.Function), trigger);
        }
    }
}
