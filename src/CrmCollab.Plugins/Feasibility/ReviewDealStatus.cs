using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// An open deal's feasibility status and summary (<see cref="FeasibilityGate"/>) as a change of one of its reviews by
    /// someone leaves them: a decision (<see cref="ReviewDecisionGuard"/>, after it), a review made by hand (before it is
    /// written, counted with the deal's other reviews) or deleted (before it goes). A closed deal keeps the status it was closed with.
    /// </summary>
    internal static class ReviewDealStatus
    {
        /// <param name="deal">The deal with its status, summary and state, or null to read them.</param>
        /// <param name="added">A review not yet written that counts with the others (a review made by hand), or null.</param>
        public static void Refresh(IOrganizationService service, Guid dealId, Entity deal = null, Entity added = null) =>
            Save(service, dealId, deal, reviews =>
            {
                if (added != null) reviews.Add(added);
                return reviews;
            });

        /// <summary>
        /// Before the Delete of the review <paramref name="removed"/> (a pending one, by an administrator): the status as the
        /// deal's other reviews leave it, when another current review of its <paramref name="function"/> remains to give
        /// that function's word. Otherwise it is left as it was (pending): the gate counts a missing review as pending, and
        /// the reviews alone would read the function as not required at all.
        /// </summary>
        public static void RefreshWithout(IOrganizationService service, Guid dealId, Guid removed, BusinessFunction function) =>
            Save(service, dealId, null, reviews =>
            {
                reviews.RemoveAll(r => r.Id == removed);
                return reviews.Select(FeasibilityRepository.ToState).Any(r => r.IsCurrent && r.Function == function) ? reviews : null;
            });

        /// <param name="asLeft">The deal's reviews as the change leaves them, or null to leave the status as it is.</param>
        private static void Save(IOrganizationService service, Guid dealId, Entity deal, Func<List<Entity>, List<Entity>> asLeft)
        {
            deal = deal ?? service.Retrieve(Opportunity.Table, dealId,
                new ColumnSet(Opportunity.FeasibilityStatus, Opportunity.FeasibilitySummary, Opportunity.StateCode));
            if (deal.Choice(Opportunity.StateCode) != Opportunity.StateOpen) return;
            var repository = new FeasibilityRepository(service);
            List<Entity> reviews = asLeft(repository.Reviews(dealId));
            if (reviews == null) return;
            GateVerdict verdict = FeasibilityGate.Evaluate(reviews.Select(FeasibilityRepository.ToState));
            repository.SaveStatus(dealId, verdict, deal.Choice(Opportunity.FeasibilityStatus), deal.Read<string>(Opportunity.FeasibilitySummary));
        }

        /// <summary>
        /// The review a Create by hand is about to write, as the deal's reviews are read (<see cref="FeasibilityRepository.Reviews"/>):
        /// pending, made now, held by <paramref name="owner"/> (named: the summary says who it waits for; one read).
        /// </summary>
        public static Entity MadeByHand(IOrganizationService service, Entity target, EntityReference owner, DateTime now)
        {
            string name = Terms.Principals.NameOf(service, owner);
            var review = new Entity(FeasibilityReviewRow.Table, target.Id == Guid.Empty ? Guid.NewGuid() : target.Id);
            foreach (KeyValuePair<string, object> column in target.Attributes) review[column.Key] = column.Value;
            review[FeasibilityReviewRow.OwnerId] = new EntityReference(owner.LogicalName, owner.Id) { Name = name };
            review[FeasibilityReviewRow.CreatedOn] = now;
            return review;
        }
    }
}
