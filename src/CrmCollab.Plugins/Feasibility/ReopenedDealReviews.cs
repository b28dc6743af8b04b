using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A reopened deal's decided reviews count again at the gate: those that approved terms the deal no longer has
    /// (changed while it was closed) are re-opened (<see cref="MaterialChangeRule.OutdatedAtReopen"/>), before the reopen
    /// asks for the reviews the deal needs. An open deal's decisions on terms changed without CrmCollab's checks (an import
    /// with custom logic bypassed), which the gate counts as pending (<see cref="OutdatedDecisions"/>), are re-opened the
    /// same way whenever CrmCollab requests the deal's reviews (<see cref="ReopenOutdatedDecisions"/>), so the reviewer
    /// finds a new pending review in their queue, as after any change of the terms.
    /// </summary>
    public static class ReopenedDealReviews
    {
        /// <summary>Re-opens the outdated approvals of the deal; returns how many. Reads the reviews, and the deal only when one is decided.</summary>
        public static int ReopenOutdated(IOrganizationService service, Guid dealId) =>
            Reopen(service, dealId, new FeasibilityRepository(service).Reviews(dealId), false);

        /// <summary>
        /// Re-opens the decisions among <paramref name="rows"/> (the deal's reviews, updated in place) that the gate counts
        /// as pending because the terms they were decided on changed without CrmCollab's checks (<see cref="OutdatedDecisions"/>,
        /// the same comparison: not for a review decided before fingerprints were recorded). Reads the
        /// deal only when a fingerprinted decision is on record. Called only from an operation on the deal itself.
        /// </summary>
        public static int ReopenOutdatedDecisions(IOrganizationService service, Guid dealId, List<Entity> rows) =>
            Reopen(service, dealId, rows, true);

        /// <param name="asTheGate">As the gate counts them (<see cref="OutdatedDecisions"/>) rather than at a reopen
        /// (<see cref="MaterialChangeRule.OutdatedAtReopen"/>, every decision, whatever the deal's past).</param>
        private static int Reopen(IOrganizationService service, Guid dealId, List<Entity> rows, bool asTheGate)
        {
            List<WatchedReview> decided = Decided(rows, asTheGate);
            if (decided.Count == 0) return 0;
            ColumnSet columns = TermsOf(decided);
            Entity deal = service.Retrieve(Opportunity.Table, dealId, columns);
            Func<string, string> valueOf = column => MaterialChange.Text(deal, column);
            IReadOnlyList<Guid> outdated = asTheGate
                ? OutdatedDecisions.Of(decided, valueOf)
                : MaterialChangeRule.OutdatedAtReopen(decided, valueOf);
            var repository = new FeasibilityRepository(service);
            foreach (Guid review in outdated)
            {
                repository.Invalidate(review);
                rows.First(r => r.Id == review)[FeasibilityReviewRow.Decision] = new OptionSetValue((int)ReviewDecision.Invalidated);
            }
            return outdated.Count;
        }

        private static List<WatchedReview> Decided(IEnumerable<Entity> rows, bool fingerprinted) =>
            rows.Select(FeasibilityRepository.ToWatched)
                .Where(r => r.State.IsCurrent && r.State.Decision != ReviewDecision.Pending && (!fingerprinted || r.Fingerprint != null)).ToList();

        /// <summary>The deal's columns the decisions watched (the products aside), with the currency an amount is fingerprinted with.</summary>
        private static ColumnSet TermsOf(IEnumerable<WatchedReview> decided)
        {
            var columns = new ColumnSet(Opportunity.TransactionCurrencyId);
            foreach (string column in decided.SelectMany(r => r.RelevantColumns))
                if (!string.Equals(column, FeasibilityRuleValidator.ProductsToken, StringComparison.OrdinalIgnoreCase)
                    && !columns.Columns.Contains(column.ToLowerInvariant()))
                    columns.AddColumn(column.ToLowerInvariant());
            return columns;
        }
    }
}
