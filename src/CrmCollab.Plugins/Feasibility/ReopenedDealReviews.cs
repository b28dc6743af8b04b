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
    /// asks for the reviews the deal needs.
    /// </summary>
    public static class ReopenedDealReviews
    {
        /// <summary>Re-opens the outdated approvals of the deal; returns how many. Reads the reviews, and the deal only when one is decided.</summary>
        public static int ReopenOutdated(IOrganizationService service, Guid dealId)
        {
            var repository = new FeasibilityRepository(service);
            List<WatchedReview> decided = repository.Reviews(dealId).Select(FeasibilityRepository.ToWatched)
                .Where(r => r.State.IsCurrent && r.State.Decision != ReviewDecision.Pending).ToList();
            if (decided.Count == 0) return 0;
            var columns = new ColumnSet(Opportunity.TransactionCurrencyId); // an amount is fingerprinted with its currency
            foreach (string column in decided.SelectMany(r => r.RelevantColumns))
                if (!string.Equals(column, FeasibilityRuleValidator.ProductsToken, StringComparison.OrdinalIgnoreCase)
                    && !columns.Columns.Contains(column.ToLowerInvariant()))
                    columns.AddColumn(column.ToLowerInvariant());
            Entity deal = service.Retrieve(Opportunity.Table, dealId, columns);
            IReadOnlyList<Guid> outdated = MaterialChangeRule.OutdatedAtReopen(decided, column => MaterialChange.Text(deal, column));
            foreach (Guid review in outdated) repository.Invalidate(review);
            return outdated.Count;
        }
    }
}
