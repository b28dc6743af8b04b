using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A decision counts for the gate only on the terms it was made on. Each decided review carries the fingerprint of
    /// the columns it watched when it was decided; every save that goes through CrmCollab re-opens it when they change
    /// (<see cref="MaterialChangeRule"/>), but a change made without CrmCollab's steps — an import or a data fix sent with
    /// custom logic bypassed, a step bypassed by its id, a recalculation the platform makes — leaves it standing on terms
    /// the deal no longer has. The gate compares the fingerprint with the deal's terms at the attempt, and counts such a
    /// decision as waiting for a new one. A review decided before fingerprints were recorded (none) is taken as it is.
    /// A deal won once is no exception: an approved amendment clears a change of the won deal's terms for the won deal,
    /// not a later move of its stage past a gate (its reopen re-opens those decisions anyway, <see cref="MaterialChangeRule.OutdatedAtReopen"/>),
    /// so a reopen sent with the move in one Update — which the platform runs as the move first, the deal still won — is
    /// judged as the same two steps sent one after the other.
    /// </summary>
    public static class OutdatedDecisions
    {
        /// <param name="valueOf">Invariant text of a deal column as the attempt leaves it ("" for null), as fingerprints are written.</param>
        public static IReadOnlyList<Guid> Of(IEnumerable<WatchedReview> reviews, Func<string, string> valueOf) =>
            MaterialChangeRule.OutdatedAtReopen(reviews.Where(r => r.Fingerprint != null), valueOf);

        /// <summary>What the salesperson is told about such decisions, and what to do.</summary>
        public static string Sentence(IReadOnlyCollection<string> functions)
        {
            string names = string.Join(", ", functions);
            return $"{names} decided on other terms than the deal has now: they were changed without CrmCollab's checks " +
                   "(for example by an import) or by an amendment after the win, so that decision no longer covers them. Run the Request Feasibility Reviews " +
                   "workflow on the deal (or save its stage again): CrmCollab then re-opens that decision and asks the reviewer again on the current terms, in their queue; " +
                   "wait for that decision, or ask your CrmCollab administrator. A won deal must first be reopened by a CrmCollab administrator.";
        }
    }
}
