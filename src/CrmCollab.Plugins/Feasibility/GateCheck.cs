using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Reads what the gate rule needs, at the moment of the attempt, and asks <see cref="FeasibilityClearance"/>:
    /// the active rules that can apply to the deal (one query), the account's industry only when a rule looks at it
    /// (one Retrieve), and the deal's reviews only when some required function's gate is crossed (one query).
    /// </summary>
    public sealed class GateCheck
    {
        private readonly FeasibilityRepository _repository;

        /// <param name="shared">The step's SharedVariables (rules and industry shared with later steps of the message), or null.</param>
        public GateCheck(IOrganizationService service, ParameterCollection shared = null)
        {
            _repository = new FeasibilityRepository(service, shared);
        }

        /// <param name="deal">The deal as it will be after the attempt (id and FeasibilityRepository.DealColumns).</param>
        /// <param name="currentStage">The deal's stage before the attempt.</param>
        /// <param name="changedTerms">The columns the same save changes (<see cref="MaterialChange.ChangedTerms"/>), whose
        /// change re-opens the decided reviews that watched them; null for a save that changes no terms.</param>
        /// <param name="recordedTerms">The deal's terms as the attempt records them, when they are not <paramref name="deal"/>'s
        /// (a win at another price than the estimate, <see cref="WinPrice"/>): what the decided reviews are compared with.</param>
        /// <returns>Null when the attempt may go on, else the refusal.</returns>
        public Refusal Check(Entity deal, GateAttempt attempt, int currentStage, DateTime now, IReadOnlyCollection<string> changedTerms = null,
            Entity recordedTerms = null)
        {
            DealFacts facts = _repository.Facts(deal);
            IReadOnlyList<FeasibilityRule> rules = _repository.ActiveRulesFor(facts);
            if (rules.Count == 0) return null;
            facts.IndustryCode = _repository.IndustryOf(Routing.HandoffCreation.AccountOf(deal), rules);
            IReadOnlyList<RequiredReview> required = FeasibilityRequirements.AtAnyStage(facts, now, rules);
            if (!CrossesAGate(attempt, required)) return null;
            List<Entity> rows = _repository.Reviews(deal.Id);
            // A decided review this very save re-opens is not the approval the move may lean on (MaterialChange re-opens
            // it after the save, at PostOperation).
            IReadOnlyList<Guid> reopened = changedTerms == null || changedTerms.Count == 0 ? null
                : MaterialChangeRule.ToInvalidate(true, rows.Select(FeasibilityRepository.ToWatched), changedTerms, column => MaterialChange.Text(recordedTerms ?? deal, column));
            // An approval counts for the rules whose gate the attempt crosses only if it covers the columns they watch.
            IReadOnlyList<RequiredReview> crossedNeeds = FeasibilityRequirements.For(facts, SalesStage.Close, now, rules.Where(r => attempt.Crosses(r.GateStage)));
            IReadOnlyList<ReviewState> reviews = ReviewCoverage.ForAttempt(rows.Select(FeasibilityRepository.ToWatched), crossedNeeds);
            return FeasibilityClearance.Check(attempt, currentStage, required, reviews, reopened == null ? null : new HashSet<Guid>(reopened));
        }

        private static bool CrossesAGate(GateAttempt attempt, IReadOnlyList<RequiredReview> required)
        {
            foreach (RequiredReview review in required) if (attempt.Crosses(review.GateStage)) return true;
            return false;
        }
    }
}
