using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    public sealed class RequestOutcome
    {
        public IReadOnlyList<BusinessFunction> Requested { get; set; }
        public GateVerdict Verdict { get; set; }
    }

    /// <summary>
    /// Requests the reviews a deal needs at its stage: one Pending review per required function that has no current
    /// review yet (however many rules ask for it), routed like handoffs, and records the deal's feasibility status.
    /// </summary>
    public sealed class ReviewRequester
    {
        private readonly IOrganizationService _service;
        private readonly FeasibilityRepository _repository;

        /// <param name="shared">The step's SharedVariables (rules and industry an earlier step of the message read), or null.</param>
        public ReviewRequester(IOrganizationService service, ParameterCollection shared = null)
        {
            _service = service;
            _repository = new FeasibilityRepository(service, shared);
        }

        /// <param name="deal">The deal as it is now (id, and the columns of FeasibilityRepository.DealColumns).</param>
        /// <param name="reopenOutdated">Re-open first the decisions the gate counts as pending because their terms changed
        /// without CrmCollab's checks (<see cref="ReopenedDealReviews.ReopenOutdatedDecisions"/>), so they are asked again: only
        /// from an operation on the deal itself (its save, its flow's move, the Request Feasibility Reviews step's save).</param>
        public RequestOutcome Request(Entity deal, int stage, DateTime now, bool reopenOutdated = false)
        {
            DealFacts facts = _repository.Facts(deal);
            IReadOnlyList<FeasibilityRule> rules = _repository.ActiveRulesFor(facts);
            Guid? accountId = HandoffCreation.AccountOf(deal);
            facts.IndustryCode = _repository.IndustryOf(accountId, rules);
            IReadOnlyList<RequiredReview> required = FeasibilityRequirements.For(facts, stage, now, rules);
            List<Entity> reviews = _repository.Reviews(deal.Id);
            if (reopenOutdated) ReopenedDealReviews.ReopenOutdatedDecisions(_service, deal.Id, reviews);
            IReadOnlyList<RequiredReview> atAnyStage = FeasibilityRequirements.AtAnyStage(facts, now, rules);
            // A function's newest review that does not cover what its rules now watch is asked again when decided, widened when
            // pending (ReviewCoverage); an older one a newer review of the function shadows is not its word (NewestReviews).
            // The rows as they stand, read once for the two questions below (nothing changes them in between).
            List<ReviewState> states = reviews.Select(FeasibilityRepository.ToState).ToList();
            var newest = new HashSet<Guid>(NewestReviews.PerFunction(states).Select(r => r.Id));
            IReadOnlyList<WatchedReview> uncovered = ReviewCoverage.Uncovered(reviews.Where(r => newest.Contains(r.Id)).Select(FeasibilityRepository.ToWatched), required);
            var superseded = uncovered.Where(r => r.State.Decision != ReviewDecision.Pending).ToList();
            // Stale reviews are not required, so withdrawing them changes nothing missing. They are withdrawn even when the
            // missing ones cannot be routed: a save is refused whole below (its transaction rolls back), while a background
            // re-evaluation, which goes on to the next deal, still takes a retired rule's review out of its reviewer's queue.
            var current = new HashSet<BusinessFunction>(states.Where(r => r.IsCurrent).Select(r => r.Function));
            foreach (WatchedReview review in superseded) current.Remove(review.State.Function);
            var missing = required.Where(r => !current.Contains(r.Function)).ToList();
            WithdrawStale(reviews, atAnyStage, now);
            if (missing.Count > 0 && accountId == null)
                throw new InvalidPluginExecutionException(new Refusal(RefusalCodes.NoAccountForReviews,
                    "This deal needs feasibility reviews, but it has no account to route them with. Set its account (customer) and save again.").Message);
            foreach (WatchedReview review in uncovered.Where(r => r.State.Decision == ReviewDecision.Pending))
            {
                IReadOnlyList<string> columns = required.First(r => r.Function == review.State.Function).RelevantColumns
                    .Union(review.RelevantColumns, StringComparer.OrdinalIgnoreCase).ToList();
                _repository.Widen(review.Id, columns);
                reviews.First(r => r.Id == review.Id)[FeasibilityReviewRow.RelevantColumns] = string.Join(",", columns);
            }

            if (missing.Count > 0)
            {
                OwnerResolver resolver = new RoutingRepository(_service).ResolverFor(accountId.Value, missing.Select(m => m.Function));
                // Nobody who owns or has owned the deal is given its review (they could not decide it).
                DealOwnership owners = FormerDealOwners.ForRouting(deal.Read<EntityReference>(Opportunity.OwnerId), deal.Read<string>(Opportunity.OwnerHistory));
                foreach (RequiredReview review in missing)
                {
                    Entity created = _repository.CreateReview(deal, review, resolver.Resolve(review.Function, now, owners), now);
                    reviews.Add(created);
                    foreach (WatchedReview old in superseded.Where(r => r.State.Function == review.Function))
                    {
                        _repository.Supersede(old.Id, created.Id);
                        reviews.First(r => r.Id == old.Id)[FeasibilityReviewRow.SupersededBy] = created.ToEntityReference();
                    }
                }
            }
            GateVerdict verdict = FeasibilityGate.Evaluate(reviews.Select(FeasibilityRepository.ToState));
            if (MaterialChangeRule.StatusWaitsForReviews(reviews.Count, atAnyStage)) return new RequestOutcome { Requested = new BusinessFunction[0], Verdict = verdict };
            _repository.SaveStatus(deal.Id, verdict, deal.Choice(Opportunity.FeasibilityStatus), deal.Read<string>(Opportunity.FeasibilitySummary));
            return new RequestOutcome { Requested = missing.Select(m => m.Function).ToList(), Verdict = verdict };
        }

        /// <summary>
        /// A won deal's pending reviews no rule asks for any more: withdrawn with the reason; nothing is asked, and the deal
        /// keeps the feasibility status it was won with. Such a review is one the win's gate no longer required — a rule
        /// retired, or a currency's rate changed, whose background re-evaluation ran after the win — and a won deal's reviews
        /// are final, so nobody else could withdraw it. Returns how many.
        /// </summary>
        /// <param name="deal">The won deal (id, and the columns of FeasibilityRepository.DealColumns).</param>
        public int WithdrawStaleOfWonDeal(Entity deal, DateTime now)
        {
            DealFacts facts = _repository.Facts(deal);
            IReadOnlyList<FeasibilityRule> rules = _repository.ActiveRulesFor(facts);
            facts.IndustryCode = _repository.IndustryOf(HandoffCreation.AccountOf(deal), rules);
            return WithdrawStale(_repository.Reviews(deal.Id), FeasibilityRequirements.AtAnyStage(facts, now, rules), now);
        }

        /// <summary>Pending reviews no rule asks for any more are withdrawn with the reason (kept as history). Returns how many.</summary>
        private int WithdrawStale(List<Entity> reviews, IReadOnlyList<RequiredReview> requiredAtAnyStage, DateTime now)
        {
            var stale = StaleReviews.ToWithdraw(reviews.Select(FeasibilityRepository.ToState), requiredAtAnyStage);
            foreach (ReviewState review in stale)
            {
                _repository.Withdraw(review.Id, StaleReviews.Reason(review.Function, now));
                Entity row = reviews.First(r => r.Id == review.Id);
                row[FeasibilityReviewRow.Decision] = new OptionSetValue((int)ReviewDecision.Withdrawn);
            }
            return stale.Count;
        }

    }
}
