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
    /// (one Retrieve), and the deal's reviews only when some required function's gate is crossed (one query, kept for the
    /// instance's later checks).
    /// </summary>
    public sealed class GateCheck
    {
        private readonly FeasibilityRepository _repository;
        private readonly IOrganizationService _service;
        // Who owns or has owned the deal, and who is a CrmCollab Administrator: facts of the organisation's security, which
        // a reader's own rights may hide (a user may not read the role assignments that make them an administrator).
        private readonly IOrganizationService _directory;
        private readonly Dictionary<Guid, List<Entity>> _reviews = new Dictionary<Guid, List<Entity>>();

        /// <param name="shared">The step's SharedVariables (rules and industry shared with later steps of the message), or null.</param>
        /// <param name="directory">The service that reads who owns the deal and who is an administrator, when it is not
        /// <paramref name="service"/>: SYSTEM for a custom API that otherwise reads with its caller's rights, so that its answer
        /// is the one the guards, which read as SYSTEM, will give.</param>
        public GateCheck(IOrganizationService service, ParameterCollection shared = null, IOrganizationService directory = null)
        {
            _repository = new FeasibilityRepository(service, shared);
            _service = service;
            _directory = directory ?? service;
        }

        /// <summary>What the gate reads of the deal: the rules' facts and stage (FeasibilityRepository.DealColumns), every
        /// term a review may watch (FeasibilityRuleValidator.WatchedColumns), which its decision's fingerprint is compared
        /// with (<see cref="OutdatedDecisions"/>), the first win date and who has owned the deal (<see cref="DealOwnerHistory"/>).</summary>
        public static readonly string[] DealColumns =
            FeasibilityRepository.DealColumns.Concat(FeasibilityRuleValidator.WatchedColumns).Concat(new[] { Opportunity.WonOn, Opportunity.OwnerHistory }).Distinct().ToArray();

        /// <param name="deal">The deal as it will be after the attempt (id and <see cref="DealColumns"/>).</param>
        /// <param name="currentStage">The deal's stage before the attempt.</param>
        /// <param name="changedTerms">The columns the same save changes (<see cref="MaterialChange.ChangedTerms"/>), whose
        /// change re-opens the decided reviews that watched them; null for a save that changes no terms.</param>
        /// <param name="recordedTerms">The deal's terms as the attempt records them, when they are not <paramref name="deal"/>'s
        /// (a win at another price than the estimate, <see cref="WinPrice"/>): what the decided reviews are compared with.</param>
        /// <param name="movesAccount">The same save moves the deal to another account (<see cref="AccountChangeRule.Moves"/>),
        /// which re-opens every decided review for the new account's reviewers (<see cref="FeasibilityRequest"/>, after the save).</param>
        /// <returns>Null when the attempt may go on, else the refusal.</returns>
        public Refusal Check(Entity deal, GateAttempt attempt, int currentStage, DateTime now, IReadOnlyCollection<string> changedTerms = null,
            Entity recordedTerms = null, bool movesAccount = false) =>
            Decide(deal, attempt, currentStage, now, changedTerms, recordedTerms, movesAccount).Refusal;

        /// <summary>As <see cref="Check"/>, with what holds the attempt as data (<see cref="FeasibilityClearance.Decide"/>).</summary>
        public ClearanceDecision Decide(Entity deal, GateAttempt attempt, int currentStage, DateTime now, IReadOnlyCollection<string> changedTerms = null,
            Entity recordedTerms = null, bool movesAccount = false)
        {
            IReadOnlyList<RequiredReview> required = Required(deal, now, out DealFacts facts, out IReadOnlyList<FeasibilityRule> rules);
            if (!CrossesAGate(attempt, required)) return ClearanceDecision.Cleared;
            List<Entity> rows = Reviews(deal.Id);
            // A decided review this very save re-opens is not the approval the move may lean on (MaterialChange re-opens
            // it after the save, at PostOperation).
            Func<string, string> terms = column => MaterialChange.Text(recordedTerms ?? deal, column);
            // The rows read as the rules see them: each fresh for this decision, used by the rules below in turn (only the
            // last, ReviewCoverage.ForAttempt, marks what it counts as superseded), instead of read again for each rule.
            List<WatchedReview> watched = rows.Select(FeasibilityRepository.ToWatched).ToList();
            IReadOnlyList<Guid> reopened = changedTerms == null || changedTerms.Count == 0 ? null
                : MaterialChangeRule.ToInvalidate(true, watched, changedTerms, terms);
            // Nor one given for the account this very save moves the deal away from (AccountChangeRule: all of them).
            if (movesAccount) reopened = AccountChangeRule.ToReopen(rows.Select(FeasibilityRepository.ToState));
            // A decision on terms changed since without CrmCollab's checks (an import with custom logic bypassed) is not one either.
            IReadOnlyList<Guid> outdated = OutdatedDecisions.Of(watched, terms);
            // An approval counts for the rules whose gate the attempt crosses only if it covers the columns they watch.
            IReadOnlyList<RequiredReview> crossedNeeds = FeasibilityRequirements.For(facts, SalesStage.Close, now, rules.Where(r => attempt.Crosses(r.GateStage)));
            IReadOnlyList<ReviewState> reviews = ReviewCoverage.ForAttempt(watched, crossedNeeds);
            IReadOnlyList<Guid> ownDeal = OwnDealApprovals.Of(reviews, Memo(user => Terms.Principals.OwnsOrBelongs(_directory, user, deal.Read<EntityReference>(Opportunity.OwnerId))),
                Memo(user => Terms.Principals.IsAdministrator(_directory, user)),
                FormerDealOwners.Of(_directory, deal.Read<string>(Opportunity.OwnerHistory),
                    reviews.Where(r => r.IsCurrent && r.IsApproved && r.DecidedBy.HasValue).Select(r => r.DecidedBy.Value)));
            return FeasibilityClearance.Decide(attempt, currentStage, required, reviews, reopened == null ? null : new HashSet<Guid>(reopened),
                outdated.Count == 0 ? null : new HashSet<Guid>(outdated), ownDeal.Count == 0 ? null : new HashSet<Guid>(ownDeal), movesAccount);
        }

        /// <summary>
        /// The win at the price it records (<see cref="WinPrice"/>): the rules weigh the larger of the estimated revenue and
        /// the close's actual revenue, and an actual revenue other than the estimate counts as a change of the amount,
        /// re-opening the approvals that watched it. A win without an actual revenue is weighed on the deal as it is.
        /// </summary>
        /// <param name="deal">The deal (id and <see cref="DealColumns"/>).</param>
        /// <param name="stage">Its stage.</param>
        /// <param name="actualRevenue">The actual revenue the win records, or null.</param>
        public ClearanceDecision DecideWin(Entity deal, int stage, DateTime now, decimal? actualRevenue)
        {
            var attempt = new GateAttempt { FromStage = stage, ToStage = stage, Winning = true };
            decimal? estimated = deal.MoneyValue(Opportunity.EstimatedValue);
            if (!WinPrice.Differs(estimated, actualRevenue)) return Decide(deal, attempt, stage, now);
            Entity weighed = WithAmount(deal, WinPrice.Weighed(estimated, actualRevenue).Value);
            Entity recorded = WithAmount(deal, actualRevenue.Value);
            ClearanceDecision decision = Decide(weighed, attempt, stage, now, new[] { Opportunity.EstimatedValue }, recorded);
            return decision.IsCleared ? decision : decision.WithRefusal(WinPrice.Explain(decision.Refusal, estimated, actualRevenue.Value));
        }

        /// <summary>
        /// The win as <see cref="Guards.CloseGuard"/> decides it: the gate at the price (<see cref="DecideWin"/>), then an
        /// account to route the handoffs by (<see cref="Domain.Handoff.HandoffCreationRules.CheckWin"/>); the win's other
        /// checks follow in <see cref="WinCheck"/>, which the Get Feasibility Status step asks too.
        /// </summary>
        public ClearanceDecision DecideClose(Entity deal, int stage, DateTime now, decimal? actualRevenue)
        {
            ClearanceDecision decision = DecideWin(deal, stage, now, actualRevenue);
            if (!decision.IsCleared) return decision;
            Refusal noAccount = Domain.Handoff.HandoffCreationRules.CheckWin(Routing.HandoffCreation.AccountOf(deal), deal.Read<string>(Opportunity.Name));
            return noAccount == null ? decision : decision.WithRefusal(noAccount);
        }

        /// <summary>The deal's next move through a gate (<see cref="GateAttempt.NextMove"/>), by the rules in force; null at Close.</summary>
        public GateAttempt NextMove(Entity deal, int stage, DateTime now) =>
            GateAttempt.NextMove(stage, Required(deal, now, out DealFacts _, out IReadOnlyList<FeasibilityRule> _));

        /// <summary>Every function the deal's facts now require (rules at any stage, account industry included).</summary>
        private IReadOnlyList<RequiredReview> Required(Entity deal, DateTime now, out DealFacts facts, out IReadOnlyList<FeasibilityRule> rules)
        {
            facts = _repository.Facts(deal);
            rules = _repository.ActiveRulesFor(facts);
            if (rules.Count == 0) return new RequiredReview[0];
            facts.IndustryCode = _repository.IndustryOf(Routing.HandoffCreation.AccountOf(deal), rules);
            return FeasibilityRequirements.AtAnyStage(facts, now, rules);
        }

        /// <summary>The deal's reviews, read once per check (a status asks about several attempts).</summary>
        private List<Entity> Reviews(Guid dealId)
        {
            if (!_reviews.TryGetValue(dealId, out List<Entity> rows)) _reviews[dealId] = rows = _repository.Reviews(dealId);
            return rows;
        }

        private static Entity WithAmount(Entity deal, decimal amount)
        {
            var copy = new Entity(deal.LogicalName, deal.Id);
            foreach (var column in deal.Attributes) copy[column.Key] = column.Value;
            copy[Opportunity.EstimatedValue] = new Money(amount);
            return copy;
        }

        /// <summary>Asks once per user (a deal's reviews are mostly decided by few people).</summary>
        private static Func<Guid, bool> Memo(Func<Guid, bool> ask)
        {
            var answers = new Dictionary<Guid, bool>();
            return user =>
            {
                if (!answers.TryGetValue(user, out bool answer)) answers[user] = answer = ask(user);
                return answer;
            };
        }

        private static bool CrossesAGate(GateAttempt attempt, IReadOnlyList<RequiredReview> required)
        {
            foreach (RequiredReview review in required) if (attempt.Crosses(review.GateStage)) return true;
            return false;
        }
    }
}
