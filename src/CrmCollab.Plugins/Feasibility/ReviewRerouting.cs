using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A deal moved to another account: its pending reviews follow the new account's routing (its dedicated owners,
    /// its rules), as they would have been routed had the deal been the new account's from the start, and its decided
    /// reviews are re-opened (<see cref="Domain.Feasibility.AccountChangeRule"/>): they were given for another customer,
    /// by that customer's reviewers, and moving the deal away and back must not choose who approves it.
    /// </summary>
    public static class ReviewRerouting
    {
        /// <summary>A won deal moved to another account: its decided reviews are re-opened (they count again once it is
        /// reopened, <see cref="AccountChangeRule.ReopensDecided"/>); nothing is routed. Returns how many.</summary>
        public static int ReopenDecided(IOrganizationService service, Guid dealId)
        {
            var repository = new FeasibilityRepository(service);
            return InvalidateDecided(repository, repository.Reviews(dealId));
        }

        /// <summary>Re-opens the decided reviews among the deal's <paramref name="reviews"/> (<see cref="AccountChangeRule.ToReopen"/>).</summary>
        private static int InvalidateDecided(FeasibilityRepository repository, IEnumerable<Entity> reviews)
        {
            IReadOnlyList<Guid> decided = AccountChangeRule.ToReopen(reviews.Select(FeasibilityRepository.ToState));
            foreach (Guid review in decided) repository.Invalidate(review);
            return decided.Count;
        }

        /// <summary>
        /// Before a merge moves the merged-away account's deals (those it routes: its customer's, or its Account's when the
        /// customer is a contact) to the account that stays: their decided reviews are re-opened,
        /// as a save of the customer does: a closed deal's are asked again of the account that stays at its reopen, an open
        /// deal's at its next review request (a save of its stage, the Request Feasibility Reviews step); the gate counts them
        /// missing until then. One query, then one per deal. Returns how many.
        /// </summary>
        public static int ReopenForMerge(IOrganizationService service, Guid mergedAway)
        {
            var query = new QueryExpression(Opportunity.Table)
                { ColumnSet = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId) };
            var whose = new FilterExpression(LogicalOperator.Or);
            whose.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, mergedAway);
            whose.AddCondition(Opportunity.ParentAccountId, ConditionOperator.Equal, mergedAway);
            query.Criteria.AddFilter(whose);
            int reopened = 0;
            foreach (Entity deal in service.RetrieveMultiple(query).Entities)
                if (HandoffCreation.AccountOf(deal) == mergedAway)
                    reopened += ReopenDecided(service, deal.Id);
            return reopened;
        }

        /// <param name="deal">The deal as it is now (id, owner and owner history).</param>
        public static int ForNewAccount(IOrganizationService service, Entity deal, Guid accountId, DateTime now)
        {
            var repository = new FeasibilityRepository(service);
            List<Entity> reviews = repository.Reviews(deal.Id);
            InvalidateDecided(repository, reviews);
            var pending = reviews.Where(r => FeasibilityRepository.ToState(r).Decision == ReviewDecision.Pending).ToList();
            if (pending.Count == 0) return 0;
            var functions = pending.Select(FunctionOf).Distinct().ToList();
            OwnerResolver resolver = new RoutingRepository(service).ResolverFor(accountId, functions);
            var application = new RoutingApplication(service);
            string reason = $"Reassigned {now:yyyy-MM-dd} after the deal moved to another account";
            int moved = 0;
            foreach (Entity review in pending)
            {
                // Nobody who owns or has owned the deal (or owned it when the review was asked) is given its review.
                DealOwnership owners = FormerDealOwners.ForRouting(deal.Read<EntityReference>(Opportunity.OwnerId),
                    deal.Read<string>(Opportunity.OwnerHistory), review.RefId(FeasibilityReviewRow.DealOwnerAtRequest));
                OwnerResolution routing = resolver.Resolve(FunctionOf(review), now, owners);
                EntityReference holder = review.Read<EntityReference>(FeasibilityReviewRow.OwnerId);
                // Nobody for the new account either, and its reviewer has left (the review is held with them): it stays held,
                // its path saying why for this account, not the one it left (or that it had none).
                bool leftWithLeaver = routing.Owner == null && HeldWithLeaver(service, review.Id);
                if (leftWithLeaver) routing = UnroutedHolding.NobodyNoted(routing, holder?.Name, UnroutedHolding.ReviewLeftWithDisabledOwner);
                if (application.Reroute(review, holder, routing, FeasibilityReviewRow.RoutingPath, null, reason, review.Read<string>(FeasibilityReviewRow.Name),
                        notesUnmoved: leftWithLeaver, hold: leftWithLeaver ? RoutingHold.LeftWithDisabledOwner : (RoutingHold?)null))
                    moved++;
            }
            return moved;
        }

        /// <summary>Whether the leaver's handover left the review with its disabled reviewer (<see cref="RoutingHold.LeftWithDisabledOwner"/>).</summary>
        private static bool HeldWithLeaver(IOrganizationService service, Guid review) =>
            service.Retrieve(FeasibilityReviewRow.Table, review, new ColumnSet(FeasibilityReviewRow.RoutingHold))
                .Choice(FeasibilityReviewRow.RoutingHold) == (int)RoutingHold.LeftWithDisabledOwner;

        private static BusinessFunction FunctionOf(Entity review) => (BusinessFunction)(review.Choice(FeasibilityReviewRow.Function) ?? 0);
    }
}
