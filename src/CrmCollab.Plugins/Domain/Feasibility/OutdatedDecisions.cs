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
    /// decision as waiting for a new one. A review decided before fingerprints were recorded (none) is taken as it is, and
    /// so are the decisions of a deal won once: its terms change after the win only through approved amendments, which
    /// are its clearance (as the material-change step holds), so a re-win after a reopen leans on them.
    /// </summary>
    public static class OutdatedDecisions
    {
        /// <param name="valueOf">Invariant text of a deal column as the attempt leaves it ("" for null), as fingerprints are written.</param>
        /// <param name="wonOnce">The deal has been won before (it carries its first win date).</param>
        public static IReadOnlyList<Guid> Of(IEnumerable<WatchedReview> reviews, Func<string, string> valueOf, bool wonOnce) =>
            wonOnce ? new Guid[0] : MaterialChangeRule.OutdatedAtReopen(reviews.Where(r => r.Fingerprint != null), valueOf);

        /// <summary>What the salesperson is told about such decisions, and what to do.</summary>
        public static string Sentence(IReadOnlyCollection<string> functions)
        {
            string names = string.Join(", ", functions);
            return $"{names} decided on other terms than the deal has now: they were changed without CrmCollab's checks " +
                   "(for example by an import), so that decision no longer covers them. Run the Request Feasibility Reviews workflow on the deal " +
                   "(or save its stage again): CrmCollab then re-opens that decision and asks the reviewer again on the current terms, in their queue; " +
                   "wait for that decision, or ask your CrmCollab administrator.";
        }
    }
}
